/**
 * The short table `vdpascale run` prints at the end: one line per point with its swept values
 * and a few headline metrics as mean ± 95% CI half-width over replications.
 */
import { LIMIT_RESOURCE_COLUMN, METRICS } from '../model/metrics.js';
import { formatCell } from './format.js';
import { columnName, type StudyInfo } from './records.js';
import { ALL_GROUPS, type SummaryRow } from './summary.js';

const DEFAULT_HEADLINE = ['throughput_pps', 'latency_p99_us', 'ctrl_latency_p99_us', 'instances_rejected'];

/** The metrics the scenario's charts plot (up to four), else a default set. */
export function headlineMetrics(info: Pick<StudyInfo, 'charts'>): string[] {
  const known = new Set<string>(METRICS);
  const fromCharts = [...new Set(info.charts.map((c) => c.y).filter((y) => known.has(y)))];
  return (fromCharts.length > 0 ? fromCharts : DEFAULT_HEADLINE).slice(0, 4);
}

/** 4 significant digits, no exponent for ordinary magnitudes; empty → `-`. */
export function shortNumber(x: number): string {
  if (Number.isNaN(x)) return '-';
  if (!Number.isFinite(x)) return formatCell(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e7) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) return x.toExponential(3);
  return String(Number(x.toPrecision(4)));
}

function meanCi(row: SummaryRow | undefined): string {
  if (row === undefined || row.n === 0) return '-';
  return Number.isNaN(row.ci95Half)
    ? shortNumber(row.mean)
    : `${shortNumber(row.mean)} ± ${shortNumber(row.ci95Half)}`;
}

/**
 * Fixed-width text table of `metrics` per point: the aggregate row, then one row per workload
 * group when there are several (a victim tenant's p99 is the answer, not the mean over all),
 * and the point's `limit_resource` when admission rejected instances anywhere.
 */
export function formatSummaryTable(
  info: StudyInfo,
  rows: readonly SummaryRow[],
  metrics: readonly string[],
  limits: ReadonlyMap<number, string> = new Map(),
): string {
  const index = new Map<string, SummaryRow>();
  // Replications at a point: the largest n of its aggregate metrics (a metric may be empty in some).
  const runsAt = new Map<number, number>();
  const groups: string[] = [];
  for (const r of rows) {
    index.set(`${r.point}|${r.group}|${r.metric}`, r);
    if (r.group === ALL_GROUPS) runsAt.set(r.point, Math.max(runsAt.get(r.point) ?? 0, r.n));
    else if (!groups.includes(r.group)) groups.push(r.group);
  }
  const shownGroups = groups.length > 1 ? [ALL_GROUPS, ...groups] : [ALL_GROUPS];
  const showLimits = [...limits.values()].some((v) => v !== '');
  const header = [
    'point',
    ...info.swept.map(columnName),
    ...(shownGroups.length > 1 ? ['group'] : []),
    'n',
    ...metrics,
    ...(showLimits ? [LIMIT_RESOURCE_COLUMN] : []),
  ];
  const points = [...new Set(rows.map((r) => r.point))];
  const body = points.flatMap((p) => {
    const params = info.points[p]?.params ?? {};
    const n = runsAt.get(p) ?? 0;
    return shownGroups.map((g) => [
      String(p),
      ...info.swept.map((s) => formatCell(params[s])),
      ...(shownGroups.length > 1 ? [g] : []),
      String(n),
      ...metrics.map((m) => meanCi(index.get(`${p}|${g}|${m}`))),
      ...(showLimits ? [limits.get(p) || '-'] : []),
    ]);
  });
  return formatColumns([header, ...body], 'right');
}

/** Rows of cells as aligned text columns (two spaces apart), one line per row. */
export function formatColumns(rows: readonly string[][], align: 'left' | 'right'): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  }
  const pad = (c: string, i: number) =>
    align === 'left' ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0);
  return rows.map((r) => r.map(pad).join('  ').trimEnd()).join('\n');
}
