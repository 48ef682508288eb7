import type { ResourceMeter } from '../../stats/resource-usage.js';
import { IntRing } from './int-ring.js';
import type { Resource } from './resource.js';

/** A pool's resource meter and the clock it reads (bottleneck attribution). */
export interface PoolMeter {
  meter: ResourceMeter;
  clock: { readonly now: number };
}

/**
 * A counting semaphore with FIFO waiters and an optional throttled sub-pool, the shape of the
 * mlx5 firmware command interface [[linux-mlx5-cmd]]: `slots` commands in flight in total, and
 * "heavy" ones must first take one of `throttledSlots` throttle tokens, then a regular slot
 * (cmd.c takes `throttle_sem` before `sem`). With one slot it is a FIFO lock (the managed-cap
 * register window, the device-cmd-cap slot, the global vDPA management lock); with
 * `slots = Infinity` it never makes anyone wait (per-VF BARs).
 *
 * `onGrant(id)` is called when `id` obtains its slot — synchronously from `acquire` when one
 * is free, otherwise from the `release` that frees it. Counters are updated before the call,
 * so the callback may acquire or release again.
 *
 * With a `PoolMeter` the pool reports itself as a resource: slots held, ids waiting (for a slot
 * or a throttle token) and every grant, from which Little's law gives the mean wait.
 */
export class SlotPool implements Resource {
  readonly slots: number;
  readonly throttledSlots: number;
  /** Slots and throttle tokens held now, and their peaks since construction. */
  inUse = 0;
  throttledInUse = 0;
  peakInUse = 0;
  peakThrottledInUse = 0;

  private readonly waiting = new IntRing();
  private readonly throttleWaiting = new IntRing();
  private readonly onGrant: (id: number) => void;
  private readonly metered: PoolMeter | undefined;

  constructor(slots: number, throttledSlots: number, onGrant: (id: number) => void, metered?: PoolMeter) {
    if (!(slots >= 1)) throw new RangeError(`SlotPool: slots must be ≥ 1, got ${slots}`);
    if (!(throttledSlots >= 1))
      throw new RangeError(`SlotPool: throttled slots must be ≥ 1, got ${throttledSlots}`);
    this.slots = slots;
    this.throttledSlots = Math.min(throttledSlots, slots);
    this.onGrant = onGrant;
    this.metered = metered;
  }

  /** Ids waiting for a slot or a throttle token. */
  get queued(): number {
    return this.waiting.length + this.throttleWaiting.length;
  }

  /** Whether a non-heavy `acquire` now would be granted at once (a slot free, nobody waiting). */
  get available(): boolean {
    return this.inUse < this.slots && this.waiting.length === 0;
  }

  acquire(id: number, heavy: boolean): void {
    if (!heavy) {
      this.takeSlot(id);
    } else if (this.throttledInUse < this.throttledSlots) {
      this.takeThrottle();
      this.takeSlot(id);
    } else {
      this.throttleWaiting.push(id);
      this.measure();
    }
  }

  /** Gives back one slot (and the throttle token of a heavy holder); hands them to waiters. */
  release(heavy: boolean): void {
    this.inUse--;
    this.measure();
    if (this.waiting.length > 0) this.grant(this.waiting.shift());
    if (!heavy) return;
    this.throttledInUse--;
    if (this.throttleWaiting.length > 0) {
      const id = this.throttleWaiting.shift();
      this.takeThrottle();
      this.takeSlot(id);
    }
  }

  private takeThrottle(): void {
    this.throttledInUse++;
    if (this.throttledInUse > this.peakThrottledInUse) this.peakThrottledInUse = this.throttledInUse;
  }

  private takeSlot(id: number): void {
    if (this.inUse < this.slots && this.waiting.length === 0) this.grant(id);
    else {
      this.waiting.push(id);
      this.measure();
    }
  }

  private grant(id: number): void {
    this.inUse++;
    if (this.inUse > this.peakInUse) this.peakInUse = this.inUse;
    this.metered?.meter.granted();
    this.measure();
    this.onGrant(id);
  }

  /** The meter follows the pool's levels (before a grant's callback, which may change them). */
  private measure(): void {
    const m = this.metered;
    if (m === undefined) return;
    const now = m.clock.now;
    m.meter.held.set(now, this.inUse);
    m.meter.queue.set(now, this.queued);
  }
}
