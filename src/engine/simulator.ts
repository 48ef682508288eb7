import { fnv1a32 } from '../util/hash.js';
import { MAX_TIME_NS } from '../util/units.js';
import { EventQueue } from './event-queue.js';
import { Fingerprint } from './fingerprint.js';
import { MAX_PRIORITY, Priority } from './priority.js';

/** An event handler: registered once, called with the number given at scheduling time. */
export type Handler = (arg: number) => void;
/** Small integer naming a registered handler. */
export type HandlerId = number;
/** Opaque number that identifies one scheduled event for `cancel` (slot + generation). */
export type EventHandle = number;

export interface RunOptions {
  /** Process every event with time ≤ until (ns, inclusive), then set `now = until`. */
  until?: number;
  /** Stop after this many processed events (cancelled events do not count). */
  maxEvents?: number;
}

export interface RunResult {
  /** Events processed by this call. */
  events: number;
  /** Why the call returned. */
  reason: 'until' | 'empty' | 'maxEvents' | 'stopped';
}

// A handle is slot + generation × SLOT_SPAN. 2^26 slots (67M pending events) and 2^27
// generations per slot keep the handle an exact integer in a double (2^53). A handle held
// across 2^27 reuses of one slot could alias; no model keeps a handle that long.
const SLOT_SPAN = 2 ** 26;
const GEN_SPAN = 2 ** 27;
// The tie key packs priority above a 45-bit sequence number: (priority, seq) in one exact
// double, so equal-time events compare with one subtraction. 2^45 ≈ 3.5e13 events per run.
const SEQ_SPAN = 2 ** 45;

/**
 * The kernel: integer-ns time and a total event order (time, priority, seq). It knows nothing
 * of resources, randomness or statistics; components build on `schedule` and `cancel` only.
 * Event records live in typed arrays indexed by slot (handler id, argument, generation,
 * liveness) so that the whole state is a few arrays — the shape checkpointing needs — and no
 * object or closure is allocated per event.
 */
export class Simulator {
  /** Current simulated time in integer nanoseconds. */
  now = 0;
  readonly fingerprint = new Fingerprint();

  private readonly queue: EventQueue;
  private handlers: Handler[] = [];
  private handlerNames: string[] = [];
  private handlerKeys: number[] = [];
  private slotHandler: Int32Array;
  private slotArg: Float64Array;
  private slotGen: Uint32Array;
  private slotLive: Uint8Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotCount = 0;
  private seq = 0;
  private cancelledPending = 0;
  private processed = 0;
  private stopRequested = false;

  constructor(initialCapacity = 1024) {
    this.queue = new EventQueue(initialCapacity);
    this.slotHandler = new Int32Array(initialCapacity);
    this.slotArg = new Float64Array(initialCapacity);
    this.slotGen = new Uint32Array(initialCapacity);
    this.slotLive = new Uint8Array(initialCapacity);
    this.freeSlots = new Int32Array(initialCapacity);
  }

  /**
   * Registers a handler under a stable name (its identity in the fingerprint, so it must not
   * depend on registration order). Names must be unique within a simulation.
   */
  handler(name: string, fn: Handler): HandlerId {
    if (this.handlerNames.includes(name)) throw new Error(`handler '${name}' registered twice`);
    this.handlers.push(fn);
    this.handlerNames.push(name);
    this.handlerKeys.push(fnv1a32(name));
    return this.handlers.length - 1;
  }

  /** Schedules `handler(arg)` at now + delayNs (rounded to whole ns, must be ≥ 0). */
  schedule(delayNs: number, handler: HandlerId, arg = 0, priority: number = Priority.NORMAL): EventHandle {
    return this.scheduleAt(this.now + Math.round(delayNs), handler, arg, priority);
  }

  /** Schedules `handler(arg)` at the absolute time `timeNs` (≥ now, integer). */
  scheduleAt(timeNs: number, handler: HandlerId, arg = 0, priority: number = Priority.NORMAL): EventHandle {
    if (!(timeNs >= this.now && timeNs <= MAX_TIME_NS) || timeNs !== Math.floor(timeNs)) {
      throw new RangeError(`event time ${timeNs} ns is not an integer in [now=${this.now}, 2^53)`);
    }
    if (priority < 0 || priority > MAX_PRIORITY || (priority | 0) !== priority) {
      throw new RangeError(`priority ${priority} outside 0..${MAX_PRIORITY}`);
    }
    const slot = this.allocSlot();
    this.slotHandler[slot] = handler;
    this.slotArg[slot] = arg;
    this.slotLive[slot] = 1;
    this.queue.push(timeNs, priority * SEQ_SPAN + this.seq++, slot);
    return slot + (this.slotGen[slot] as number) * SLOT_SPAN;
  }

  /**
   * Cancels a scheduled event in O(1): the entry stays in the queue, marked dead, and is
   * dropped when it reaches the front. Returns false (and does nothing) for a handle whose
   * event already ran or was already cancelled.
   */
  cancel(handle: EventHandle): boolean {
    const slot = handle % SLOT_SPAN;
    const gen = (handle - slot) / SLOT_SPAN;
    if (slot >= this.slotCount || this.slotGen[slot] !== gen || this.slotLive[slot] !== 1) return false;
    this.slotLive[slot] = 0;
    this.cancelledPending++;
    return true;
  }

  /** True while the event behind `handle` is still pending. */
  isPending(handle: EventHandle): boolean {
    const slot = handle % SLOT_SPAN;
    const gen = (handle - slot) / SLOT_SPAN;
    return slot < this.slotCount && this.slotGen[slot] === gen && this.slotLive[slot] === 1;
  }

  /** Number of pending (not cancelled) events. */
  get pending(): number {
    return this.queue.size - this.cancelledPending;
  }

  /** Events processed since construction (cancelled ones excluded). */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Time of the next pending event, or +Infinity. Cancelled heads are discarded first. */
  peekTime(): number {
    this.dropCancelledHead();
    return this.queue.peekTime();
  }

  /** Makes the current `run` call return after the event being processed. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Processes events in (time, priority, seq) order. Boundary: every event with
   * time ≤ `until` runs, including events scheduled during this call at exactly `until`;
   * then `now` is set to `until` (also when the queue ran empty earlier), so a following
   * `run` continues from there. With `maxEvents`, returns after that many events with `now`
   * at the last event's time.
   */
  run(options: RunOptions = {}): RunResult {
    const until = options.until ?? MAX_TIME_NS;
    const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    if (until < this.now) throw new RangeError(`run until ${until} ns is before now=${this.now}`);
    const q = this.queue;
    let events = 0;
    this.stopRequested = false;
    while (events < maxEvents) {
      if (q.size === 0) return this.finish(events, until, 'empty');
      if (q.peekTime() > until) return this.finish(events, until, 'until');
      const slot = q.pop();
      if (this.slotLive[slot] === 0) {
        this.cancelledPending--;
        this.freeSlot(slot);
        continue;
      }
      const time = q.poppedTime;
      const handler = this.slotHandler[slot] as number;
      const arg = this.slotArg[slot] as number;
      this.freeSlot(slot);
      this.now = time;
      this.fingerprint.update(time, Math.floor(q.poppedTie / SEQ_SPAN), this.handlerKeys[handler] as number);
      events++;
      (this.handlers[handler] as Handler)(arg);
      if (this.stopRequested) {
        this.processed += events;
        return { events, reason: 'stopped' };
      }
    }
    this.processed += events;
    return { events, reason: 'maxEvents' };
  }

  /** Name under which a handler was registered (for traces and error messages). */
  handlerName(id: HandlerId): string {
    return this.handlerNames[id] ?? `#${id}`;
  }

  private finish(events: number, until: number, reason: 'until' | 'empty'): RunResult {
    this.processed += events;
    if (until !== MAX_TIME_NS) this.now = until;
    return { events, reason };
  }

  private dropCancelledHead(): void {
    const q = this.queue;
    while (this.cancelledPending > 0 && q.size > 0) {
      const slot = q.peekSlot();
      if (this.slotLive[slot] !== 0) return;
      q.pop();
      this.cancelledPending--;
      this.freeSlot(slot);
    }
  }

  private allocSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount] as number;
    if (this.slotCount === this.slotHandler.length) this.growSlots();
    if (this.slotCount >= SLOT_SPAN) throw new RangeError('more than 2^26 pending events');
    return this.slotCount++;
  }

  private freeSlot(slot: number): void {
    this.slotLive[slot] = 0;
    this.slotGen[slot] = ((this.slotGen[slot] as number) + 1) % GEN_SPAN;
    this.freeSlots[this.freeCount++] = slot;
  }

  private growSlots(): void {
    const cap = this.slotHandler.length * 2;
    this.slotHandler = grow(this.slotHandler, new Int32Array(cap));
    this.slotArg = grow(this.slotArg, new Float64Array(cap));
    this.slotGen = grow(this.slotGen, new Uint32Array(cap));
    this.slotLive = grow(this.slotLive, new Uint8Array(cap));
    this.freeSlots = grow(this.freeSlots, new Int32Array(cap));
  }
}

function grow<T extends Int32Array | Float64Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
