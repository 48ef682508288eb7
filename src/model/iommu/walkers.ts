import type { Resettable } from '../../stats/stats-set.js';

/**
 * The IOMMU's k page walkers (`iommu.walk.concurrency`), as computed times: each walker's free
 * time, no events. A miss ready at time r takes a walker free by r if there is one (it starts
 * at r) — the one freed LAST before r, so that walkers freed earlier stay for misses that are
 * ready earlier — else the walker that frees first (it waits until then).
 *
 * Why best fit rather than "the earliest free walker": callers compute their walks ahead of
 * time, in the order their services start, not in the order the walks become ready. A chain's
 * second walk is ready only when its first ends; given the earliest free walker it would leave
 * that walker idle until then, a gap no later-computed walk can use, and saturated walkers
 * would lose a quarter of their capacity. With best fit the chain continues on the walker that
 * just finished it. For walks computed in ready order both rules give the same start times.
 * O(k) per miss; k is small (a handful of walkers).
 */
export class Walkers implements Resettable {
  /** Misses walked, walker time used and time spent waiting for a walker, since the last reset (ns). */
  walks = 0;
  busyNs = 0;
  waitNs = 0;
  private readonly free: Float64Array;

  constructor(readonly count: number) {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`Walkers: count must be ≥ 1, got ${count}`);
    this.free = new Float64Array(count);
  }

  /** A miss ready at `readyNs` walks for `walkNs`: returns its wait for a walker (≥ 0). */
  walk(readyNs: number, walkNs: number): number {
    const free = this.free;
    let fit = -1;
    let first = 0;
    for (let i = 0; i < free.length; i++) {
      const f = free[i] as number;
      if (f <= readyNs && (fit < 0 || f > (free[fit] as number))) fit = i;
      if (f < (free[first] as number)) first = i;
    }
    const w = fit >= 0 ? fit : first;
    const start = fit >= 0 ? readyNs : (free[first] as number);
    free[w] = start + walkNs;
    const wait = start - readyNs;
    this.walks++;
    this.busyNs += walkNs;
    this.waitNs += wait;
    return wait;
  }

  /** Restarts the counts (a StatsSet `Resettable`); the walkers' free times stay. */
  reset(): void {
    this.walks = 0;
    this.busyNs = 0;
    this.waitNs = 0;
  }
}
