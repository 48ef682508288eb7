import type { TopLevelSpec } from 'vega-lite';
import { statValues } from './chart-values.js';
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
 * confidence whiskers. A color dimension other than x groups bars side by side in each band.
 */
export function metricBarChart(input: MetricChartInput): TopLevelSpec {
  const { x, facet } = input;
  const color = input.color ?? x;
  const values = statValues(input.rows, [x, color === x ? undefined : color, facet]);
  const yTitle = metricLabel(input.metric);
  // Bars need a zero baseline: a bar's length is its value.
  const layer: Layer[] = [
    {
      mark: { type: 'bar' },
      encoding: { y: meanAxis(yTitle, false, true), tooltip: tooltipOf([x, input.color, facet]) },
    },
    {
      mark: { type: 'errorbar', ticks: { size: 8 } },
      encoding: { y: intervalLow(yTitle), y2: INTERVAL_HIGH, color: { value: '#222222' } },
    },
  ];
  const offset = color === x ? {} : { xOffset: categoryOf(color) };
  const encoding = { x: categoryAxisOf(x), color: categoryOf(color), ...offset };
  return frameChart({ title: input.title, subtitle: input.subtitle, values, layer, encoding, facet });
}
