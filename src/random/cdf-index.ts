/**
 * Inverse-CDF lookup by binary search: the smallest index k with u < cdf[k]. `cdf` is
 * non-decreasing with its last entry exactly 1, so every u in [0, 1) finds an index. Shared by
 * the empirical distribution and by samplers over precomputed weights (Zipf page locality).
 */
export function cdfIndex(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < (cdf[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
