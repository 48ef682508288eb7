import { type ChartDimension, valueAlong } from './chart-dimension.js';
import type { ParamValue, SummaryRow } from './result-data.js';

/** One datum of an inlined chart data set: dimension fields plus the statistics below. */
export type ChartDatum = Record<string, ParamValue>;

/** Statistic fields every chart datum carries (snake_case: they are Vega-Lite field names). */
export const STAT_FIELDS = { mean: 'mean', lo: 'ci_lo', hi: 'ci_hi', half: 'ci95_half', n: 'n' } as const;

/**
 * Chart data from summary rows: one datum per row with its dimension values (a composite's
 * parts too, for a grid facet), the mean and the 95% interval bounds. A missing interval (one
 * replication: NaN half-width) collapses onto the mean instead of hiding the point; NaN
 * becomes null, which JSON keeps and Vega skips.
 */
export function statValues(
  rows: readonly SummaryRow[],
  dims: readonly (ChartDimension | undefined)[],
  extra?: (row: SummaryRow) => ChartDatum,
): ChartDatum[] {
  return rows.map((row) => {
    const datum: ChartDatum = {};
    for (const dim of dims) {
      if (dim === undefined) continue;
      for (const part of dim.field === 'panel' ? (dim.parts ?? []) : [])
        datum[part.field] = valueAlong(row, part);
      datum[dim.field] = valueAlong(row, dim);
    }
    const half = Number.isFinite(row.ci95Half) ? row.ci95Half : 0;
    datum[STAT_FIELDS.mean] = finiteOrNull(row.mean);
    datum[STAT_FIELDS.lo] = finiteOrNull(row.mean - half);
    datum[STAT_FIELDS.hi] = finiteOrNull(row.mean + half);
    datum[STAT_FIELDS.half] = finiteOrNull(row.ci95Half);
    datum[STAT_FIELDS.n] = row.n;
    return extra === undefined ? datum : { ...datum, ...extra(row) };
  });
}

export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * THE LOG-SCALE RULE: a positive-only field whose values span MORE than `decades` decades
 * (max / min > 10^decades; two by default) is drawn on a log axis. Below that a linear axis
 * shows the differences better; above it, a linear axis flattens everything but the largest
 * values into invisible bars at zero (a victim's 100 µs next to a noisy tenant's 2 s). Zero or
 * negative values keep the axis linear: a log axis cannot show them.
 */
export const LOG_DECADES = 2;

export function wantsLogScale(values: readonly ParamValue[], decades = LOG_DECADES): boolean {
  const ratio = positiveRatio(values);
  return ratio !== undefined && ratio > 10 ** decades;
}

/**
 * The same rule for a swept parameter on x, inclusive: a sweep written in decades (1K, 10K,
 * 100K: exactly two) is read in decades, and a linear axis would crowd its first points.
 */
export function wantsLogSweep(values: readonly ParamValue[]): boolean {
  const ratio = positiveRatio(values);
  return ratio !== undefined && ratio >= 10 ** LOG_DECADES;
}

/** max / min of the finite values, when there are two or more and all are positive. */
function positiveRatio(values: readonly ParamValue[]): number | undefined {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length < 2 || nums.some((v) => v <= 0)) return undefined;
  return Math.max(...nums) / Math.min(...nums);
}

/**
 * On a log axis an interval reaching zero or below cannot be drawn: its low end is pinned to
 * the axis floor (half the smallest positive bound), so the whisker runs off the bottom of the
 * plot — "lower than shown" — instead of vanishing with the point.
 */
export function clampForLog(values: ChartDatum[]): ChartDatum[] {
  const positive = values
    .flatMap((v) => [v[STAT_FIELDS.mean], v[STAT_FIELDS.lo]])
    .filter((x): x is number => typeof x === 'number' && x > 0);
  if (positive.length === 0) return values;
  const floor = Math.min(...positive) / 2;
  return values.map((v) => {
    const lo = v[STAT_FIELDS.lo];
    return typeof lo === 'number' && lo <= 0 ? { ...v, [STAT_FIELDS.lo]: floor } : v;
  });
}
