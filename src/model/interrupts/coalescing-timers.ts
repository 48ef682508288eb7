/**
 * The per-queue timers of notification coalescing, in two fidelities behind one interface:
 *
 * - `EventTimers` (packet fidelity): one engine event per armed timer, cancelled when a packet
 *   threshold fires first — exact.
 * - `TickTimers` (batch fidelity): time is cut into windows of `windowNs`; a timer due at t
 *   fires at the window boundary nearest to t (but after now), together with every other timer
 *   due there, in one engine event: at most half a window early or late, unbiased on average.
 *   The queues due at a boundary are kept in an intrusive FIFO, so arming and disarming are
 *   O(1) and memory is 12 bytes per queue plus a ring of boundaries.
 *
 * At saturation nearly every completion burst arms a timer, so per-timer events (and their
 * cancellations) are a large share of a run's events; ticks make their count follow the
 * windows with a timer due, not the timers.
 */
import { Priority } from '../../engine/priority.js';
import type { Simulator } from '../../engine/simulator.js';

export interface CoalescingTimers {
  /** Arms queue q's timer to fire `delayNs` from now (q must not be armed). */
  arm(q: number, delayNs: number): void;
  /** Disarms queue q's timer if armed. */
  disarm(q: number): void;
  armed(q: number): boolean;
}

/** One engine event per timer (packet fidelity). */
export class EventTimers implements CoalescingTimers {
  /** Timer handles per queue (−1: none); Float64 because engine handles exceed 2^31. */
  private readonly handle: Float64Array;
  private readonly handler: number;

  constructor(
    private readonly sim: Simulator,
    queues: number,
    fire: (q: number) => void,
    /** Prefix of the handler's name: one coalescer per data path (net `data`, block `blk`). */
    prefix = 'data',
  ) {
    this.handle = new Float64Array(queues).fill(-1);
    this.handler = sim.handler(`${prefix}/coalescing-timer`, (q) => {
      this.handle[q] = -1;
      fire(q);
    });
  }

  arm(q: number, delayNs: number): void {
    this.handle[q] = this.sim.schedule(delayNs, this.handler, q, Priority.LOW);
  }

  disarm(q: number): void {
    const h = this.handle[q] as number;
    if (h === -1) return;
    this.sim.cancel(h);
    this.handle[q] = -1;
  }

  armed(q: number): boolean {
    return this.handle[q] !== -1;
  }
}

/** Timers grouped by window, one engine event per window with a timer due (batch fidelity). */
export class TickTimers implements CoalescingTimers {
  /** Per queue: its window's ring slot (−1: not armed), and its neighbours in that slot's FIFO. */
  private readonly slotOf: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** Per ring slot: FIFO of the queues due in that window, and the pending tick event. */
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly event: Float64Array;
  private readonly mask: number;
  private readonly handler: number;
  private readonly maxDelayNs: number;

  /**
   * `maxDelayNs`: the longest delay `arm` is given. The ring has more slots than windows in
   * that delay, so the slots in use at any time belong to distinct windows.
   */
  constructor(
    private readonly sim: Simulator,
    queues: number,
    private readonly windowNs: number,
    maxDelayNs: number,
    private readonly fire: (q: number) => void,
    prefix = 'data',
  ) {
    if (!(windowNs >= 1)) throw new RangeError(`TickTimers: window must be ≥ 1 ns, got ${windowNs}`);
    this.slotOf = new Int32Array(queues).fill(-1);
    this.next = new Int32Array(queues);
    this.prev = new Int32Array(queues);
    let slots = 2;
    while (slots < Math.ceil(maxDelayNs / windowNs) + 2) slots *= 2;
    this.mask = slots - 1;
    this.head = new Int32Array(slots).fill(-1);
    this.tail = new Int32Array(slots).fill(-1);
    this.event = new Float64Array(slots).fill(-1);
    this.maxDelayNs = maxDelayNs;
    this.handler = sim.handler(`${prefix}/coalescing-tick`, (slot) => this.tick(slot));
  }

  arm(q: number, delayNs: number): void {
    // A longer delay could land in a slot still holding an earlier window's queues.
    if (!(delayNs > 0 && delayNs <= this.maxDelayNs)) throw new RangeError(`TickTimers: delay ${delayNs} ns`);
    const now = this.sim.now;
    const window = Math.max(Math.round((now + delayNs) / this.windowNs), Math.floor(now / this.windowNs) + 1);
    const slot = window & this.mask;
    this.slotOf[q] = slot;
    this.next[q] = -1;
    const t = this.tail[slot] as number;
    this.prev[q] = t;
    if (t === -1) {
      this.head[slot] = q;
      this.event[slot] = this.sim.scheduleAt(window * this.windowNs, this.handler, slot, Priority.LOW);
    } else {
      this.next[t] = q;
    }
    this.tail[slot] = q;
  }

  disarm(q: number): void {
    const slot = this.slotOf[q] as number;
    if (slot === -1) return;
    this.slotOf[q] = -1;
    const p = this.prev[q] as number;
    const n = this.next[q] as number;
    if (p === -1) this.head[slot] = n;
    else this.next[p] = n;
    if (n === -1) this.tail[slot] = p;
    else this.prev[n] = p;
    if (this.head[slot] === -1) {
      this.sim.cancel(this.event[slot] as number);
      this.event[slot] = -1;
    }
  }

  armed(q: number): boolean {
    return this.slotOf[q] !== -1;
  }

  /** The boundary of `slot` is reached: every queue due there fires, in the order they were armed. */
  private tick(slot: number): void {
    let q = this.head[slot] as number;
    this.head[slot] = -1;
    this.tail[slot] = -1;
    this.event[slot] = -1;
    while (q !== -1) {
      const n = this.next[q] as number;
      this.slotOf[q] = -1;
      this.fire(q);
      q = n;
    }
  }
}
