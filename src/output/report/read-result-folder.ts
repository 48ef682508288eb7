import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../util/errors.js';
import type {
  GroupRow,
  ParamValue,
  ResourceRow,
  ResultManifest,
  RunRow,
  SummaryRow,
} from '../charts/result-data.js';
import { RESOURCE_COLUMNS, RUN_LABEL_COLUMNS, SUMMARY_STAT_COLUMNS } from '../tables.js';
import { manifestSchema } from './manifest-schema.js';
import { csvObjects } from './parse-csv.js';

/** A result folder read back (README, "Result folder"). */
export interface ResultFolder {
  dir: string;
  manifest: ResultManifest;
  summary: SummaryRow[];
  /** Empty when groups.csv is absent (a scenario without workload groups). */
  groups: GroupRow[];
  runs: RunRow[];
  /** Empty when resources.csv is absent (a folder written before bottleneck attribution). */
  resources: ResourceRow[];
  /** summary.csv's swept parameter columns, in file order. */
  paramColumns: string[];
}

/** summary.csv's columns that are not swept parameters (the writer's, output/tables.ts). */
const SUMMARY_FIXED = new Set<string>(['point', ...SUMMARY_STAT_COLUMNS, ...RUN_LABEL_COLUMNS]);

export interface ReadOptions {
  /** False for a folder whose report does not show summary.csv (a sensitivity study's). */
  summaryRequired?: boolean;
}

/**
 * Reads manifest.json, summary.csv, runs.csv and groups.csv. A missing folder, manifest or
 * (required) summary is bad input (exit 2), named with the file and what is expected there.
 */
export async function readResultFolder(dir: string, options: ReadOptions = {}): Promise<ResultFolder> {
  await requireDirectory(dir);
  const manifest = await readManifest(join(dir, 'manifest.json'));
  const summaryFile = join(dir, 'summary.csv');
  const summaryCsv =
    options.summaryRequired === false
      ? ((await readOptional(summaryFile)) ?? '')
      : await readRequired(summaryFile);
  const { header, rows } = csvObjects(summaryCsv);
  const paramColumns = header.filter((h) => !SUMMARY_FIXED.has(h));
  const params = typedColumns(rows, paramColumns);
  const summary = rows.map((r, i) => summaryRow(r, params[i] ?? {}));
  const runs = typedRecords(csvObjects((await readOptional(join(dir, 'runs.csv'))) ?? '').rows);
  const groups = csvObjects((await readOptional(join(dir, 'groups.csv'))) ?? '').rows.map(groupRow);
  const resources = csvObjects((await readOptional(join(dir, 'resources.csv'))) ?? '').rows.map(resourceRow);
  return { dir, manifest, summary, groups, runs, resources, paramColumns };
}

async function requireDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) throw new InputError(`no result folder at '${dir}'`, { file: dir });
  if (!info.isDirectory()) throw new InputError(`'${dir}' is not a folder`, { file: dir }, 'a result folder');
}

async function readManifest(file: string): Promise<ResultManifest> {
  const text = await readRequired(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message}`, { file });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new InputError(`not a vdpascale manifest: ${z.prettifyError(parsed.error)}`, { file });
  return parsed.data;
}

async function readRequired(file: string): Promise<string> {
  const text = await readOptional(file);
  if (text === undefined) {
    throw new InputError(
      'missing; is this a folder written by `vdpascale run`?',
      { file },
      'a result folder',
    );
  }
  return text;
}

async function readOptional(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
}

function summaryRow(r: Record<string, string>, params: Record<string, ParamValue>): SummaryRow {
  return {
    point: num(r.point),
    params,
    group: r.group ?? 'all',
    metric: r.metric ?? '',
    n: num(r.n),
    mean: num(r.mean),
    ci95Half: num(r.ci95_half),
    min: num(r.min),
    max: num(r.max),
  };
}

function resourceRow(r: Record<string, string>): ResourceRow {
  const row: Record<string, string | number> = { point: num(r.point), replication: num(r.replication) };
  for (const [column, field] of RESOURCE_COLUMNS)
    row[field] = column === 'resource' || column === 'role' ? (r[column] ?? '') : num(r[column]);
  return row as unknown as ResourceRow;
}

function groupRow(r: Record<string, string>): GroupRow {
  const { point, replication, group = '', metric = '', value } = r;
  return { point: num(point), replication: num(replication), group, metric, value: num(value) };
}

/** Empty, NaN and absent cells read as NaN (a failed or undefined statistic). */
function num(cell: string | undefined): number {
  return cell === undefined || cell === '' ? Number.NaN : Number(cell);
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^[-+]?Infinity$|^NaN$/;

/**
 * Column-wise typing: a column whose non-empty cells are all numbers holds numbers (so an axis
 * can be quantitative); any other column keeps its strings. Empty cells become null.
 */
function typedColumns(rows: readonly Record<string, string>[], columns: readonly string[]): RunRow[] {
  const numeric = new Set(
    columns.filter((c) => rows.every((r) => (r[c] ?? '') === '' || NUMBER.test(r[c] ?? ''))),
  );
  return rows.map((r) =>
    Object.fromEntries(
      columns.map((c) => {
        const cell = r[c] ?? '';
        return [c, cell === '' ? null : numeric.has(c) ? Number(cell) : cell];
      }),
    ),
  );
}

function typedRecords(rows: readonly Record<string, string>[]): RunRow[] {
  return typedColumns(rows, Object.keys(rows[0] ?? {}));
}
