/**
 * Per-command and per-operation state as struct-of-arrays indexed by an id taken from a free
 * list, so that a command in flight costs a few bytes and no object (events carry only the
 * id). Arrays double when full; callers index them through the table (`t.op[id]`) and never
 * keep a reference to an array across a call that may allocate.
 */
abstract class IdTable {
  protected capacity: number;
  private free: Int32Array;
  private freeCount = 0;
  private next = 0;
  /** Ids in use now and the peak since construction. */
  live = 0;
  peakLive = 0;

  constructor(initialCapacity: number) {
    this.capacity = initialCapacity;
    this.free = new Int32Array(initialCapacity);
  }

  alloc(): number {
    this.live++;
    if (this.live > this.peakLive) this.peakLive = this.live;
    if (this.freeCount > 0) return this.free[--this.freeCount] as number;
    if (this.next === this.capacity) {
      this.capacity *= 2;
      this.grow(this.capacity);
      const free = new Int32Array(this.capacity);
      free.set(this.free);
      this.free = free;
    }
    return this.next++;
  }

  release(id: number): void {
    this.live--;
    this.free[this.freeCount++] = id;
  }

  protected abstract grow(capacity: number): void;
}

function grown<T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

/** One transport transaction in flight (a step of an operation's program, op-programs.ts). */
export class CommandTable extends IdTable {
  /** Operation the command belongs to. */
  op: Int32Array;
  /** Index into COMMAND_CLASSES. */
  cls: Uint8Array;
  /** Register accesses on register transports: posted writes and non-posted reads. */
  writes: Uint8Array;
  reads: Uint8Array;
  instance: Int32Array;
  /** Workload group (tenant) of the instance. */
  tenant: Uint16Array;
  /** 1 when the tenant's token bucket applies: runtime operations only. Provisioning and
   * teardown are the operator's, not the tenant's; metering them would let one over-limit
   * tenant's backlog stall every creation (netlink holds the global lock meanwhile). */
  rateLimited: Uint8Array;
  /** Consecutive EAGAIN answers (the backoff exponent). */
  retries: Uint16Array;
  /** Admin queue: when this attempt passed its token bucket (the start of its admin-queue wait). */
  readyAt: Float64Array;
  /** Admin queue: 1 while the submitter waits for a ring entry or the driver mutex. */
  waiting: Uint8Array;
  /** Admin queue: 1 when the device answered this attempt EAGAIN. */
  refused: Uint8Array;

  constructor(initialCapacity = 1024) {
    super(initialCapacity);
    this.op = new Int32Array(initialCapacity);
    this.cls = new Uint8Array(initialCapacity);
    this.writes = new Uint8Array(initialCapacity);
    this.reads = new Uint8Array(initialCapacity);
    this.instance = new Int32Array(initialCapacity);
    this.tenant = new Uint16Array(initialCapacity);
    this.rateLimited = new Uint8Array(initialCapacity);
    this.retries = new Uint16Array(initialCapacity);
    this.readyAt = new Float64Array(initialCapacity);
    this.waiting = new Uint8Array(initialCapacity);
    this.refused = new Uint8Array(initialCapacity);
  }

  protected grow(capacity: number): void {
    this.op = grown(this.op, new Int32Array(capacity));
    this.cls = grown(this.cls, new Uint8Array(capacity));
    this.writes = grown(this.writes, new Uint8Array(capacity));
    this.reads = grown(this.reads, new Uint8Array(capacity));
    this.instance = grown(this.instance, new Int32Array(capacity));
    this.tenant = grown(this.tenant, new Uint16Array(capacity));
    this.rateLimited = grown(this.rateLimited, new Uint8Array(capacity));
    this.retries = grown(this.retries, new Uint16Array(capacity));
    this.readyAt = grown(this.readyAt, new Float64Array(capacity));
    this.waiting = grown(this.waiting, new Uint8Array(capacity));
    this.refused = grown(this.refused, new Uint8Array(capacity));
  }
}

/** One control operation in flight: a program of steps run one after another. */
export class OpTable extends IdTable {
  /** Index into the program table (see `OpKind`). */
  kind: Uint8Array;
  instance: Int32Array;
  /** Next step of the program. */
  step: Int32Array;
  issuedAt: Float64Array;
  /** Commands of the current step still outstanding (a fan-out step issues several). */
  pending: Int32Array;

  constructor(initialCapacity = 1024) {
    super(initialCapacity);
    this.kind = new Uint8Array(initialCapacity);
    this.instance = new Int32Array(initialCapacity);
    this.step = new Int32Array(initialCapacity);
    this.issuedAt = new Float64Array(initialCapacity);
    this.pending = new Int32Array(initialCapacity);
  }

  protected grow(capacity: number): void {
    this.kind = grown(this.kind, new Uint8Array(capacity));
    this.instance = grown(this.instance, new Int32Array(capacity));
    this.step = grown(this.step, new Int32Array(capacity));
    this.issuedAt = grown(this.issuedAt, new Float64Array(capacity));
    this.pending = grown(this.pending, new Int32Array(capacity));
  }
}
