/**
 * Streaming summary statistics of independent observations (per-packet latency,
 * per-request service time, ...).
 *
 * Uses Welford's online algorithm (Welford 1962; Knuth TAOCP vol. 2, 4.2.2) rather than
 * accumulating Σx and Σx²: the naive formula cancels catastrophically when the mean is
 * large relative to the spread (e.g. latencies of ~1e6 ns varying by a few ns), whereas
 * Welford keeps the running sum of squared deviations directly.
 *
 * `add` is O(1), branch-light and allocation-free because it runs once per simulated
 * packet.
 *
 * NaN inputs are not filtered: they poison `mean`/`variance` (which then stay NaN until
 * `reset`), so a modelling bug surfaces instead of being silently dropped. `min`/`max`
 * ignore NaN because IEEE comparisons with NaN are false.
 */
export class Tally {
  private n = 0;
  private total = 0;
  private mu = 0;
  /** Σ (x - mean)², maintained incrementally (Welford's M2). */
  private m2 = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  add(x: number): void {
    const n = this.n + 1;
    const delta = x - this.mu;
    this.n = n;
    this.total += x;
    this.mu += delta / n;
    // Uses the updated mean on purpose: delta * (x - newMean) is Welford's update.
    this.m2 += delta * (x - this.mu);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /**
   * Combines another tally into this one (Chan, Golub & LeVeque 1979 pairwise update),
   * e.g. to pool per-queue tallies. Equivalent to having added the other's observations.
   */
  merge(other: Tally): void {
    if (other.n === 0) return;
    if (this.n === 0) {
      this.n = other.n;
      this.total = other.total;
      this.mu = other.mu;
      this.m2 = other.m2;
      this.lo = other.lo;
      this.hi = other.hi;
      return;
    }
    const n = this.n + other.n;
    const delta = other.mu - this.mu;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
    this.mu += (delta * other.n) / n;
    this.n = n;
    this.total += other.total;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }

  get count(): number {
    return this.n;
  }

  /** Plain running sum (not n·mean, which would reintroduce rounding from the division). */
  get sum(): number {
    return this.total;
  }

  /** NaN when empty: there is no meaningful mean of nothing. */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.mu;
  }

  /** Sample (n-1, unbiased) variance; 0 when fewer than two observations. */
  get variance(): number {
    return this.n < 2 ? 0 : this.m2 / (this.n - 1);
  }

  get stddev(): number {
    return Math.sqrt(this.variance);
  }

  /** NaN when empty. */
  get min(): number {
    return this.n === 0 ? Number.NaN : this.lo;
  }

  /** NaN when empty. */
  get max(): number {
    return this.n === 0 ? Number.NaN : this.hi;
  }

  reset(): void {
    this.n = 0;
    this.total = 0;
    this.mu = 0;
    this.m2 = 0;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
  }
}
