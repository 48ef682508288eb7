import type { TopLevelSpec } from 'vega-lite';
import { type ChartDimension, compositeOf } from './chart-dimension.js';
import { metricBarChart } from './metric-bar-chart.js';
import { metricLineChart } from './metric-line-chart.js';
import type { SummaryRow } from './result-data.js';

export interface GroupChartInput {
  title: string;
  subtitle?: string | undefined;
  metric: string;
  /** Summary rows of the metric for the workload groups (not `all`). */
  rows: readonly SummaryRow[];
  x?: ChartDimension | undefined;
  /** The tenants (groupDimension of the rows). */
  group: ChartDimension;
  /** Dimensions that would otherwise color the chart: they move to the facet. */
  rest?: readonly ChartDimension[] | undefined;
}

/**
 * A per-tenant metric (throughput, control latency): the tenant takes the color channel so a
 * victim and a noisy neighbour sit side by side; every other swept parameter (a strategy, a
 * QoS policy) becomes a facet panel. Lines against a numeric x, bars otherwise.
 */
export function groupMetricChart(input: GroupChartInput): TopLevelSpec {
  const facet = compositeOf(input.rest ?? [], input.rows);
  const group = input.group;
  const base = {
    title: input.title,
    subtitle: input.subtitle,
    metric: input.metric,
    rows: input.rows,
    facet,
  };
  if (input.x === undefined) return metricBarChart({ ...base, x: group });
  if (input.x.numeric) return metricLineChart({ ...base, x: input.x, color: group });
  return metricBarChart({ ...base, x: input.x, color: group });
}
