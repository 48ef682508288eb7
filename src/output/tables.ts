/**
 * The three result tables as CSV text (README, "Result folder"). Rows follow run index
 * order and every number goes through `formatCell`, so equal records give equal bytes whatever
 * order the runs finished in, or which process ran them.
 */
import { BOTTLENECK_COLUMN, LIMIT_RESOURCE_COLUMN, METRICS } from '../model/metrics.js';
import type { ResourceUse } from '../stats/resource-usage.js';
import { csvText } from './csv-text.js';
import { type CellValue, formatCell } from './format.js';
import { columnName, type RunRecord, type StudyInfo } from './records.js';
import type { PointLabels, SummaryRow } from './summary.js';

export function toCsv(header: readonly string[], rows: readonly CellValue[][]): string {
  return csvText([header, ...rows.map((r) => r.map(formatCell))]);
}

function sweptValues(info: StudyInfo, point: number): CellValue[] {
  const params = info.points[point]?.params ?? {};
  return info.swept.map((path) => params[path]);
}

/** The string-valued columns of runs.csv, after the metrics: what stopped admission, what binds. */
export const RUN_LABEL_COLUMNS = [LIMIT_RESOURCE_COLUMN, BOTTLENECK_COLUMN] as const;

export function runsHeader(info: StudyInfo): string[] {
  return ['point', 'replication', 'seed', ...info.swept.map(columnName), ...METRICS, ...RUN_LABEL_COLUMNS];
}

/** runs.csv: one row per run; metrics in METRICS order, then `limit_resource` and `bottleneck`. */
export function runsCsv(info: StudyInfo, records: readonly RunRecord[]): string {
  const rows = records.map((r): CellValue[] => [
    r.point,
    r.replication,
    info.seed,
    ...sweptValues(info, r.point),
    ...METRICS.map((m) => r.output.metrics[m]),
    ...RUN_LABEL_COLUMNS.map((c) => r.output.metrics[c] ?? ''),
  ]);
  return toCsv(runsHeader(info), rows);
}

/** resources.csv's columns after `point` and `replication`: CSV name → field of a resource's use. */
export const RESOURCE_COLUMNS = [
  ['resource', 'resource'],
  ['role', 'role'],
  ['capacity', 'capacity'],
  ['utilisation', 'utilisation'],
  ['queue_mean', 'queueMean'],
  ['queue_max', 'queueMax'],
  ['queue_capacity', 'queueCapacity'],
  ['wait_mean_us', 'waitMeanUs'],
] as const satisfies readonly (readonly [string, keyof ResourceUse])[];

/** resources.csv: long form, one row per run × queueing resource, in registration order. */
export function resourcesCsv(records: readonly RunRecord[]): string {
  const rows: CellValue[][] = [];
  for (const r of records) {
    for (const u of r.output.resources ?? [])
      rows.push([r.point, r.replication, ...RESOURCE_COLUMNS.map(([, field]) => u[field])]);
  }
  return toCsv(['point', 'replication', ...RESOURCE_COLUMNS.map(([column]) => column)], rows);
}

/** summary.csv's columns after `point` and the swept parameters, before the point labels. */
export const SUMMARY_STAT_COLUMNS = ['group', 'metric', 'n', 'mean', 'ci95_half', 'min', 'max'] as const;

/** groups.csv: long form, one row per run × group × metric as the model emitted them. */
export function groupsCsv(records: readonly RunRecord[]): string {
  const rows: CellValue[][] = [];
  for (const r of records) {
    for (const g of r.output.groups) rows.push([r.point, r.replication, g.group, g.metric, g.value]);
  }
  return toCsv(['point', 'replication', 'group', 'metric', 'value'], rows);
}

/**
 * summary.csv: long form, one row per point × group × metric, then each point's most frequent
 * `limit_resource` and `bottleneck` over its replications (last, so that the swept columns
 * stay those between `point` and `group`).
 */
export function summaryCsv(
  info: StudyInfo,
  rows: readonly SummaryRow[],
  labels: ReadonlyMap<number, PointLabels> = new Map(),
): string {
  const header = ['point', ...info.swept.map(columnName), ...SUMMARY_STAT_COLUMNS, ...RUN_LABEL_COLUMNS];
  const body = rows.map((s): CellValue[] => [
    s.point,
    ...sweptValues(info, s.point),
    s.group,
    s.metric,
    s.n,
    s.mean,
    s.ci95Half,
    s.min,
    s.max,
    ...RUN_LABEL_COLUMNS.map((c) => labels.get(s.point)?.[c] ?? ''),
  ]);
  return toCsv(header, body);
}
