/**
 * Replication statistics per point × group × metric (the rows of summary.csv), computed from
 * run records in run order. Empty cells (NaN, missing) are left out of a statistic, so `n`
 * says how many replications produced the value; a CI needs n ≥ 2 (otherwise it is NaN and
 * written as an empty cell rather than a misleading 0).
 */
import { BOTTLENECK_COLUMN, GROUP_METRICS, LIMIT_RESOURCE_COLUMN, METRICS } from '../model/metrics.js';
import { summarize } from '../stats/confidence.js';
import type { RunRecord } from './records.js';

/** The `group` value of aggregate rows. */
export const ALL_GROUPS = 'all';

export interface SummaryRow {
  point: number;
  group: string;
  metric: string;
  n: number;
  mean: number;
  ci95Half: number;
  min: number;
  max: number;
}

/** Statistics of the finite-or-infinite values among `values` (NaN and non-numbers skipped). */
export function summarizeValues(values: readonly unknown[]): Omit<SummaryRow, 'point' | 'group' | 'metric'> {
  const xs = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
  const s = summarize(xs);
  return { n: s.n, mean: s.mean, ci95Half: s.n >= 2 ? s.ci95Half : Number.NaN, min: s.min, max: s.max };
}

/** Records grouped by point, in point order; `records` must be sorted by run index. */
export function byPoint(records: readonly RunRecord[]): Map<number, RunRecord[]> {
  const out = new Map<number, RunRecord[]>();
  for (const r of records) {
    const list = out.get(r.point);
    if (list) list.push(r);
    else out.set(r.point, [r]);
  }
  return out;
}

/**
 * Summary rows for every point that has records: `all` (METRICS order, then each resource's
 * utilisation, queue and wait in registration order) then each group.
 */
export function summarizeRuns(records: readonly RunRecord[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const [point, runs] of byPoint(records)) {
    for (const metric of METRICS) {
      rows.push({
        point,
        group: ALL_GROUPS,
        metric,
        ...summarizeValues(runs.map((r) => r.output.metrics[metric])),
      });
    }
    for (const [metric, values] of resourceValues(runs)) {
      rows.push({ point, group: ALL_GROUPS, metric, ...summarizeValues(values) });
    }
    for (const [group, metrics] of groupValues(runs)) {
      for (const [metric, values] of metrics) rows.push({ point, group, metric, ...summarizeValues(values) });
    }
  }
  return rows;
}

/**
 * group → metric → values, groups in order of first appearance, metrics in GROUP_METRICS
 * order and any others after them in order of first appearance (deterministic either way).
 */
function groupValues(runs: readonly RunRecord[]): Map<string, Map<string, number[]>> {
  const groups = new Map<string, Map<string, number[]>>();
  for (const run of runs) {
    for (const row of run.output.groups) {
      let metrics = groups.get(row.group);
      if (!metrics) {
        metrics = new Map();
        groups.set(row.group, metrics);
      }
      const values = metrics.get(row.metric);
      if (values) values.push(row.value);
      else metrics.set(row.metric, [row.value]);
    }
  }
  const rank = (m: string) => {
    const i = (GROUP_METRICS as readonly string[]).indexOf(m);
    return i < 0 ? GROUP_METRICS.length : i;
  };
  for (const [group, metrics] of groups) {
    // Array.prototype.sort is stable, so extras keep their first-appearance order.
    groups.set(group, new Map([...metrics].sort((a, b) => rank(a[0]) - rank(b[0]))));
  }
  return groups;
}

/**
 * The summary metrics of a resource: `<resource>_util`, `<resource>_queue_mean` and
 * `<resource>_wait_mean_us` (`data-engines` → `data_engines_util`), snake_case like every metric.
 */
export function resourceMetricNames(resource: string): { util: string; queue: string; wait: string } {
  const stem = resource.replace(/[^A-Za-z0-9]+/g, '_');
  return { util: `${stem}_util`, queue: `${stem}_queue_mean`, wait: `${stem}_wait_mean_us` };
}

/** metric → values over the runs, resources in the order of first appearance. */
function resourceValues(runs: readonly RunRecord[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const push = (metric: string, value: number) => {
    const values = out.get(metric);
    if (values) values.push(value);
    else out.set(metric, [value]);
  };
  for (const run of runs) {
    for (const u of run.output.resources ?? []) {
      const names = resourceMetricNames(u.resource);
      push(names.util, u.utilisation);
      push(names.queue, u.queueMean);
      push(names.wait, u.waitMeanUs);
    }
  }
  return out;
}

/** A point's string-valued outcomes: its most frequent `limit_resource` and `bottleneck`. */
export type PointLabels = Record<typeof LIMIT_RESOURCE_COLUMN | typeof BOTTLENECK_COLUMN, string>;

/** Per point, the most frequent non-empty value of each label column (ties: alphabetical). */
export function pointLabels(records: readonly RunRecord[]): Map<number, PointLabels> {
  const out = new Map<number, PointLabels>();
  for (const [point, runs] of byPoint(records)) {
    out.set(point, {
      [LIMIT_RESOURCE_COLUMN]: mostFrequent(runs.map((r) => r.output.metrics[LIMIT_RESOURCE_COLUMN])),
      [BOTTLENECK_COLUMN]: mostFrequent(runs.map((r) => r.output.metrics[BOTTLENECK_COLUMN])),
    });
  }
  return out;
}

function mostFrequent(values: readonly unknown[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (typeof v === 'string' && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[0] ?? '';
}
