/**
 * resources.csv summarised per point × resource (mean ± Student-t 95% interval over the
 * replications, like summary.csv), and each point's binding resource said in words:
 * "admin-queue workers 99% busy; admin queue 1 holds 31 of 32 entries".
 */
import { resourceWords } from '../../model/resource-names.js';
import { summarize } from '../../stats/index.js';
import type { ResourceRow, RunRow, SummaryRow } from '../charts/result-data.js';
import { formatNumber } from './html.js';

/** One resource at one point, over its replications. */
export interface ResourceStat {
  point: number;
  resource: string;
  role: string;
  capacity: number;
  queueCapacity: number;
  utilisation: { mean: number; ci95Half: number; n: number };
  queueMean: number;
  waitMeanUs: number;
}

/** Per point, the resources in the order the run registered them. */
export function resourceStats(rows: readonly ResourceRow[]): Map<number, ResourceStat[]> {
  const cells = new Map<string, ResourceRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.point, r.resource]);
    cells.set(key, [...(cells.get(key) ?? []), r]);
  }
  const out = new Map<number, ResourceStat[]>();
  for (const runs of cells.values()) {
    const first = runs[0] as ResourceRow;
    const u = summarize(runs.map((r) => r.utilisation).filter(Number.isFinite));
    const mean = (xs: number[]) => summarize(xs.filter(Number.isFinite)).mean;
    const stat: ResourceStat = {
      point: first.point,
      resource: first.resource,
      role: first.role,
      capacity: mean(runs.map((r) => r.capacity)),
      queueCapacity: first.queueCapacity,
      utilisation: { mean: u.mean, ci95Half: u.n >= 2 ? u.ci95Half : Number.NaN, n: u.n },
      queueMean: mean(runs.map((r) => r.queueMean)),
      waitMeanUs: mean(runs.map((r) => r.waitMeanUs)),
    };
    out.set(first.point, [...(out.get(first.point) ?? []), stat]);
  }
  return out;
}

/** The most frequent non-empty value of a runs.csv column at a point (ties: alphabetical). */
export function modeAt(runs: readonly RunRow[], point: number, column: string): string | undefined {
  const counts = new Map<string, number>();
  for (const run of runs) {
    const v = run[column];
    if (run.point !== point || typeof v !== 'string' || v === '') continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/** Units a resource is held in: entries and slots are counted, servers and locks are busy. */
const COUNTED = new Set(['entries', 'slots', 'commands']);

function percent(x: number): string {
  return `${formatNumber(Math.round(x * 1000) / 10)}%`;
}

/** One resource in words: "data-path engines 99% busy" or "admin queue 1 holds 31 of 32 entries". */
export function resourcePhrase(s: ResourceStat): string {
  const { label, unit, waiting = 'requests' } = resourceWords(s.resource);
  const u = s.utilisation.mean;
  // Time charged beyond what exists: the model accounts the work, nothing queues for it.
  if (s.role === 'accounted' && u > 1)
    return `${label} charged ${formatNumber(Number(u.toPrecision(3)))}× their capacity (work accounted, not queued)`;
  if (COUNTED.has(unit))
    return `${label} holds ${formatNumber(Number((u * s.capacity).toPrecision(3)))} of ${formatNumber(s.capacity)} ${unit}`;
  const wait = Number.isFinite(s.waitMeanUs)
    ? `, ${formatNumber(Number(s.waitMeanUs.toPrecision(3)))} µs each`
    : '';
  const queue =
    s.queueMean >= 0.5
      ? ` (${formatNumber(Number(s.queueMean.toPrecision(3)))} ${waiting} waiting${wait})`
      : '';
  return `${label} ${percent(u)} busy${queue}`;
}

/** Resources this busy (or full) are named beside the binding one. */
const ALSO_BUSY = 0.9;

/**
 * A point's binding resource in words. Admission-bound: the exhausted limit and how full it
 * is; otherwise the busiest resource, and any other resource at least 90% busy or full.
 */
export function bindingSentence(
  point: number,
  stats: readonly ResourceStat[],
  runs: readonly RunRow[],
  summary: readonly SummaryRow[],
): string | undefined {
  const limit = modeAt(runs, point, 'limit_resource');
  if (limit !== undefined) {
    const used = summary.find(
      (r) => r.point === point && r.group === 'all' && r.metric === 'bottleneck_util',
    );
    const ready = summary.find(
      (r) => r.point === point && r.group === 'all' && r.metric === 'instances_ready',
    );
    const at = ready === undefined ? '' : ` at ${formatNumber(ready.mean)} instances`;
    const full = used === undefined || !Number.isFinite(used.mean) ? '' : ` (${percent(used.mean)} in use)`;
    return `admission stopped${at}: ${resourceWords(limit).label} exhausted${full}`;
  }
  const name = modeAt(runs, point, 'bottleneck');
  const top = stats.find((s) => s.resource === name);
  if (top === undefined) return undefined;
  const also = stats.filter((s) => s !== top && s.utilisation.mean >= ALSO_BUSY).map(resourcePhrase);
  return [resourcePhrase(top), ...also].join('; ');
}
