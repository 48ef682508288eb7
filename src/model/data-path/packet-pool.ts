/**
 * Packets in flight as a struct of typed arrays with a free list: no object per packet. A
 * packet's id indexes every field; `next` links it into its virtqueue's FIFO. The pool grows
 * by doubling, so callers must read fields through the pool (`pool.arrival[p]`) and never keep
 * an array reference across an `alloc`. Its size is bounded by the packets in flight (at most
 * queues × queueSize), not by the number of instances, so idle instances cost nothing here.
 */
export class PacketPool {
  /** Arrival at the wire (RX) or post by the driver (TX), ns. */
  arrival: Float64Array;
  /** When the device wrote the used entry, ns. */
  done: Float64Array;
  /** Engine service drawn at arrival (ns, before per-byte and translation terms). */
  service: Float64Array;
  size: Int32Array;
  /** Buffer page within the instance's working set. */
  page: Int32Array;
  next: Int32Array;
  /** Packets allocated and not yet released. */
  live = 0;
  private freeHead = -1;
  private highWater = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.arrival = new Float64Array(n);
    this.done = new Float64Array(n);
    this.service = new Float64Array(n);
    this.size = new Int32Array(n);
    this.page = new Int32Array(n);
    this.next = new Int32Array(n);
  }

  get capacity(): number {
    return this.arrival.length;
  }

  alloc(): number {
    this.live++;
    const f = this.freeHead;
    if (f !== -1) {
      this.freeHead = this.next[f] as number;
      this.next[f] = -1;
      return f;
    }
    if (this.highWater === this.arrival.length) this.grow();
    const p = this.highWater++;
    this.next[p] = -1;
    return p;
  }

  release(p: number): void {
    this.live--;
    this.next[p] = this.freeHead;
    this.freeHead = p;
  }

  private grow(): void {
    const n = this.arrival.length * 2;
    this.arrival = copy(this.arrival, new Float64Array(n));
    this.done = copy(this.done, new Float64Array(n));
    this.service = copy(this.service, new Float64Array(n));
    this.size = copy(this.size, new Int32Array(n));
    this.page = copy(this.page, new Int32Array(n));
    this.next = copy(this.next, new Int32Array(n));
  }
}

function copy<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
