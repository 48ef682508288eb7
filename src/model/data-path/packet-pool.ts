/**
 * Packets in flight, each one interleaved 40-byte record (no object per packet), with a free
 * list threaded through the records' `next` field, which also links a packet into its
 * virtqueue's FIFO.
 *
 * Record: arrival, done and service as float64 (exact integer ns and the drawn service), then
 * size, buffer page, next and one spare int32 (room for a field without growing the record).
 * One record's fields share a cache line or two, where six parallel arrays cost six misses.
 *
 * Storage is a list of fixed pages of PAGE packets, added one at a time as the packets in
 * flight grow: memory follows the high-water mark within one page (160 KiB), and growing
 * copies nothing. (A pool grown by doubling peaks at three times its live records while it
 * copies: ≈ 565 bytes per instance in a saturated 1M-instance run.) Its size is bounded by the
 * packets in flight (at most queues × queueSize), so idle instances cost nothing here.
 */
const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;
/** Record size in float64 words (and twice that in int32 words). */
const WORDS = 5;
const ARRIVAL = 0; // float64: arrival at the wire (RX) or post by the driver (TX), ns
const DONE = 1; // float64: when the device wrote the used entry, ns
const SERVICE = 2; // float64: engine service drawn at arrival (ns, before per-byte and translation terms)
const SIZE = 6; // int32 (the record's int32 words 6..9 follow its three float64 words)
const PAGE_NO = 7; // int32: buffer page within the instance's working set
const NEXT = 8; // int32: next packet of the queue's FIFO or of the free list, −1 at the end

export class PacketPool {
  /** Packets allocated and not yet released. */
  live = 0;
  private readonly f64: Float64Array[] = [];
  private readonly i32: Int32Array[] = [];
  private freeHead = -1;
  private highWater = 0;

  /** Packets the allocated pages hold. */
  get capacity(): number {
    return this.f64.length * PAGE;
  }

  /** A new packet with its attributes; its `next` is −1. */
  alloc(arrivalNs: number, size: number, page: number, serviceNs: number): number {
    this.live++;
    let p = this.freeHead;
    if (p !== -1) {
      this.freeHead = this.next(p);
    } else {
      if (this.highWater === this.capacity) this.addPage();
      p = this.highWater++;
    }
    const f = this.f64[p >>> PAGE_BITS] as Float64Array;
    const i = this.i32[p >>> PAGE_BITS] as Int32Array;
    const o = (p & PAGE_MASK) * WORDS;
    f[o + ARRIVAL] = arrivalNs;
    f[o + SERVICE] = serviceNs;
    i[2 * o + SIZE] = size;
    i[2 * o + PAGE_NO] = page;
    i[2 * o + NEXT] = -1;
    return p;
  }

  release(p: number): void {
    this.live--;
    this.setNext(p, this.freeHead);
    this.freeHead = p;
  }

  arrival(p: number): number {
    return (this.f64[p >>> PAGE_BITS] as Float64Array)[(p & PAGE_MASK) * WORDS + ARRIVAL] as number;
  }

  done(p: number): number {
    return (this.f64[p >>> PAGE_BITS] as Float64Array)[(p & PAGE_MASK) * WORDS + DONE] as number;
  }

  setDone(p: number, ns: number): void {
    (this.f64[p >>> PAGE_BITS] as Float64Array)[(p & PAGE_MASK) * WORDS + DONE] = ns;
  }

  service(p: number): number {
    return (this.f64[p >>> PAGE_BITS] as Float64Array)[(p & PAGE_MASK) * WORDS + SERVICE] as number;
  }

  size(p: number): number {
    return (this.i32[p >>> PAGE_BITS] as Int32Array)[(p & PAGE_MASK) * 2 * WORDS + SIZE] as number;
  }

  page(p: number): number {
    return (this.i32[p >>> PAGE_BITS] as Int32Array)[(p & PAGE_MASK) * 2 * WORDS + PAGE_NO] as number;
  }

  next(p: number): number {
    return (this.i32[p >>> PAGE_BITS] as Int32Array)[(p & PAGE_MASK) * 2 * WORDS + NEXT] as number;
  }

  setNext(p: number, q: number): void {
    (this.i32[p >>> PAGE_BITS] as Int32Array)[(p & PAGE_MASK) * 2 * WORDS + NEXT] = q;
  }

  private addPage(): void {
    const buffer = new ArrayBuffer(PAGE * WORDS * 8);
    this.f64.push(new Float64Array(buffer));
    this.i32.push(new Int32Array(buffer));
  }
}
