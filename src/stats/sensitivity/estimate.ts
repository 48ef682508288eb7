/** A point estimate of a sensitivity index with its bootstrap confidence interval. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** Resampling settings shared by the Morris and Sobol estimators. */
export interface EstimateOptions {
  /** Bootstrap resamples (default 1000). */
  resamples?: number;
  /** Interval coverage (default 0.95). */
  level?: number;
}

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_LEVEL = 0.95;
