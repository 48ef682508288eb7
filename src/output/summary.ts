/**
 * Replication statistics per point × group × metric (the rows of summary.csv), computed from
 * run records in run order. Empty cells (NaN, missing) are left out of a statistic, so `n`
 * says how many replications produced the value; a CI needs n ≥ 2 (otherwise it is NaN and
 * written as an empty cell rather than a misleading 0).
 */
import { GROUP_METRICS, METRICS } from '../model/metrics.js';
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

/** Summary rows for every point that has records: `all` (METRICS order) then each group. */
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
