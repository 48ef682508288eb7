/**
 * Bounded-memory quantile histogram for non-negative values (ns latencies), using the
 * log-linear bucket layout of HdrHistogram (Gil Tene, hdrhistogram.org).
 *
 * Layout, with b = subBucketBits and S = 2^b:
 * - values v < 2S fall in unit-width buckets, index floor(v): integers are exact;
 * - a value with exponent e = floor(log2 v) ≥ b+1 lies in the octave [2^e, 2^(e+1)),
 *   which is split into S linear sub-buckets of width 2^s, s = e - b. Its index is
 *   s·S + floor(v / 2^s), where floor(v / 2^s) ∈ [S, 2S). Octaves are thus contiguous
 *   blocks of S buckets and bucket i covers shift s = (i >> b) - 1.
 *
 * Error bound: a bucket of shift s ≥ 1 has width 2^s and lower edge ≥ 2^(s+b); we report
 * its midpoint, so |reported − true| ≤ 2^(s−1) and the relative error of any quantile is
 * ≤ 2^-(b+1), within the documented (and tested) bound 2^-b (7 bits ⇒ ≤ 0.79%). For
 * values < 2S the reported value is the exact integer (non-integers are floored, so
 * sub-unit fractions are the only loss there).
 *
 * Memory is O(S · number of octaves touched), independent of the number of adds: the
 * Float64Array grows only when a value lands in a new, higher octave, by at least
 * doubling, so growth happens at most a handful of times per run (≤ 54 - b octaves
 * cover 2^53; values must be < 2^64). Counts are float64 so addN can take counts beyond 2^32.
 */
const TWO_POW_32 = 4294967296;
/**
 * Exclusive upper limit on recorded values (≈ 584 years in ns). It keeps the exponent
 * computable with two clz32 steps and caps worst-case memory at (65 − b)·2^b buckets; a
 * larger "latency" can only be a modelling bug, so it throws.
 */
const LIMIT = TWO_POW_32 * TWO_POW_32;

export class Histogram {
  readonly subBucketBits: number;
  private readonly subCount: number;
  private counts: Float64Array;
  private n = 0;
  private total = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  constructor(subBucketBits = 7) {
    // ≥ 1 so the bound is < 100%; ≤ 16 keeps index arithmetic well inside int32 and
    // one octave at 512 KiB.
    if (!Number.isInteger(subBucketBits) || subBucketBits < 1 || subBucketBits > 16) {
      throw new RangeError(`Histogram: subBucketBits must be an integer in [1, 16], got ${subBucketBits}`);
    }
    this.subBucketBits = subBucketBits;
    this.subCount = 1 << subBucketBits;
    // Exact range plus two octaves up front: small histograms never reallocate.
    this.counts = new Float64Array(4 * this.subCount);
  }

  /** Upper bound on the relative error of any reported quantile: 2^-subBucketBits. */
  get relativeErrorBound(): number {
    return 2 ** -this.subBucketBits;
  }

  /** Number of allocated buckets (for memory accounting; independent of add count). */
  get bucketCount(): number {
    return this.counts.length;
  }

  add(x: number): void {
    this.addN(x, 1);
  }

  /** Records `n` occurrences of `x` (n a non-negative integer; 0 is a no-op). */
  addN(x: number, n: number): void {
    // Negated comparison also rejects NaN.
    if (!(x >= 0 && x < LIMIT)) {
      throw new RangeError(`Histogram: value must be in [0, 2^64), got ${x}`);
    }
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Histogram: bad count ${n}`);
    if (n === 0) return;
    const i = this.indexOf(x);
    if (i >= this.counts.length) this.grow(i);
    this.counts[i]! += n;
    this.n += n;
    this.total += x * n;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  get count(): number {
    return this.n;
  }

  /**
   * Exact mean from the running sum (not from bucket midpoints). For integer ns inputs
   * the sum is exact while it stays below 2^53 ns (≈ 104 days of summed latency).
   */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.total / this.n;
  }

  /** Exact minimum; NaN when empty. */
  get min(): number {
    return this.n === 0 ? Number.NaN : this.lo;
  }

  /** Exact maximum; NaN when empty. */
  get max(): number {
    return this.n === 0 ? Number.NaN : this.hi;
  }

  /**
   * Value at quantile q ∈ [0, 1]: the representative of the bucket holding the rank
   * ceil(q·count) observation (rank ≥ 1), clamped to the exact [min, max]. Ranks 1 and
   * count are by definition the min and max, which are tracked exactly, so q = 0 and
   * q = 1 are exact. NaN when empty. O(buckets): meant for reporting, not per packet.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`Histogram.quantile: q must be in [0, 1], got ${q}`);
    if (this.n === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.n));
    if (rank === 1) return this.lo;
    if (rank === this.n) return this.hi;
    const counts = this.counts;
    let cumulative = 0;
    let i = 0;
    // The loop must stop before the end because the counts sum to n ≥ rank.
    for (; i < counts.length; i++) {
      cumulative += counts[i]!;
      if (cumulative >= rank) break;
    }
    return Math.min(this.hi, Math.max(this.lo, this.representative(i)));
  }

  /** Adds another histogram's observations; both must use the same subBucketBits. */
  merge(other: Histogram): void {
    if (other.subBucketBits !== this.subBucketBits) {
      throw new RangeError(
        `Histogram.merge: subBucketBits differ (${this.subBucketBits} vs ${other.subBucketBits})`,
      );
    }
    if (other.n === 0) return;
    const src = other.counts;
    if (src.length > this.counts.length) this.grow(src.length - 1);
    const dst = this.counts;
    for (let i = 0; i < src.length; i++) dst[i]! += src[i]!;
    this.n += other.n;
    this.total += other.total;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }

  /** Clears all observations but keeps the allocated buckets (no reallocation later). */
  reset(): void {
    this.counts.fill(0);
    this.n = 0;
    this.total = 0;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
  }

  /** Bucket index of x ≥ 0 (see the layout comment at the top of the file). */
  private indexOf(x: number): number {
    const b = this.subBucketBits;
    if (x < 2 * this.subCount) return Math.floor(x);
    if (x < TWO_POW_32) {
      // Fast integer path: ToUint32 truncates, and floor(floor(x) / 2^s) = floor(x / 2^s).
      const s = 31 - Math.clz32(x) - b;
      return (s << b) + (x >>> s);
    }
    // x ∈ [2^32, 2^64): the exponent comes from the high 32 bits (exact division).
    const s = 63 - Math.clz32(x / TWO_POW_32) - b;
    // Division by a power of two is exact in binary floating point.
    return s * this.subCount + Math.floor(x / 2 ** s);
  }

  /** Midpoint of bucket i, or the bucket's integer itself in the unit-width range. */
  private representative(i: number): number {
    const s = (i >> this.subBucketBits) - 1;
    if (s <= 0) return i;
    const m = i - s * this.subCount;
    return m * 2 ** s + 2 ** (s - 1);
  }

  /**
   * Reallocates so that index i fits: whole octaves, at least doubling (amortised O(1)),
   * but never beyond the (65 − b) octaves that values < 2^64 can reach.
   */
  private grow(i: number): void {
    const octaves = (i >> this.subBucketBits) + 1;
    const cap = (65 - this.subBucketBits) * this.subCount;
    const length = Math.min(cap, Math.max(octaves * this.subCount, 2 * this.counts.length));
    const next = new Float64Array(length);
    next.set(this.counts);
    this.counts = next;
  }
}
