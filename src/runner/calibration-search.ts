/**
 * The search behind `vdpascale calibrate`: least squares over a box of parameters, some
 * integer (IOTLB entries, walkers), some continuous (a memory access time). The objective is
 * the sum of squared relative residuals of the simulated curve against the measured one, with
 * common random numbers (the same seeds for every candidate), so it is a deterministic function
 * of the parameters and small changes give small differences.
 *
 * 1. A grid: up to `levels` values per parameter (every integer when there are that few), all
 *    combinations, evaluated as one batch (parallel on the worker pool).
 * 2. Coordinate descent from the best grid point: each parameter takes a golden-section search
 *    over the neighbouring grid cells (rounded for integers), then integers step ±1 and ±2
 *    (batched) until no step improves; rounds repeat while the fit improves.
 * 3. Uncertainty by profile likelihood along each parameter (the others at their fit): with
 *    Gaussian residuals of variance σ² = SSE / (n − k), the 95% interval holds the values whose
 *    SSE exceeds the minimum by at most χ²₁(0.95) · σ² = 3.84 σ² (Wilks). Integers step outward
 *    until the bound is crossed; continuous bounds are found by bisection.
 *
 * Every evaluation is memoised by its parameter vector (and kept for resuming: `known`).
 */

export interface FitParam {
  readonly path: string;
  readonly lo: number;
  readonly hi: number;
  /** A count (entries, walkers): searched in integer steps. */
  readonly integer: boolean;
  /** Searched as continuous but set in whole units (a duration in whole ns). */
  readonly whole?: boolean;
}

/** SSE of each candidate vector, evaluated together (one batch of runs). */
export type BatchObjective = (candidates: readonly number[][]) => Promise<number[]>;

export interface FitInterval {
  lo: number;
  hi: number;
  /** True when the bound reached the search range: the interval may be wider. */
  loClipped: boolean;
  hiClipped: boolean;
}

export interface FitResult {
  best: number[];
  sse: number;
  /** Residual variance σ² = SSE / (n − k) (NaN when n ≤ k). */
  variance: number;
  intervals: FitInterval[];
  evaluations: number;
}

/** χ²₁ 0.95 quantile: the profile-likelihood threshold of a 95% interval for one parameter. */
export const CHI2_1_95 = 3.841458820694124;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

export interface SearchOptions {
  /** Grid values per parameter (default 5). */
  levels?: number;
  /** Coordinate-descent rounds at most (default 3). */
  rounds?: number;
  /** Golden-section and bisection steps (default 6). */
  steps?: number;
  /** Evaluations already known (resume), keyed by `candidateKey`. */
  known?: ReadonlyMap<string, number>;
}

export function candidateKey(theta: readonly number[]): string {
  return theta.map((v) => String(v)).join(',');
}

function gridValues(p: FitParam, levels: number): number[] {
  if (p.integer) {
    const n = p.hi - p.lo + 1;
    if (n <= levels) return Array.from({ length: n }, (_, i) => p.lo + i);
    return [
      ...new Set(
        Array.from({ length: levels }, (_, i) => Math.round(p.lo + ((p.hi - p.lo) * i) / (levels - 1))),
      ),
    ];
  }
  return Array.from({ length: levels }, (_, i) => p.lo + ((p.hi - p.lo) * i) / (levels - 1));
}

function product(lists: readonly number[][]): number[][] {
  return lists.reduce<number[][]>((acc, list) => acc.flatMap((a) => list.map((v) => [...a, v])), [[]]);
}

export async function fitParameters(
  params: readonly FitParam[],
  dataPoints: number,
  objective: BatchObjective,
  options: SearchOptions = {},
): Promise<FitResult> {
  const levels = Math.max(2, options.levels ?? 5);
  const rounds = options.rounds ?? 3;
  const steps = options.steps ?? 6;
  const memo = new Map<string, number>(options.known ?? []);
  let evaluations = 0;
  const snap = (theta: readonly number[]) =>
    theta.map((v, i) => (params[i]?.integer || params[i]?.whole ? Math.round(v) : v));
  const evaluate = async (raw: number[][]): Promise<number[]> => {
    const candidates = raw.map(snap);
    const fresh = [
      ...new Map(
        candidates.filter((c) => !memo.has(candidateKey(c))).map((c) => [candidateKey(c), c]),
      ).values(),
    ];
    if (fresh.length > 0) {
      const sse = await objective(fresh);
      fresh.forEach((c, i) => {
        memo.set(candidateKey(c), sse[i] as number);
      });
      evaluations += fresh.length;
    }
    return candidates.map((c) => memo.get(candidateKey(c)) as number);
  };
  const clamp = (p: FitParam, v: number) => Math.min(p.hi, Math.max(p.lo, p.integer ? Math.round(v) : v));
  const withValue = (theta: readonly number[], i: number, v: number) =>
    theta.map((x, j) => (j === i ? v : x));

  // 1. Grid.
  const grids = params.map((p) => gridValues(p, levels));
  const grid = product(grids).map(snap);
  const gridSse = await evaluate(grid);
  let bestIndex = 0;
  gridSse.forEach((s, i) => {
    if (s < (gridSse[bestIndex] as number)) bestIndex = i;
  });
  let best = grid[bestIndex] as number[];
  let bestSse = gridSse[bestIndex] as number;

  // 2. Coordinate descent.
  const spacing = params.map((p, i) => {
    const g = grids[i] as number[];
    return g.length > 1 ? (p.hi - p.lo) / (g.length - 1) : 0;
  });
  for (let round = 0; round < rounds; round++) {
    const before = bestSse;
    for (let i = 0; i < params.length; i++) {
      const p = params[i] as FitParam;
      if (!p.integer || (spacing[i] as number) > 2) {
        let a = clamp(p, (best[i] as number) - (spacing[i] as number));
        let b = clamp(p, (best[i] as number) + (spacing[i] as number));
        for (let s = 0; s < steps; s++) {
          const x1 = b - GOLDEN * (b - a);
          const x2 = a + GOLDEN * (b - a);
          const [f1, f2] = await evaluate([withValue(best, i, x1), withValue(best, i, x2)]);
          if ((f1 as number) < (f2 as number)) b = x2;
          else a = x1;
          const x = (f1 as number) < (f2 as number) ? x1 : x2;
          const f = Math.min(f1 as number, f2 as number);
          if (f < bestSse) {
            best = snap(withValue(best, i, x));
            bestSse = f;
          }
        }
      }
      if (p.integer) {
        // Polish in unit steps: the golden section above only narrows to about one grid cell / 18.
        for (;;) {
          const c = best[i] as number;
          const moves = [c - 2, c - 1, c + 1, c + 2]
            .filter((v) => v >= p.lo && v <= p.hi)
            .map((v) => withValue(best, i, v));
          if (moves.length === 0) break;
          const sse = await evaluate(moves);
          let k = -1;
          sse.forEach((s, j) => {
            if (s < bestSse && (k < 0 || s < (sse[k] as number))) k = j;
          });
          if (k < 0) break;
          best = moves[k] as number[];
          bestSse = sse[k] as number;
        }
      }
    }
    if (!(bestSse < before)) break;
  }

  // 3. Profile-likelihood intervals.
  const dof = dataPoints - params.length;
  const variance = dof > 0 ? bestSse / dof : Number.NaN;
  const threshold = bestSse + CHI2_1_95 * (Number.isFinite(variance) ? variance : 0);
  const inside = async (i: number, v: number) =>
    ((await evaluate([withValue(best, i, v)]))[0] as number) <= threshold;
  const intervals: FitInterval[] = [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as FitParam;
    const c = best[i] as number;
    const bound = async (dir: -1 | 1): Promise<{ at: number; clipped: boolean }> => {
      const edge = dir < 0 ? p.lo : p.hi;
      if (p.integer) {
        let v = c;
        // Step outward, doubling, then bisect back: O(log range) evaluations.
        let step = 1;
        while (v !== edge) {
          const next = dir < 0 ? Math.max(edge, v - step) : Math.min(edge, v + step);
          if (!(await inside(i, next))) {
            let good = v;
            let bad = next;
            while (Math.abs(bad - good) > 1) {
              const mid = Math.round((good + bad) / 2);
              if (await inside(i, mid)) good = mid;
              else bad = mid;
            }
            return { at: good, clipped: false };
          }
          v = next;
          step *= 2;
        }
        return { at: edge, clipped: true };
      }
      if (await inside(i, edge)) return { at: edge, clipped: true };
      let good = c;
      let bad = edge;
      for (let s = 0; s < steps; s++) {
        const mid = (good + bad) / 2;
        if (await inside(i, mid)) good = mid;
        else bad = mid;
      }
      return { at: p.whole ? Math.round(good) : good, clipped: false };
    };
    const lo = await bound(-1);
    const hi = await bound(1);
    intervals.push({ lo: lo.at, hi: hi.at, loClipped: lo.clipped, hiClipped: hi.clipped });
  }
  return { best, sse: bestSse, variance, intervals, evaluations };
}
