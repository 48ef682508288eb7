import type { RandomStream } from '../../random/random-stream.js';
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES, type Estimate, type EstimateOptions } from './estimate.js';

/** A two-sided confidence interval. */
export interface Interval {
  low: number;
  high: number;
}

export interface BootstrapOptions {
  /** Resamples drawn (1000 gives percentile bounds stable to a few % of their width). */
  resamples: number;
  /** Coverage of each interval, e.g. 0.95. */
  level: number;
  rng: RandomStream;
}

/**
 * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13) of a vector of statistics computed over
 * `units` independent units (Morris trajectories, Saltelli base samples): each resample draws
 * `units` indices with replacement and hands them to `statistic`, which returns one value per
 * statistic; interval j spans the (1 − level)/2 and (1 + level)/2 quantiles of value j over the
 * resamples. A resample that yields NaN for a statistic (a zero variance) is left out of that
 * statistic's quantiles; with none left the interval is NaN.
 */
export function bootstrapIntervals(
  units: number,
  statistic: (picks: Int32Array) => readonly number[],
  options: BootstrapOptions,
): Interval[] {
  const picks = new Int32Array(units);
  let samples: number[][] | undefined;
  for (let b = 0; b < options.resamples; b++) {
    for (let i = 0; i < units; i++) picks[i] = options.rng.below(units);
    const values = statistic(picks);
    samples ??= values.map(() => []);
    values.forEach((v, j) => {
      if (!Number.isNaN(v)) samples?.[j]?.push(v);
    });
  }
  const a = (1 - options.level) / 2;
  return (samples ?? []).map((s) => {
    s.sort((x, y) => x - y);
    return { low: quantile(s, a), high: quantile(s, 1 - a) };
  });
}

/** The p-quantile of sorted values, interpolated linearly between order statistics (Hyndman & Fan type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const x = sorted[lo] as number;
  return x + (h - lo) * ((sorted[hi] as number) - x);
}

/** The identity resample: every unit once, for the point estimate through the same code. */
export function allUnits(units: number): Int32Array {
  return Int32Array.from({ length: units }, (_, i) => i);
}

/**
 * Point estimates (the statistic over every unit once) with their percentile-bootstrap
 * intervals: what the Morris and Sobol estimators return, statistic by statistic.
 */
export function bootstrapEstimates(
  units: number,
  statistic: (picks: Int32Array) => readonly number[],
  rng: RandomStream,
  options: EstimateOptions = {},
): Estimate[] {
  const point = statistic(allUnits(units));
  const ci = bootstrapIntervals(units, statistic, {
    resamples: options.resamples ?? DEFAULT_RESAMPLES,
    level: options.level ?? DEFAULT_LEVEL,
    rng,
  });
  return point.map((value, j) => ({ value, low: ci[j]?.low ?? Number.NaN, high: ci[j]?.high ?? Number.NaN }));
}
