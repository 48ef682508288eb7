/**
 * MEASURED.csv for `vdpascale calibrate`: the measured curve a fit matches, read with every
 * refusal naming file, line and column (exit 2).
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import { columnName } from './records.js';

export interface MeasuredCurve {
  file: string;
  /** x in the swept parameter's canonical units, ascending as in the file. */
  x: number[];
  y: number[];
}

export type CellParser = (text: string) => number | undefined;

/**
 * Reads MEASURED.csv (lines starting with # are comments): a header naming the x column (`xPath` or its runs.csv column name) and
 * the metric column; every other row one measurement. Refuses, with file, line and column, a
 * missing column, a cell that is not a number (or, for x, a quantity of its kind), a repeated
 * x, a measured value of 0 (a relative residual needs a scale) and fewer rows than `minRows`.
 */
export function readMeasured(
  file: string,
  xPath: string,
  metric: string,
  parseX: CellParser,
  minRows: number,
): MeasuredCurve {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the measured data: ${(e as Error).message}`, { file });
  }
  const lines = text.split(/\r?\n/);
  const skip = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');
  const headerAt = lines.findIndex((l) => !skip(l));
  const header = (lines[headerAt] ?? '').split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const find = (names: string[], what: string) => {
    const i = header.findIndex((h) => names.includes(h));
    if (i < 0)
      throw new InputError(
        `no ${what} column`,
        { file, line: Math.max(1, headerAt + 1) },
        `a column named ${names.join(' or ')}`,
      );
    return i;
  };
  const xi = find([...new Set([xPath, columnName(xPath)])], 'x');
  const yi = find([metric], 'metric');
  const x: number[] = [];
  const y: number[] = [];
  lines.forEach((line, n) => {
    if (n <= headerAt || skip(line)) return;
    const cells = line.split(',');
    const at = (i: number) => cells.slice(0, i).reduce((col, c) => col + c.length + 1, 1);
    const cell = (i: number, name: string, parse: CellParser, allowed: string) => {
      const raw = (cells[i] ?? '').trim().replace(/^"(.*)"$/, '$1');
      const v = parse(raw);
      if (v === undefined || !Number.isFinite(v))
        throw new InputError(
          `column ${name}: ${JSON.stringify(raw)} is not a value`,
          { file, line: n + 1, column: at(i) },
          allowed,
        );
      return v;
    };
    const xv = cell(xi, header[xi] as string, parseX, 'a number or a quantity with its unit, e.g. 4KiB');
    const yv = cell(yi, metric, plainNumber, 'a number');
    if (x.includes(xv))
      throw new InputError(`column ${header[xi]}: x value repeated`, { file, line: n + 1, column: at(xi) });
    if (yv === 0)
      throw new InputError(
        `column ${metric}: a measured 0 cannot scale a relative residual`,
        { file, line: n + 1, column: at(yi) },
        'a non-zero number',
      );
    x.push(xv);
    y.push(yv);
  });
  if (x.length < minRows)
    throw new InputError(
      `${x.length} measured row(s); fitting ${minRows - 1} parameter(s) needs at least ${minRows}`,
      { file },
    );
  return { file, x, y };
}

export function plainNumber(text: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
