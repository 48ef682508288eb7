// Entries per storage chunk. 16 × (8 + 8 + 4) bytes = 320 bytes: a drain streams five cache
// lines per chunk, and a half-empty tail chunk per bucket wastes little (B × 8 entries).
const CHUNK_BITS = 4;
const CHUNK = 1 << CHUNK_BITS;

/**
 * A ring of `size` buckets, each an unsorted FIFO of (time, tie, slot) entries. The event queue
 * decides which bucket an entry belongs to; the ring only stores, counts and drains.
 *
 * Storage is a pool of fixed-size chunks in parallel typed arrays, chained per bucket, with a
 * LIFO free list: appending writes to the bucket's tail chunk and draining reads whole chunks in
 * order, so both are sequential in memory (a per-entry linked list costs a dependent cache miss
 * per entry at 1M pending). An occupancy bitmap finds the next non-empty bucket 32 at a time.
 * Nothing is allocated once the pool has grown to the high-water mark.
 */
export class BucketRing {
  /**
   * Number of buckets (a power of two) and the mask that maps a bucket number to a position.
   * Initialised at the declaration so the fields start as small integers, not `undefined`
   * (which would make them tagged fields, checked on every load in the queue's hot path).
   */
  readonly size: number = 0;
  readonly mask: number = 0;
  /** Entries held in all buckets. */
  total = 0;
  private readonly count: Int32Array;
  private readonly headChunk: Int32Array;
  private readonly tailChunk: Int32Array;
  private readonly occupied: Int32Array;
  private time: Float64Array;
  private tie: Float64Array;
  private slot: Int32Array;
  private nextChunk: Int32Array;
  private freeChunk = -1;
  private chunksUsed = 0;
  // Cursor over a detached bucket (see detach/take).
  private takeChunk = -1;
  private takeIndex = 0;
  private takeLeft = 0;
  /** Key of the entry returned by the last `take()`. */
  takenTime = 0;
  takenTie = 0;

  /** `sizeBits`: log2 of the bucket count (≥ 5); `capacity`: entries to reserve room for. */
  constructor(sizeBits: number, capacity: number) {
    this.size = 1 << sizeBits;
    this.mask = this.size - 1;
    this.count = new Int32Array(this.size);
    this.headChunk = new Int32Array(this.size);
    this.tailChunk = new Int32Array(this.size);
    this.occupied = new Int32Array(this.size >>> 5);
    // Only a bucket's last chunk is partly filled, and only occupied buckets have one, so
    // capacity/CHUNK + min(size, capacity) chunks hold `capacity` entries; a quarter more
    // absorbs a queue that overshoots the hint without doubling the pool (a doubling copies it
    // and briefly holds both). Pages never touched cost no resident memory.
    const chunks = Math.ceil((capacity * 1.25) / CHUNK) + Math.min(this.size, capacity);
    this.time = new Float64Array(chunks * CHUNK);
    this.tie = new Float64Array(chunks * CHUNK);
    this.slot = new Int32Array(chunks * CHUNK);
    this.nextChunk = new Int32Array(chunks);
  }

  /** Entries in the bucket at position `b`. */
  countAt(b: number): number {
    return this.count[b] as number;
  }

  append(b: number, time: number, tie: number, slot: number): void {
    const c = this.count[b] as number;
    const pos = c & (CHUNK - 1);
    // Every CHUNK-th entry opens a chunk, out of line: the common path stays small enough for
    // the JIT to inline it into the caller's caller (Simulator.schedule).
    const chunk = pos === 0 ? this.openChunk(b, c) : (this.tailChunk[b] as number);
    const i = (chunk << CHUNK_BITS) + pos;
    this.time[i] = time;
    this.tie[i] = tie;
    this.slot[i] = slot;
    this.count[b] = c + 1;
    this.total++;
  }

  /** Number of non-empty buckets (a popcount of the bitmap; O(size/32), for tuning only). */
  occupiedCount(): number {
    let n = 0;
    for (const word of this.occupied) n += popcount32(word);
    return n;
  }

  /**
   * Position of the first non-empty bucket at or cyclically after `from`, or -1 when all are
   * empty. The start word is visited twice: first its bits at and above `from`, last (after
   * wrapping around) the bits below.
   */
  nextOccupied(from: number): number {
    const words = this.occupied;
    const last = words.length - 1;
    let w = from >>> 5;
    let bits = (words[w] as number) & (-1 << (from & 31));
    for (let i = 0; i <= words.length; i++) {
      if (bits !== 0) return (w << 5) + 31 - Math.clz32(bits & -bits);
      w = w === last ? 0 : w + 1;
      bits = words[w] as number;
    }
    return -1;
  }

  /**
   * Moves the bucket at `b` into the output arrays from index 0, in insertion order, frees its
   * chunks and returns whether the entries came out already sorted by (time, tie) — the usual
   * case when a bucket holds one instant's events, scheduled in sequence order.
   */
  drain(b: number, outTime: Float64Array, outTie: Float64Array, outSlot: Int32Array): boolean {
    const k = this.count[b] as number;
    const T = this.time;
    const K = this.tie;
    const S = this.slot;
    let sorted = true;
    let lastTime = Number.NEGATIVE_INFINITY;
    let lastTie = Number.NEGATIVE_INFINITY;
    let chunk = this.headChunk[b] as number;
    let j = 0;
    while (j < k) {
      const base = chunk << CHUNK_BITS;
      const end = Math.min(CHUNK, k - j);
      for (let i = base; i < base + end; i++) {
        const t = T[i] as number;
        const tie = K[i] as number;
        if (t < lastTime || (t === lastTime && tie < lastTie)) sorted = false;
        outTime[j] = t;
        outTie[j] = tie;
        outSlot[j] = S[i] as number;
        lastTime = t;
        lastTie = tie;
        j++;
      }
      const next = this.nextChunk[chunk] as number;
      this.nextChunk[chunk] = this.freeChunk;
      this.freeChunk = chunk;
      chunk = next;
    }
    this.count[b] = 0;
    this.occupied[b >>> 5] = (this.occupied[b >>> 5] as number) & ~(1 << (b & 31));
    this.total -= k;
    return sorted;
  }

  /**
   * Empties the bucket at `b` for re-filing and returns how many entries it held; read them
   * with `take()`, in insertion order, before detaching another bucket. Each chunk is freed as
   * soon as it has been read, so re-filing the entries elsewhere reuses the same memory.
   */
  detach(b: number): number {
    const k = this.count[b] as number;
    if (k === 0) return 0;
    this.takeChunk = this.headChunk[b] as number;
    this.takeIndex = this.takeChunk << CHUNK_BITS;
    this.takeLeft = k;
    this.count[b] = 0;
    this.occupied[b >>> 5] = (this.occupied[b >>> 5] as number) & ~(1 << (b & 31));
    this.total -= k;
    return k;
  }

  /** Next entry of the detached bucket: returns its slot, leaves its key in takenTime/takenTie. */
  take(): number {
    const i = this.takeIndex;
    this.takenTime = this.time[i] as number;
    this.takenTie = this.tie[i] as number;
    const slot = this.slot[i] as number;
    if (--this.takeLeft === 0 || ((i + 1) & (CHUNK - 1)) === 0) {
      const chunk = this.takeChunk;
      this.takeChunk = this.nextChunk[chunk] as number;
      this.takeIndex = this.takeChunk << CHUNK_BITS;
      this.nextChunk[chunk] = this.freeChunk;
      this.freeChunk = chunk;
    } else {
      this.takeIndex = i + 1;
    }
    return slot;
  }

  clear(): void {
    this.count.fill(0);
    this.occupied.fill(0);
    this.total = 0;
    this.freeChunk = -1;
    this.chunksUsed = 0;
  }

  /** Links a fresh chunk at the tail of bucket `b` (holding `c` entries) and returns it. */
  private openChunk(b: number, c: number): number {
    const chunk = this.allocChunk();
    if (c === 0) {
      this.headChunk[b] = chunk;
      this.occupied[b >>> 5] = (this.occupied[b >>> 5] as number) | (1 << (b & 31));
    } else {
      this.nextChunk[this.tailChunk[b] as number] = chunk;
    }
    this.tailChunk[b] = chunk;
    return chunk;
  }

  private allocChunk(): number {
    const f = this.freeChunk;
    if (f !== -1) {
      this.freeChunk = this.nextChunk[f] as number;
      return f;
    }
    if (this.chunksUsed === this.nextChunk.length) this.growPool();
    return this.chunksUsed++;
  }

  private growPool(): void {
    const chunks = this.nextChunk.length * 2;
    const time = new Float64Array(chunks * CHUNK);
    const tie = new Float64Array(chunks * CHUNK);
    const slot = new Int32Array(chunks * CHUNK);
    const next = new Int32Array(chunks);
    time.set(this.time);
    tie.set(this.tie);
    slot.set(this.slot);
    next.set(this.nextChunk);
    this.time = time;
    this.tie = tie;
    this.slot = slot;
    this.nextChunk = next;
  }
}

/** Set bits in a 32-bit word (SWAR popcount, Hacker's Delight 5-2). */
function popcount32(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
