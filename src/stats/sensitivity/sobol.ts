/**
 * Variance-based sensitivity (Sobol' 1993): the first-order index S_i is the share of the
 * output's variance that factor i explains alone, the total index ST_i the share it has a hand
 * in, interactions included. Estimated from Saltelli's scheme (Saltelli et al. 2010, Comput.
 * Phys. Commun. 181(2), table 2): two independent sample matrices A and B of N rows, and for each
 * factor the matrix A_B^i (A with column i from B), N(k + 2) runs in all; with Jansen's (1999)
 * estimators
 *   S_i  = (V − 1/(2N) Σ_j (f(B)_j − f(A_B^i)_j)²) / V,
 *   ST_i = 1/(2N) Σ_j (f(A)_j − f(A_B^i)_j)² / V,
 * V the variance of f over the rows of A and B. A and B are Latin hypercubes. Bootstrap CIs
 * resample the N base rows.
 */
import type { RandomStream } from '../../random/random-stream.js';
import { bootstrapEstimates } from './bootstrap.js';
import type { Estimate, EstimateOptions } from './estimate.js';
import { latinHypercube } from './latin-hypercube.js';

export interface SaltelliDesign {
  factors: number;
  /** Base rows N. */
  base: number;
  /** N × (k + 2) points, base-row-major: A_j, B_j, then A_B^i_j for i = 0..k−1. */
  points: Float64Array[];
}

export interface SobolIndices {
  first: Estimate;
  total: Estimate;
}

export function saltelliDesign(factors: number, base: number, rng: RandomStream): SaltelliDesign {
  const a = latinHypercube(base, factors, rng);
  const b = latinHypercube(base, factors, rng);
  const points: Float64Array[] = [];
  for (let j = 0; j < base; j++) {
    const aj = a[j] as Float64Array;
    const bj = b[j] as Float64Array;
    points.push(aj, bj);
    for (let i = 0; i < factors; i++) {
      const mixed = Float64Array.from(aj);
      mixed[i] = bj[i] as number;
      points.push(mixed);
    }
  }
  return { factors, base, points };
}

/** S_i and ST_i per factor from outputs `y` at the design's points. */
export function sobolIndices(
  design: SaltelliDesign,
  y: ArrayLike<number>,
  rng: RandomStream,
  options: EstimateOptions = {},
): SobolIndices[] {
  const k = design.factors;
  const stride = k + 2;
  const stats = (picks: Int32Array): number[] => {
    const n = picks.length;
    let sum = 0;
    for (const j of picks) sum += (y[j * stride] as number) + (y[j * stride + 1] as number);
    const mean = sum / (2 * n);
    let ss = 0;
    for (const j of picks)
      ss += ((y[j * stride] as number) - mean) ** 2 + ((y[j * stride + 1] as number) - mean) ** 2;
    const v = ss / (2 * n - 1);
    const out = new Array<number>(2 * k);
    for (let i = 0; i < k; i++) {
      let dB = 0;
      let dA = 0;
      for (const j of picks) {
        const ab = y[j * stride + 2 + i] as number;
        dB += ((y[j * stride + 1] as number) - ab) ** 2;
        dA += ((y[j * stride] as number) - ab) ** 2;
      }
      // A constant output has no variance to share out: the indices are undefined (NaN).
      out[i] = v > 0 ? (v - dB / (2 * n)) / v : Number.NaN;
      out[k + i] = v > 0 ? dA / (2 * n) / v : Number.NaN;
    }
    return out;
  };
  const e = bootstrapEstimates(design.base, stats, rng, options);
  const at = (j: number): Estimate => e[j] as Estimate;
  return Array.from({ length: k }, (_, i) => ({ first: at(i), total: at(k + i) }));
}
