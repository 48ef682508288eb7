/**
 * Morris's elementary-effects screening (Morris 1991, Technometrics 33(2); μ* after Campolongo,
 * Cariboni & Saltelli 2007, Environ. Model. Softw. 22(10)): r random one-at-a-time trajectories
 * through a p-level grid on [0, 1]^k, each moving every factor once by ±Δ, Δ = p / (2(p − 1)).
 * A factor's elementary effect is the change of the output over the change of the factor; μ* (the
 * mean absolute effect) ranks influence, σ (their spread) flags non-linearity or interaction.
 *
 * The base point of a trajectory takes each factor from the lower p/2 levels, and a factor
 * starts high (then moves down) or low (then up) by a fair coin: so every effect of factor i is
 * measured at a point uniform over the grid with factor i in its lower half, whatever the order.
 */
import type { RandomStream } from '../../random/random-stream.js';
import { bootstrapEstimates } from './bootstrap.js';
import type { Estimate, EstimateOptions } from './estimate.js';

export interface MorrisDesign {
  factors: number;
  trajectories: number;
  levels: number;
  delta: number;
  /** r × (k + 1) points, trajectory-major. */
  points: Float64Array[];
  /** The factor moved at step m of trajectory t: `moved[t × k + m − 1]`. */
  moved: Int32Array;
}

export interface MorrisIndices {
  /** Mean absolute elementary effect, in output units per whole range of the factor. */
  muStar: Estimate;
  /** Mean signed effect. */
  mu: Estimate;
  /** Standard deviation of the effects (NaN for one trajectory). */
  sigma: Estimate;
}

export function morrisDesign(
  factors: number,
  trajectories: number,
  levels: number,
  rng: RandomStream,
): MorrisDesign {
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0)
    throw new RangeError(`Morris levels must be an even integer >= 2, got ${levels}`);
  const k = factors;
  const delta = levels / (2 * (levels - 1));
  const points: Float64Array[] = [];
  const moved = new Int32Array(trajectories * k);
  const order = new Int32Array(k);
  const up = new Uint8Array(k);
  for (let t = 0; t < trajectories; t++) {
    const x = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      up[i] = rng.random() < 0.5 ? 1 : 0;
      x[i] = rng.below(levels / 2) / (levels - 1) + (up[i] ? 0 : delta);
      order[i] = i;
    }
    for (let i = k - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      const s = order[i] as number;
      order[i] = order[j] as number;
      order[j] = s;
    }
    points.push(Float64Array.from(x));
    for (let m = 0; m < k; m++) {
      const i = order[m] as number;
      x[i] = (x[i] as number) + (up[i] ? delta : -delta);
      moved[t * k + m] = i;
      points.push(Float64Array.from(x));
    }
  }
  return { factors: k, trajectories, levels, delta, points, moved };
}

/** The elementary effects, `effects[t × k + i]` for trajectory t and factor i. */
export function elementaryEffects(design: MorrisDesign, y: ArrayLike<number>): Float64Array {
  const k = design.factors;
  const effects = new Float64Array(design.trajectories * k);
  for (let t = 0; t < design.trajectories; t++) {
    for (let m = 1; m <= k; m++) {
      const a = t * (k + 1) + m - 1;
      const i = design.moved[t * k + m - 1] as number;
      const dx =
        ((design.points[a + 1] as Float64Array)[i] as number) -
        ((design.points[a] as Float64Array)[i] as number);
      effects[t * k + i] = ((y[a + 1] as number) - (y[a] as number)) / dx;
    }
  }
  return effects;
}

/** μ*, μ and σ per factor from outputs `y` at the design's points, with percentile-bootstrap CIs over trajectories. */
export function morrisIndices(
  design: MorrisDesign,
  y: ArrayLike<number>,
  rng: RandomStream,
  options: EstimateOptions = {},
): MorrisIndices[] {
  const k = design.factors;
  const effects = elementaryEffects(design, y);
  const stats = (picks: Int32Array): number[] => {
    const out = new Array<number>(3 * k).fill(0);
    const r = picks.length;
    for (let i = 0; i < k; i++) {
      let sum = 0;
      let abs = 0;
      for (const t of picks) {
        const e = effects[t * k + i] as number;
        sum += e;
        abs += Math.abs(e);
      }
      const mean = sum / r;
      let ss = 0;
      for (const t of picks) ss += ((effects[t * k + i] as number) - mean) ** 2;
      out[i] = abs / r;
      out[k + i] = mean;
      out[2 * k + i] = r > 1 ? Math.sqrt(ss / (r - 1)) : Number.NaN;
    }
    return out;
  };
  const e = bootstrapEstimates(design.trajectories, stats, rng, options);
  const at = (j: number): Estimate => e[j] as Estimate;
  return Array.from({ length: k }, (_, i) => ({ muStar: at(i), mu: at(k + i), sigma: at(2 * k + i) }));
}
