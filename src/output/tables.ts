/**
 * The three result tables as CSV text (README, "Result folder"). Rows follow run index
 * order and every number goes through `formatCell`, so equal records give equal bytes whatever
 * order the runs finished in, or which process ran them.
 */
import { stringify } from 'csv-stringify/sync';
import { LIMIT_RESOURCE_COLUMN, METRICS } from '../model/metrics.js';
import { type CellValue, formatCell } from './format.js';
import { columnName, type RunRecord, type StudyInfo } from './records.js';
import type { SummaryRow } from './summary.js';

export function toCsv(header: readonly string[], rows: readonly CellValue[][]): string {
  return stringify([header as string[], ...rows.map((r) => r.map(formatCell))], { record_delimiter: 'unix' });
}

function sweptValues(info: StudyInfo, point: number): CellValue[] {
  const params = info.points[point]?.params ?? {};
  return info.swept.map((path) => params[path]);
}

export function runsHeader(info: StudyInfo): string[] {
  return ['point', 'replication', 'seed', ...info.swept.map(columnName), ...METRICS, LIMIT_RESOURCE_COLUMN];
}

/** runs.csv: one row per run; metrics in METRICS order, then `limit_resource`. */
export function runsCsv(info: StudyInfo, records: readonly RunRecord[]): string {
  const rows = records.map((r): CellValue[] => [
    r.point,
    r.replication,
    info.seed,
    ...sweptValues(info, r.point),
    ...METRICS.map((m) => r.output.metrics[m]),
    r.output.metrics[LIMIT_RESOURCE_COLUMN] ?? '',
  ]);
  return toCsv(runsHeader(info), rows);
}

/** groups.csv: long form, one row per run × group × metric as the model emitted them. */
export function groupsCsv(records: readonly RunRecord[]): string {
  const rows: CellValue[][] = [];
  for (const r of records) {
    for (const g of r.output.groups) rows.push([r.point, r.replication, g.group, g.metric, g.value]);
  }
  return toCsv(['point', 'replication', 'group', 'metric', 'value'], rows);
}

/** summary.csv: long form, one row per point × group × metric. */
export function summaryCsv(info: StudyInfo, rows: readonly SummaryRow[]): string {
  const header = [
    'point',
    ...info.swept.map(columnName),
    'group',
    'metric',
    'n',
    'mean',
    'ci95_half',
    'min',
    'max',
  ];
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
  ]);
  return toCsv(header, body);
}
