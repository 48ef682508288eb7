/**
 * Monotone event/byte counter (packets sent, kicks, interrupts, bytes).
 *
 * Kept separate from Tally because a count carries no per-event value and must stay
 * exact: a float64 integer counter is exact up to 2^53 (≈ 9e15 events), far beyond any
 * run length.
 */
export class Counter {
  private n = 0;

  add(n = 1): void {
    this.n += n;
  }

  get value(): number {
    return this.n;
  }

  /**
   * Events per second over a measurement window given in nanoseconds (simulation
   * time). A zero-length window has no defined rate, so it yields NaN (like the mean of
   * nothing) rather than Infinity; a negative or NaN window is a caller bug and throws.
   */
  rate(windowNs: number): number {
    if (!(windowNs >= 0)) throw new RangeError(`Counter.rate: invalid window ${windowNs} ns`);
    if (windowNs === 0) return Number.NaN;
    return (this.n * 1e9) / windowNs;
  }

  reset(): void {
    this.n = 0;
  }
}
