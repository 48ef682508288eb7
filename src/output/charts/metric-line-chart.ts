import type { TopLevelSpec } from 'vega-lite';
import type { ChartDimension } from './chart-dimension.js';
import { clampForLog, STAT_FIELDS, statValues, wantsLogScale, wantsLogSweep } from './chart-values.js';
import { metricLabel } from './metric-label.js';
import type { SummaryRow } from './result-data.js';
import {
  categoryOf,
  frameChart,
  INTERVAL_HIGH,
  intervalLow,
  type Layer,
  meanAxis,
  positionOf,
  tooltipOf,
} from './spec-parts.js';

/** A metric drawn against dimensions; rows are summary rows of that one metric. */
export interface MetricChartInput {
  title: string;
  subtitle?: string | undefined;
  metric: string;
  rows: readonly SummaryRow[];
  x: ChartDimension;
  color?: ChartDimension | undefined;
  facet?: ChartDimension | undefined;
}

/**
 * A metric against a numeric swept parameter, one line per color value (a strategy, a
 * tenant), with points at the measured values and a band for the 95% confidence interval
 * (mean ± ci95_half over replications).
 */
export function metricLineChart(input: MetricChartInput): TopLevelSpec {
  const { x, color, facet } = input;
  const raw = statValues(input.rows, [x, color, facet]);
  const yTitle = metricLabel(input.metric);
  const logX = wantsLogSweep(raw.map((v) => v[x.field] ?? null));
  const logY = wantsLogScale(raw.map((v) => v[STAT_FIELDS.mean] ?? null));
  const values = logY ? clampForLog(raw) : raw;
  // The line comes first so that the legend takes its symbols, not the pale band's.
  const layer: Layer[] = [
    {
      mark: { type: 'line', point: true },
      encoding: { y: meanAxis(yTitle, logY, false, values), tooltip: tooltipOf([x, color, facet]) },
    },
    {
      mark: { type: 'area', opacity: 0.18 },
      encoding: { y: intervalLow(yTitle), y2: INTERVAL_HIGH },
    },
  ];
  const encoding = {
    x: positionOf(x, logX, values),
    ...(color === undefined ? {} : { color: categoryOf(color) }),
  };
  return frameChart({ title: input.title, subtitle: input.subtitle, values, layer, encoding, facet, color });
}
