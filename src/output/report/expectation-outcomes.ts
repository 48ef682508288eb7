/**
 * A scenario's `expect` answered from the results: each clause at each point its selector
 * picks. A metric clause is judged on the replication mean (and flagged when the 95% interval
 * contains its threshold); a `bottleneck`/`limit_resource` clause on the point's most frequent
 * value over its replications.
 */
import { type Check, type Expectation, isLabelClause, matches } from '../../scenario/expectations.js';
import { clauseHolds, labelHolds } from '../../scenario/metric-clause.js';
import type { ManifestPoint, ResultManifest, RunRow, SummaryRow } from '../charts/result-data.js';

/** What was observed for a label clause: the usual value and how many runs had it. */
export interface LabelObservation {
  value: string;
  runs: number;
  of: number;
}

/** One clause at one point. */
export interface CheckOutcome {
  point: ManifestPoint;
  clause: Check;
  /** The summary row a metric clause read (undefined for a label clause or a missing metric). */
  row: SummaryRow | undefined;
  label: LabelObservation | undefined;
  holds: boolean;
  /** The 95% interval contains the threshold: the verdict rests on the mean alone. */
  uncertain: boolean;
}

/** Every clause of an expectation at every point its selector picks, in point order. */
export function outcomesOf(
  expectation: Expectation,
  manifest: ResultManifest,
  summary: readonly SummaryRow[],
  runs: readonly RunRow[],
): CheckOutcome[] {
  const index = new Map(summary.map((r) => [`${r.point}|${r.group}|${r.metric}`, r]));
  const points = manifest.points.filter((p) =>
    matches({ params: p.params as Record<string, string | number | boolean> }, expectation.where),
  );
  return points.flatMap((point) =>
    expectation.checks.map((clause): CheckOutcome => {
      if (isLabelClause(clause)) {
        const label = usualValue(runs, point.point, clause.column);
        const holds = label !== undefined && labelHolds(clause, label.value);
        return { point, clause, row: undefined, label, holds, uncertain: false };
      }
      const row = index.get(`${point.point}|${expectation.group}|${clause.metric}`);
      const mean = row?.mean ?? Number.NaN;
      const half = row !== undefined && Number.isFinite(row.ci95Half) ? row.ci95Half : 0;
      const holds = clauseHolds(clause, mean);
      const uncertain = Number.isFinite(mean) && half > 0 && Math.abs(mean - clause.value) <= half;
      return { point, clause, row, label: undefined, holds, uncertain };
    }),
  );
}

/** The most frequent value of a string column over a point's runs ('' counts: "none"). */
function usualValue(runs: readonly RunRow[], point: number, column: string): LabelObservation | undefined {
  const counts = new Map<string, number>();
  let of = 0;
  for (const run of runs) {
    if (run.point !== point) continue;
    const v = run[column];
    const value = typeof v === 'string' ? v : '';
    counts.set(value, (counts.get(value) ?? 0) + 1);
    of++;
  }
  const [top] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return top === undefined ? undefined : { value: top[0], runs: top[1], of };
}
