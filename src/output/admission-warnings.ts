/**
 * What admission refused, said in words: a point whose instances were partly rejected reports
 * believable figures for the admitted ones only, so the terminal, the manifest and the report
 * say how many were rejected and on which resource (`limit_resource`).
 */
import { LIMIT_RESOURCE_COLUMN } from '../model/metrics.js';
import { columnName, type RunRecord, type StudyInfo } from './records.js';
import { byPoint, summarizeValues } from './summary.js';
import { shortNumber } from './summary-table.js';

/** A point's label for warnings: `point 3 (parent=mlx5, instances=1024)`. */
export function pointLabel(info: StudyInfo, point: number): string {
  const params = info.points[point]?.params ?? {};
  const values = info.swept.map((p) => `${columnName(p)}=${String(params[p])}`).join(', ');
  return values === '' ? `point ${point}` : `point ${point} (${values})`;
}

/** One warning per point where some run rejected instances, in point order. */
export function admissionWarnings(info: StudyInfo, records: readonly RunRecord[]): string[] {
  const out: string[] = [];
  for (const [point, runs] of byPoint(records)) {
    const rejected = mean(runs.map((r) => r.output.metrics.instances_rejected));
    if (!(rejected > 0)) continue;
    const ready = mean(runs.map((r) => r.output.metrics.instances_ready));
    const resources = rejectingResources(runs);
    const on = resources.length > 0 ? ` on ${resources.join(' / ')}` : '';
    out.push(
      `${pointLabel(info, point)}: ${shortNumber(rejected)} instances rejected${on} (limit_resource); ` +
        `its metrics describe the ${shortNumber(ready)} that were ready`,
    );
  }
  return out;
}

/** Per point, the resources that rejected instances in its runs (`limit_resource`), `/`-joined; empty when none. */
export function limitResources(records: readonly RunRecord[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const [point, runs] of byPoint(records)) out.set(point, rejectingResources(runs).join(' / '));
  return out;
}

/** The resources that rejected instances in `runs`, sorted. */
export function rejectingResources(runs: readonly RunRecord[]): string[] {
  return [...new Set(runs.map((r) => r.output.metrics[LIMIT_RESOURCE_COLUMN]))]
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .sort();
}

const mean = (values: readonly unknown[]): number => summarizeValues(values).mean;
