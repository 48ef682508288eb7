import type { RandomStream } from '../../random/random-stream.js';

/**
 * A Latin hypercube of `n` points in [0, 1)^k (McKay, Beckman & Conover 1979): each axis is cut
 * into n equal strata and every stratum holds exactly one point, at a uniform position inside
 * it; the strata are paired across axes by independent random permutations. Stratifying every
 * marginal lowers the variance of a mean over the points against plain Monte Carlo, and the
 * points depend on nothing but the stream.
 */
export function latinHypercube(n: number, k: number, rng: RandomStream): Float64Array[] {
  const rows = Array.from({ length: n }, () => new Float64Array(k));
  const perm = new Int32Array(n);
  for (let d = 0; d < k; d++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      const t = perm[i] as number;
      perm[i] = perm[j] as number;
      perm[j] = t;
    }
    for (let i = 0; i < n; i++) (rows[i] as Float64Array)[d] = ((perm[i] as number) + rng.random()) / n;
  }
  return rows;
}
