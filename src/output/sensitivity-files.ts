/**
 * The files a sensitivity analysis adds to its result folder, each written atomically after
 * the study's own (runs.csv, summary.csv, manifest.json):
 * - `sensitivity.json`: the analysis descriptor (method, design size, parameter space, metrics,
 *   compared key), from which the design and every file below are rebuilt (`merge`, `report`);
 * - `sensitivity.csv`: tidy indices, one row per scenario point × parameter × metric × index;
 * - `design.csv`: each sample's parameter values (u in [0, 1] and the value set), nominal last;
 * - `samples.csv`: each sample's metrics (the mean over its replications);
 * - `compare.csv` (with --compare): how often each candidate ranks first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { numberAt } from '../runner/sensitivity-space.js';
import { columnName } from '../scenario/key-path.js';
import { InputError } from '../util/errors.js';
import { defaultWriter, type FileWriter } from './file-writer.js';
import type { CellValue } from './format.js';
import type { RunRecord } from './records.js';
import {
  analyseSensitivity,
  type SensitivityDescriptor,
  type SensitivityResult,
} from './sensitivity-analysis.js';
import { toCsv } from './tables.js';

export const SENSITIVITY_FILE = 'sensitivity.json';
export const SENSITIVITY_TABLES = ['sensitivity.csv', 'design.csv', 'samples.csv', 'compare.csv'] as const;

/** The scenario's swept columns at one of its points (how rows name the point). */
function baseColumns(d: SensitivityDescriptor): string[] {
  return Object.keys(d.basePoints[0]?.params ?? {});
}

function baseValues(d: SensitivityDescriptor, point: number): CellValue[] {
  const params = d.basePoints[point]?.params ?? {};
  return baseColumns(d).map((k) => params[k]);
}

export function sensitivityCsv(d: SensitivityDescriptor, r: SensitivityResult): string {
  const header = [
    ...baseColumns(d).map(columnName),
    'parameter',
    'metric',
    'method',
    'index',
    'value',
    'ci95_low',
    'ci95_high',
  ];
  const rows = r.indices.map((x): CellValue[] => [
    ...baseValues(d, x.point),
    x.parameter,
    x.metric,
    d.method,
    x.index,
    x.value,
    x.low,
    x.high,
  ]);
  return toCsv(header, rows);
}

export function designCsv(d: SensitivityDescriptor, r: SensitivityResult): string {
  const rows: CellValue[][] = [];
  r.design.unit.forEach((u, s) => {
    d.params.forEach((p, i) => {
      rows.push([s, p.path, u[i], numberAt(p, u[i] as number), p.unit]);
    });
  });
  // The nominal sample: the values in force in the scenario as written (no coordinate).
  const S = r.design.unit.length;
  d.params.forEach((p, i) => {
    rows.push([S, p.path, undefined, d.nominal[i], p.unit]);
  });
  return toCsv(['sample', 'parameter', 'u', 'value', 'unit'], rows);
}

export function samplesCsv(d: SensitivityDescriptor, r: SensitivityResult): string {
  const rows: CellValue[][] = [];
  const S = r.design.unit.length + 1;
  for (let s = 0; s < S; s++)
    for (let c = 0; c < d.basePoints.length; c++)
      for (const m of d.metrics) rows.push([s, ...baseValues(d, c), m.name, r.values.get(m.name)?.[s]?.[c]]);
  return toCsv(['sample', ...baseColumns(d).map(columnName), 'metric', 'value'], rows);
}

export function compareCsv(d: SensitivityDescriptor, r: SensitivityResult): string {
  const key = columnName(d.compare ?? 'candidate');
  const rows = r.compare.map((c): CellValue[] => [
    c.metric,
    c.better,
    c.candidate,
    c.rank,
    c.count,
    c.nominalRank,
  ]);
  return toCsv(['metric', 'better', key, 'rank', 'samples', 'nominal_rank'], rows);
}

export function descriptorJson(d: SensitivityDescriptor, r?: SensitivityResult): string {
  const conclusions = r?.conclusions.map((c) => c.sentence) ?? [];
  return `${JSON.stringify({ ...d, conclusions, skipped: r?.skipped ?? [] }, null, 2)}\n`;
}

/** Writes sensitivity.json alone (a shard: the analysis waits for the merge). */
export function writeDescriptor(
  dir: string,
  d: SensitivityDescriptor,
  writer: FileWriter = defaultWriter,
): void {
  writer.writeAtomic(join(dir, SENSITIVITY_FILE), descriptorJson(d));
}

/** Analyses a finished folder's runs and writes every sensitivity file. */
export function writeSensitivityFiles(
  dir: string,
  d: SensitivityDescriptor,
  records: readonly RunRecord[],
  writer: FileWriter = defaultWriter,
): SensitivityResult {
  const r = analyseSensitivity(d, records);
  writer.writeAtomic(join(dir, 'sensitivity.csv'), sensitivityCsv(d, r));
  writer.writeAtomic(join(dir, 'design.csv'), designCsv(d, r));
  writer.writeAtomic(join(dir, 'samples.csv'), samplesCsv(d, r));
  if (d.compare !== null) writer.writeAtomic(join(dir, 'compare.csv'), compareCsv(d, r));
  writer.writeAtomic(join(dir, SENSITIVITY_FILE), descriptorJson(d, r));
  return r;
}

/** The descriptor of a folder, or undefined when it is not a sensitivity folder. */
export function readDescriptor(dir: string): SensitivityDescriptor | undefined {
  const path = join(dir, SENSITIVITY_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const {
      conclusions: _c,
      skipped: _s,
      ...d
    } = JSON.parse(readFileSync(path, 'utf8')) as SensitivityDescriptor & {
      conclusions?: unknown;
      skipped?: unknown;
    };
    return d;
  } catch {
    throw new InputError(`${path} is not valid JSON`, { file: path });
  }
}
