import { fnv1a32 } from '../util/hash.js';
import { MAX_TIME_NS } from '../util/units.js';
import { EventQueue } from './event-queue.js';
import type { QueueLayout } from './event-queue-tuning.js';
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
const INV_SEQ_SPAN = 2 ** -45;
/**
 * `slotHandler` of a cancelled event. Any negative value means "no live event": a free slot
 * holds −2 − (next free slot), threading the free list through the array it already has
 * (−1 there ends the list), which saves a separate 4-byte-per-slot stack.
 */
const NO_HANDLER = -1;

/**
 * The kernel: integer-ns time and a total event order (time, priority, seq). It knows nothing
 * of resources, randomness or statistics; components build on `schedule` and `cancel` only.
 * Event records live in typed arrays indexed by slot (handler id, argument, generation) so
 * that the whole state is a few arrays — the shape checkpointing needs — and no object or
 * closure is allocated per event. A slot's handler is negative while it is free or its event
 * is cancelled, which is all the liveness state there is (16 bytes per pending event here).
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
  /** First free slot, or -1; the list continues through slotHandler (see NO_HANDLER). */
  private freeHead = -1;
  private slotCount = 0;
  private seq = 0;
  private cancelledPending = 0;
  private processed = 0;
  private stopRequested = false;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.queue = new EventQueue(cap);
    this.slotHandler = new Int32Array(cap);
    this.slotArg = new Float64Array(cap);
    this.slotGen = new Uint32Array(cap);
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
    // now is an integer and so is the rounded delay; enqueue's range test on the time covers a
    // negative, NaN or too large delay.
    return this.handleOf(this.enqueue(this.now + Math.round(delayNs), handler, arg, priority));
  }

  /** Schedules `handler(arg)` at the absolute time `timeNs` (≥ now, integer). */
  scheduleAt(timeNs: number, handler: HandlerId, arg = 0, priority: number = Priority.NORMAL): EventHandle {
    if (timeNs !== Math.floor(timeNs)) throwBadEvent(this.now, timeNs, handler, priority);
    return this.handleOf(this.enqueue(timeNs, handler, arg, priority));
  }

  /**
   * Cancels a scheduled event in O(1): the entry stays in the queue, marked dead, and is
   * dropped when it reaches the front. Returns false (and does nothing) for a handle whose
   * event already ran or was already cancelled.
   */
  cancel(handle: EventHandle): boolean {
    const slot = this.pendingSlot(handle);
    if (slot < 0) return false;
    this.slotHandler[slot] = NO_HANDLER;
    this.cancelledPending++;
    return true;
  }

  /** True while the event behind `handle` is still pending. */
  isPending(handle: EventHandle): boolean {
    return this.pendingSlot(handle) >= 0;
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
    const fingerprint = this.fingerprint;
    let events = 0;
    this.stopRequested = false;
    while (events < maxEvents) {
      const slot = q.popUntil(until);
      if (slot < 0) return this.finish(events, until, q.size === 0 ? 'empty' : 'until');
      const handler = this.slotHandler[slot] as number;
      const arg = this.slotArg[slot] as number;
      this.freeSlot(slot);
      if (handler === NO_HANDLER) {
        this.cancelledPending--;
        continue;
      }
      const time = q.poppedTime;
      this.now = time;
      fingerprint.update(time, Math.floor(q.poppedTie * INV_SEQ_SPAN), this.handlerKeys[handler] as number);
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

  /** The event queue's current shape (diagnostics and benchmarks; allocates). */
  queueLayout(): QueueLayout {
    return this.queue.layout();
  }

  /** Name under which a handler was registered (for traces and error messages). */
  handlerName(id: HandlerId): string {
    return this.handlerNames[id] ?? `#${id}`;
  }

  /**
   * Files an event and returns its slot — a small integer, not the handle: when the JIT does
   * not inline this function, a handle (≥ 2^30 once a slot has been reused 16 times) would be
   * boxed into a fresh HeapNumber on every return, while the handle computed in the small,
   * inlined schedule() is dropped unboxed when the caller ignores it.
   */
  private enqueue(time: number, handler: HandlerId, arg: number, priority: number): number {
    // One test each: the time range (which also rejects NaN); `& MAX_PRIORITY` changes any
    // priority that is not an integer in 0..MAX_PRIORITY (2^8 − 1); an unregistered id has no
    // handler. Messages are built out of line: they would double this function's bytecode and
    // push schedule() past the JIT's inlining budget in a tight loop such as PHOLD's (measured:
    // two HeapNumbers per call, for the boxed delay and handle, when schedule is not inlined).
    if (
      !(time >= this.now && time <= MAX_TIME_NS) ||
      (priority & MAX_PRIORITY) !== priority ||
      this.handlers[handler] === undefined
    ) {
      throwBadEvent(this.now, time, handler, priority);
    }
    const slot = this.allocSlot();
    this.slotHandler[slot] = handler;
    this.slotArg[slot] = arg;
    this.queue.push(time, priority * SEQ_SPAN + this.seq++, slot);
    return slot;
  }

  private handleOf(slot: number): EventHandle {
    return slot + (this.slotGen[slot] as number) * SLOT_SPAN;
  }

  /** The slot of a pending event's handle, or -1 (ran, cancelled, stale or not a handle). */
  private pendingSlot(handle: EventHandle): number {
    // Split with floor and multiply rather than `%`, which calls fmod on a double.
    const gen = Math.floor(handle / SLOT_SPAN);
    const slot = handle - gen * SLOT_SPAN;
    if (!(slot >= 0 && slot < this.slotCount) || this.slotGen[slot] !== gen) return -1;
    return (this.slotHandler[slot] as number) < 0 ? -1 : slot;
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
      if (this.slotHandler[slot] !== NO_HANDLER) return;
      q.pop();
      this.cancelledPending--;
      this.freeSlot(slot);
    }
  }

  private allocSlot(): number {
    const free = this.freeHead;
    if (free >= 0) {
      this.freeHead = -2 - (this.slotHandler[free] as number);
      return free;
    }
    return this.newSlot();
  }

  /** A never-used slot (the free list is empty); grows the slot arrays when full. */
  private newSlot(): number {
    if (this.slotCount === this.slotHandler.length) this.growSlots();
    if (this.slotCount >= SLOT_SPAN) throw new RangeError('more than 2^26 pending events');
    return this.slotCount++;
  }

  private freeSlot(slot: number): void {
    this.slotHandler[slot] = -2 - this.freeHead;
    this.freeHead = slot;
    this.slotGen[slot] = ((this.slotGen[slot] as number) + 1) & (GEN_SPAN - 1);
  }

  private growSlots(): void {
    const cap = this.slotHandler.length * 2;
    this.slotHandler = grow(this.slotHandler, new Int32Array(cap));
    this.slotArg = grow(this.slotArg, new Float64Array(cap));
    this.slotGen = grow(this.slotGen, new Uint32Array(cap));
  }
}

/** Throws the RangeError that explains why enqueue refused an event. */
function throwBadEvent(now: number, time: number, handler: HandlerId, priority: number): never {
  if (!(time >= now && time <= MAX_TIME_NS) || time !== Math.floor(time)) {
    throw new RangeError(`event time ${time} ns is not an integer in [now=${now}, 2^53)`);
  }
  if ((priority & MAX_PRIORITY) !== priority) {
    throw new RangeError(`priority ${priority} outside 0..${MAX_PRIORITY}`);
  }
  throw new RangeError(`no handler with id ${handler}`);
}

function grow<T extends Int32Array | Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
