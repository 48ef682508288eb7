import { KeyHeap } from '../../src/engine/key-heap.js';

// 2^14 buckets; width tuned by the mean drained bucket (kept within 2..32, one step per 256 drains).
const RING_BITS = 14;
const TUNE_EVERY = 256;

/**
 * Alternative 5: the first two-tier design — near heap + ring of buckets + far heap — with
 * each bucket an intrusive singly linked list threaded through slot-indexed arrays (time, tie
 * and next per slot). Pushing is O(1) and allocation-free, but draining follows `next`
 * pointers: one dependent cache miss per entry once the slots outgrow the caches, which is
 * what the chunked buckets of the final EventQueue avoid (hold at 1M pending: 286 vs 76 ns).
 * Below ~10K pending it is the fastest variant measured (10–35% ahead of EventQueue), as
 * everything fits in cache and a bucket costs no chunk bookkeeping.
 * Requires slots to be distinct among queued entries (true for the simulator's slots).
 */
export class SlotListQueue {
  poppedTime = 0;
  poppedTie = 0;
  private readonly near = new KeyHeap(256);
  private readonly far = new KeyHeap(64);
  private readonly head: Int32Array;
  private readonly mask: number;
  private readonly ringSize: number;
  private entryTime: Float64Array;
  private entryTie: Float64Array;
  private next: Int32Array;
  private shift = 0;
  private width = 1;
  private invWidth = 1;
  private cur = -1;
  private ringCount = 0;
  private n = 0;
  private drains = 0;
  private drained = 0;

  constructor(initialCapacity = 1024) {
    this.ringSize = 1 << RING_BITS;
    this.mask = this.ringSize - 1;
    this.head = new Int32Array(this.ringSize).fill(-1);
    const cap = Math.max(16, initialCapacity);
    this.entryTime = new Float64Array(cap);
    this.entryTie = new Float64Array(cap);
    this.next = new Int32Array(cap);
  }

  get size(): number {
    return this.n;
  }

  peekTime(): number {
    if (this.near.n === 0) {
      if (this.n === 0) return Number.POSITIVE_INFINITY;
      this.refill();
    }
    return this.near.time[0] as number;
  }

  push(time: number, tie: number, slot: number): void {
    this.n++;
    this.place(time, tie, slot);
  }

  pop(): number {
    if (this.near.n === 0) this.refill();
    this.n--;
    const slot = this.near.pop();
    this.poppedTime = this.near.poppedTime;
    this.poppedTie = this.near.poppedTie;
    return slot;
  }

  private place(time: number, tie: number, slot: number): void {
    const bucket = Math.floor(time * this.invWidth);
    const ahead = bucket - this.cur;
    if (ahead <= 0) {
      this.near.push(time, tie, slot);
    } else if (ahead <= this.ringSize) {
      if (slot >= this.next.length) this.growSlots(slot);
      this.entryTime[slot] = time;
      this.entryTie[slot] = tie;
      const b = bucket & this.mask;
      this.next[slot] = this.head[b] as number;
      this.head[b] = slot;
      this.ringCount++;
    } else {
      this.far.push(time, tie, slot);
    }
  }

  private refill(): void {
    for (;;) {
      if (this.ringCount === 0) {
        const first = Math.floor((this.far.time[0] as number) * this.invWidth);
        if (first - 1 > this.cur) this.cur = first - 1;
      }
      // Pull before advancing: the ring then spans (cur, cur + size], so the bucket drained
      // next cannot share its position with a pulled entry one lap later.
      this.pullFar(this.cur);
      const c = ++this.cur;
      const b = c & this.mask;
      if (this.head[b] === -1) {
        if (this.near.n > 0) return;
        continue;
      }
      this.drain(b);
      return;
    }
  }

  private pullFar(cur: number): void {
    const far = this.far;
    const limit = (cur + this.ringSize + 1) * this.width;
    while (far.n > 0 && (far.time[0] as number) < limit) {
      const slot = far.pop();
      this.place(far.poppedTime, far.poppedTie, slot);
    }
  }

  private drain(b: number): void {
    let slot = this.head[b] as number;
    this.head[b] = -1;
    let k = 0;
    while (slot !== -1) {
      const next = this.next[slot] as number;
      this.near.push(this.entryTime[slot] as number, this.entryTie[slot] as number, slot);
      slot = next;
      k++;
    }
    this.ringCount -= k;
    this.drained += k;
    if (++this.drains === TUNE_EVERY) this.tune();
  }

  private tune(): void {
    const mean = this.drained / this.drains;
    this.drains = 0;
    this.drained = 0;
    if (mean > 32 && this.shift > 0) this.rebucket(this.shift - 1);
    else if (mean < 2) this.rebucket(this.shift + 1);
  }

  private rebucket(shift: number): void {
    const slots: number[] = [];
    for (let b = 0; b < this.ringSize; b++) {
      for (let s = this.head[b] as number; s !== -1; s = this.next[s] as number) slots.push(s);
      this.head[b] = -1;
    }
    const limit = (this.cur + 1) * this.width;
    this.shift = shift;
    this.width = 2 ** shift;
    this.invWidth = 2 ** -shift;
    this.cur = Math.ceil(limit * this.invWidth) - 1;
    this.ringCount = 0;
    for (const s of slots) this.place(this.entryTime[s] as number, this.entryTie[s] as number, s);
  }

  private growSlots(slot: number): void {
    let cap = this.next.length * 2;
    while (cap <= slot) cap *= 2;
    const time = new Float64Array(cap);
    const tie = new Float64Array(cap);
    const next = new Int32Array(cap);
    time.set(this.entryTime);
    tie.set(this.entryTie);
    next.set(this.next);
    this.entryTime = time;
    this.entryTie = tie;
    this.next = next;
  }
}
