/**
 * Che's approximation of LRU hit ratios under the independent reference model (Che, Tung &
 * Wang, "Hierarchical Web caching systems: modeling, design and experimental results", IEEE
 * JSAC 20(7), 2002; Fricker, Robert & Roberts, "A versatile and accurate approximation for LRU
 * cache performance", ITC 2012). An LRU cache of C entries behaves as if each item stayed for a
 * fixed characteristic time T after its last request, T solving Σ_k (1 − e^{−r_k T}) = C; the
 * hit ratio is Σ_k r_k (1 − e^{−r_k T}) / Σ_k r_k. Used to validate the IOTLB and to predict
 * hit rates in reports.
 */

/** Popularities p_k ∝ 1/(k+1)^s over n items, normalized to sum 1 (Zipf with exponent s). */
export function zipfPopularity(n: number, exponent: number): Float64Array {
  const p = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const w = 1 / (k + 1) ** exponent;
    p[k] = w;
    total += w;
  }
  for (let k = 0; k < n; k++) p[k] = (p[k] as number) / total;
  return p;
}

/** Expected number of distinct items requested within time t: Σ (1 − e^{−r_k t}). */
function occupancy(rates: ArrayLike<number>, t: number): number {
  let s = 0;
  for (let k = 0; k < rates.length; k++) s -= Math.expm1(-(rates[k] as number) * t);
  return s;
}

/**
 * The characteristic time T of an LRU cache of `cacheSize` entries fed by request rates
 * `rates` (any positive scale). +Infinity when the cache holds every item with a positive rate.
 * Bisection on log T: occupancy(T) is increasing, so 200 halvings reach double precision.
 */
export function cheCharacteristicTime(rates: ArrayLike<number>, cacheSize: number): number {
  let items = 0;
  let maxRate = 0;
  for (let k = 0; k < rates.length; k++) {
    const r = rates[k] as number;
    if (r > 0) items++;
    if (r > maxRate) maxRate = r;
  }
  if (cacheSize >= items) return Number.POSITIVE_INFINITY;
  if (cacheSize <= 0) return 0;
  let lo = 0;
  let hi = 1 / maxRate;
  while (occupancy(rates, hi) < cacheSize) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (occupancy(rates, mid) < cacheSize) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Expected hits per unit time, Σ r_k (1 − e^{−r_k T}), of an LRU cache of `cacheSize` entries. */
export function cheHitRate(rates: ArrayLike<number>, cacheSize: number): number {
  const t = cheCharacteristicTime(rates, cacheSize);
  let hits = 0;
  for (let k = 0; k < rates.length; k++) {
    const r = rates[k] as number;
    hits += t === Number.POSITIVE_INFINITY ? r : -r * Math.expm1(-r * t);
  }
  return hits;
}

/** Che's LRU hit ratio for request popularities (normalized or not). */
export function cheHitRatio(popularity: ArrayLike<number>, cacheSize: number): number {
  let total = 0;
  for (let k = 0; k < popularity.length; k++) total += popularity[k] as number;
  return total === 0 ? Number.NaN : cheHitRate(popularity, cacheSize) / total;
}

/**
 * Che's approximation for a set-associative cache: each set is an LRU cache of `ways`
 * entries fed by the items that map to it (`setOf(k)`), solved separately.
 */
export function cheSetAssociativeHitRatio(
  popularity: ArrayLike<number>,
  sets: number,
  ways: number,
  setOf: (item: number) => number,
): number {
  const members: number[][] = Array.from({ length: sets }, () => []);
  let total = 0;
  for (let k = 0; k < popularity.length; k++) {
    (members[setOf(k)] as number[]).push(popularity[k] as number);
    total += popularity[k] as number;
  }
  let hits = 0;
  for (const rates of members) if (rates.length > 0) hits += cheHitRate(rates, ways);
  return hits / total;
}
