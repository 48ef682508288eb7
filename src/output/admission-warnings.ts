/**
 * What the runs of a study said, for the terminal, the manifest and the report: each distinct
 * run warning once, with the points it came from (a run that was not in steady state, say),
 * and what admission refused — a point whose instances were partly rejected reports believable
 * figures for the admitted ones only, so how many were rejected and on which resource
 * (`limit_resource`) is said, not only counted in runs.csv.
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

/** Every distinct run warning (sorted) with the points whose runs gave it, then admissionWarnings. */
export function runWarnings(info: StudyInfo, records: readonly RunRecord[]): string[] {
  const points = new Map<string, Set<number>>();
  const runsOf = new Map<string, number>();
  for (const r of records) {
    for (const w of r.output.warnings) {
      points.set(w, (points.get(w) ?? new Set()).add(r.point));
      runsOf.set(w, (runsOf.get(w) ?? 0) + 1);
    }
  }
  const all = new Set(records.map((r) => r.point)).size;
  const said = [...points.keys()].sort().map((w) => {
    const at = [...(points.get(w) as Set<number>)].sort((a, b) => a - b);
    const runs = `${runsOf.get(w)} of ${records.length} runs`;
    if (at.length === all) return `${w} (${runs})`;
    const shown = at.slice(0, 8).join(', ') + (at.length > 8 ? ', …' : '');
    return `${w} (${runs}: point${at.length === 1 ? '' : 's'} ${shown})`;
  });
  return [...said, ...admissionWarnings(info, records)];
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
