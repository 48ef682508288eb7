import { Tally } from './tally.js';

/**
 * Two-sided 95% quantiles t_{0.975, df} of Student's t for df = 1..30, index df − 1.
 * Provenance: scipy.stats.t.ppf(0.975, df) (SciPy 1.17), rounded to 9 significant digits;
 * they agree with the printed tables (e.g. Abramowitz & Stegun table 26.10).
 */
const T975_TABLE: readonly number[] = [
  12.7062047, 4.30265273, 3.18244631, 2.77644511, 2.57058184, 2.44691185, 2.36462425, 2.30600414, 2.26215716,
  2.22813885, 2.20098516, 2.17881283, 2.16036866, 2.14478669, 2.13144955, 2.1199053, 2.10981558, 2.10092204,
  2.09302405, 2.08596345, 2.07961384, 2.07387307, 2.06865761, 2.06389856, 2.05953855, 2.05552944, 2.05183052,
  2.04840714, 2.04522964, 2.04227246,
];

/** Standard normal 0.975 quantile, the df → ∞ limit. */
const Z975 = 1.959963984540054;

/**
 * Two-sided 95% quantile of Student's t with `df` degrees of freedom.
 *
 * df ≤ 30 uses the exact table; above that the Cornish-Fisher expansion of t in powers
 * of 1/df (Abramowitz & Stegun 26.7.5), whose truncation error at df = 31 is below 1e-7
 * and shrinks as df⁻⁵. A non-integer df ≤ 30 (e.g. from Welch's formula) is rounded
 * down, which is conservative: fewer degrees of freedom give a wider interval.
 */
export function studentT975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`studentT975: df must be >= 1, got ${df}`);
  if (df <= 30) return T975_TABLE[Math.floor(df) - 1]!;
  if (df === Number.POSITIVE_INFINITY) return Z975;
  const z = Z975;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const v = 1 / df;
  return z + v * (g1 + v * (g2 + v * (g3 + v * g4)));
}

/** Summary of independent replications, as reported in result tables. */
export interface Summary {
  n: number;
  mean: number;
  /** Half-width of the 95% Student-t confidence interval for the mean; 0 when n < 2. */
  ci95Half: number;
  min: number;
  max: number;
  /** Sample (n − 1) standard deviation; 0 when n < 2. */
  stddev: number;
}

/**
 * Mean ± t·s/√n over independent replications (e.g. one value per seed).
 *
 * NaN is NOT ignored: if any value is NaN every field except n is NaN, because a
 * replication that produced NaN is a failed run and dropping it would silently shrink
 * and bias the sample. An empty input gives mean/min/max NaN and stddev/ci95Half 0.
 */
export function summarize(values: readonly number[]): Summary {
  const tally = new Tally();
  for (const x of values) tally.add(x);
  const n = tally.count;
  const mean = tally.mean;
  if (n > 0 && Number.isNaN(mean)) {
    return { n, mean, ci95Half: Number.NaN, min: Number.NaN, max: Number.NaN, stddev: Number.NaN };
  }
  const stddev = tally.stddev;
  const ci95Half = n < 2 ? 0 : (studentT975(n - 1) * stddev) / Math.sqrt(n);
  return { n, mean, ci95Half, min: tally.min, max: tally.max, stddev };
}
