import type { TopLevelSpec } from 'vega-lite';
import { categoriesOf } from './chart-dimension.js';
import { clampForLog, STAT_FIELDS, statValues, wantsLogScale } from './chart-values.js';
import { metricLabel } from './metric-label.js';
import type { MetricChartInput } from './metric-line-chart.js';
import {
  categoryAxisOf,
  categoryOf,
  frameChart,
  INTERVAL_HIGH,
  intervalLow,
  type Layer,
  meanAxis,
  tooltipOf,
} from './spec-parts.js';

/**
 * A metric per category (a strategy, a policy, a tenant) as bars of the mean with 95%
 * confidence whiskers; a color dimension other than x groups bars side by side in each band.
 * When the means span more than two decades (the log-scale rule, chart-values.ts) the axis is
 * logarithmic and the bars become dots: a bar's length means nothing on a log axis.
 */
export function metricBarChart(input: MetricChartInput): TopLevelSpec {
  const { x, facet } = input;
  const color = input.color ?? x;
  const raw = statValues(input.rows, [x, color === x ? undefined : color, facet]);
  const log = wantsLogScale(raw.map((v) => v[STAT_FIELDS.mean] ?? null));
  const values = log ? clampForLog(raw) : raw;
  const yTitle = metricLabel(input.metric);
  const mean: Layer = log
    ? {
        mark: { type: 'point', filled: true, size: 80, opacity: 1 },
        encoding: { y: meanAxis(yTitle, true, false, values), tooltip: tooltipOf([x, input.color, facet]) },
      }
    : {
        // Bars need a zero baseline: a bar's length is its value.
        mark: { type: 'bar' },
        encoding: { y: meanAxis(yTitle, false, true), tooltip: tooltipOf([x, input.color, facet]) },
      };
  const layer: Layer[] = [
    mean,
    {
      mark: { type: 'errorbar', ticks: { size: 8 } },
      encoding: { y: intervalLow(yTitle), y2: INTERVAL_HIGH, color: { value: '#222222' } },
    },
  ];
  const offset = color === x ? {} : { xOffset: categoryOf(color) };
  // Colored by x alone, a legend would only repeat the axis labels.
  const hue = color === x ? { ...categoryOf(x), legend: null } : categoryOf(color);
  const encoding = { x: categoryAxisOf(x), color: hue, ...offset };
  const bands = {
    labels: categoriesOf(x, input.rows),
    offsets: color === x ? 1 : categoriesOf(color, input.rows).length,
  };
  return frameChart({
    title: input.title,
    subtitle: input.subtitle,
    values,
    layer,
    encoding,
    facet,
    bands,
    color: color === x ? undefined : color,
  });
}
