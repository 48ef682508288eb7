/**
 * The metrics a study actually produces, for the summary tables: a control-only study has no
 * packets, so its throughput and latency columns would be rows of 0 and —. The rule: a metric is
 * shown when some point gives it a value AND its area (model/metrics.ts) is exercised — some
 * metric of the area is non-zero somewhere. The CSVs keep every column; only the page is pruned.
 */
import { METRIC_INFO, type MetricArea, type MetricName } from '../../model/metrics.js';
import type { SummaryRow } from '../charts/result-data.js';

function areaOf(metric: string): MetricArea | undefined {
  return Object.hasOwn(METRIC_INFO, metric) ? METRIC_INFO[metric as MetricName].area : undefined;
}

/** The metrics of `rows` worth a column, in their order of appearance. */
export function producedMetrics(rows: readonly SummaryRow[]): string[] {
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const hasValue = new Set(rows.filter((r) => Number.isFinite(r.mean)).map((r) => r.metric));
  const active = new Set<MetricArea | undefined>(['run', undefined]);
  for (const r of rows) if (Number.isFinite(r.mean) && r.mean !== 0) active.add(areaOf(r.metric));
  return metrics.filter((m) => hasValue.has(m) && active.has(areaOf(m)));
}
