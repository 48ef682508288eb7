import { summarize } from '../../stats/index.js';
import type { GroupRow, ParamValue, SummaryRow } from '../charts/result-data.js';

/**
 * Per-tenant summary rows computed from groups.csv, for a summary.csv that carries only the
 * aggregate group: the same mean ± Student-t 95% interval over replications the runner
 * computes, so per-tenant charts look alike either way. Rows come out ordered by point, then
 * group, then metric, as the runner orders summary.csv.
 */
export function summarizeGroups(
  groups: readonly GroupRow[],
  paramsOf: ReadonlyMap<number, Record<string, ParamValue>>,
): SummaryRow[] {
  const cells = new Map<string, { point: number; group: string; metric: string; values: number[] }>();
  for (const g of groups) {
    const key = JSON.stringify([g.point, g.group, g.metric]);
    const cell = cells.get(key) ?? { point: g.point, group: g.group, metric: g.metric, values: [] };
    cell.values.push(g.value);
    cells.set(key, cell);
  }
  const ordered = [...cells.values()].sort(
    (a, b) => a.point - b.point || compare(a.group, b.group) || compare(a.metric, b.metric),
  );
  return ordered.map(({ point, group, metric, values }) => {
    const s = summarize(values);
    const params = paramsOf.get(point) ?? {};
    return {
      point,
      params,
      group,
      metric,
      n: s.n,
      mean: s.mean,
      ci95Half: s.ci95Half,
      min: s.min,
      max: s.max,
    };
  });
}

/** The summary with per-tenant rows: as written when present, else derived from groups.csv. */
export function withGroupRows(summary: readonly SummaryRow[], groups: readonly GroupRow[]): SummaryRow[] {
  if (summary.some((r) => r.group !== 'all') || groups.length === 0) return [...summary];
  const paramsOf = new Map(summary.map((r) => [r.point, r.params]));
  return [...summary, ...summarizeGroups(groups, paramsOf)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
