import { IntQueue } from './int-queue.js';

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
 */
export class SlotPool {
  readonly slots: number;
  readonly throttledSlots: number;
  /** Slots and throttle tokens held now, and their peaks since construction. */
  inUse = 0;
  throttledInUse = 0;
  peakInUse = 0;
  peakThrottledInUse = 0;

  private readonly waiting = new IntQueue();
  private readonly throttleWaiting = new IntQueue();
  private readonly onGrant: (id: number) => void;

  constructor(slots: number, throttledSlots: number, onGrant: (id: number) => void) {
    if (!(slots >= 1)) throw new RangeError(`SlotPool: slots must be ≥ 1, got ${slots}`);
    if (!(throttledSlots >= 1))
      throw new RangeError(`SlotPool: throttled slots must be ≥ 1, got ${throttledSlots}`);
    this.slots = slots;
    this.throttledSlots = Math.min(throttledSlots, slots);
    this.onGrant = onGrant;
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
    }
  }

  /** Gives back one slot (and the throttle token of a heavy holder); hands them to waiters. */
  release(heavy: boolean): void {
    this.inUse--;
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
    else this.waiting.push(id);
  }

  private grant(id: number): void {
    this.inUse++;
    if (this.inUse > this.peakInUse) this.peakInUse = this.inUse;
    this.onGrant(id);
  }
}
