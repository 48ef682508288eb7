import { type ChartDimension, valueAlong } from './chart-dimension.js';
import type { ParamValue, SummaryRow } from './result-data.js';

/** One datum of an inlined chart data set: dimension fields plus the statistics below. */
export type ChartDatum = Record<string, ParamValue>;

/** Statistic fields every chart datum carries (snake_case: they are Vega-Lite field names). */
export const STAT_FIELDS = { mean: 'mean', lo: 'ci_lo', hi: 'ci_hi', half: 'ci95_half', n: 'n' } as const;

/**
 * Chart data from summary rows: one datum per row with its dimension values, the mean and the
 * 95% interval bounds. A missing interval (one replication: NaN half-width) collapses onto the
 * mean instead of hiding the point; NaN becomes null, which JSON keeps and Vega skips.
 */
export function statValues(
  rows: readonly SummaryRow[],
  dims: readonly (ChartDimension | undefined)[],
  extra?: (row: SummaryRow) => ChartDatum,
): ChartDatum[] {
  return rows.map((row) => {
    const datum: ChartDatum = {};
    for (const dim of dims) if (dim !== undefined) datum[dim.field] = valueAlong(row, dim);
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
 * Whether a positive-only field spans enough decades that a log axis reads better. Two by
 * default: below that a linear axis shows the differences better than a log one.
 */
export function wantsLogScale(values: readonly ParamValue[], decades = 2): boolean {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length < 2 || nums.some((v) => v <= 0)) return false;
  return Math.max(...nums) / Math.min(...nums) >= 10 ** decades;
}
