import { cdfIndex } from './cdf-index.js';
import type { RandomStream } from './random-stream.js';

/**
 * The scenario form of a distribution, with every quantity already in canonical units (ns for
 * times). `constant` and `deterministic` are the same thing under two familiar names.
 */
export type DistSpec =
  | { dist: 'constant'; value: number }
  | { dist: 'deterministic'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'empirical'; values: readonly number[]; weights?: readonly number[] };

export type DistName = DistSpec['dist'];
export const DIST_NAMES: readonly DistName[] = [
  'constant',
  'deterministic',
  'exponential',
  'uniform',
  'lognormal',
  'empirical',
];

/** A sampler that knows its analytic moments (used by validation tests and by reports). */
export interface Distribution {
  readonly spec: DistSpec;
  readonly mean: number;
  readonly variance: number;
  sample(rng: RandomStream): number;
}

class Constant implements Distribution {
  readonly mean: number;
  readonly variance = 0;
  constructor(readonly spec: DistSpec & { value: number }) {
    this.mean = spec.value;
  }
  sample(): number {
    return this.mean;
  }
}

class Exponential implements Distribution {
  readonly mean: number;
  readonly variance: number;
  constructor(readonly spec: DistSpec & { dist: 'exponential' }) {
    this.mean = spec.mean;
    this.variance = spec.mean * spec.mean;
  }
  sample(rng: RandomStream): number {
    return rng.exponential(this.mean);
  }
}

class Uniform implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly width: number;
  constructor(readonly spec: DistSpec & { dist: 'uniform' }) {
    this.width = spec.max - spec.min;
    this.mean = (spec.min + spec.max) / 2;
    this.variance = (this.width * this.width) / 12;
  }
  sample(rng: RandomStream): number {
    return this.spec.min + this.width * rng.random();
  }
}

/** Lognormal parameterized by its own mean and coefficient of variation (what users know). */
class Lognormal implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly mu: number;
  private readonly sigma: number;
  constructor(readonly spec: DistSpec & { dist: 'lognormal' }) {
    const s2 = Math.log(1 + spec.cv * spec.cv);
    this.sigma = Math.sqrt(s2);
    this.mu = Math.log(spec.mean) - s2 / 2;
    this.mean = spec.mean;
    this.variance = (spec.cv * spec.mean) ** 2;
  }
  sample(rng: RandomStream): number {
    return Math.exp(this.mu + this.sigma * rng.normal());
  }
}

/** Discrete distribution over given values with weights (equal weights when omitted). */
class Empirical implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly values: Float64Array;
  private readonly cumulative: Float64Array;
  constructor(readonly spec: DistSpec & { dist: 'empirical' }) {
    const n = spec.values.length;
    this.values = Float64Array.from(spec.values);
    const w = spec.weights ?? new Array<number>(n).fill(1);
    const total = w.reduce((a, b) => a + b, 0);
    this.cumulative = new Float64Array(n);
    let acc = 0;
    let m = 0;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const p = (w[i] as number) / total;
      const v = this.values[i] as number;
      acc += p;
      this.cumulative[i] = acc;
      m += p * v;
      m2 += p * v * v;
    }
    this.cumulative[n - 1] = 1; // guard against rounding leaving the last bound below 1
    this.mean = m;
    this.variance = Math.max(0, m2 - m * m);
  }
  sample(rng: RandomStream): number {
    return this.values[cdfIndex(this.cumulative, rng.random())] as number;
  }
}

/** Builds a sampler; the spec must already be validated (the scenario layer does that). */
export function makeDistribution(spec: DistSpec): Distribution {
  switch (spec.dist) {
    case 'constant':
    case 'deterministic':
      return new Constant(spec);
    case 'exponential':
      return new Exponential(spec);
    case 'uniform':
      return new Uniform(spec);
    case 'lognormal':
      return new Lognormal(spec);
    case 'empirical':
      return new Empirical(spec);
  }
}

/** Shorthand for a fixed value (a bare quantity like `400ns` in a scenario). */
export function constant(value: number): Distribution {
  return new Constant({ dist: 'constant', value });
}
