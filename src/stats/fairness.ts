/**
 * Jain's fairness index (Jain, Chiu & Hawe, DEC-TR-301, 1984):
 *   J = (Σx)² / (n · Σx²),  1/n ≤ J ≤ 1,
 * 1 when every tenant gets the same share, 1/n when one tenant gets everything.
 *
 * An empty or all-zero allocation returns 1: with nothing allocated nobody is treated
 * worse than anybody else, and 1 (rather than NaN from 0/0) keeps "idle" scenarios
 * from polluting fairness plots.
 *
 * Values are divided by the maximum first so Σx² cannot overflow for huge throughputs
 * (the index is scale-invariant). Negative allocations are meaningless and throw; NaN
 * propagates to the result.
 */
export function jainIndex(xs: readonly number[]): number {
  let peak = 0;
  for (const x of xs) {
    if (x < 0) throw new RangeError(`jainIndex: negative allocation ${x}`);
    if (Number.isNaN(x)) return Number.NaN;
    if (x > peak) peak = x;
  }
  if (peak === 0) return 1;
  let sum = 0;
  let sumSq = 0;
  for (const x of xs) {
    const y = x / peak;
    sum += y;
    sumSq += y * y;
  }
  return (sum * sum) / (xs.length * sumSq);
}
