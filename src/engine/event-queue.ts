import { BucketRing } from './bucket-ring.js';
import * as tuning from './event-queue-tuning.js';
import { KeyHeap } from './key-heap.js';
import { sortByKey } from './sort-by-key.js';

/**
 * The pending-event set, ordered exactly by (time, tie); `tie` packs the same-time priority
 * above the insertion sequence number, so the order is total — (time, priority, seq). Each
 * entry carries the slot id of its event record, which the simulator keeps in its own arrays.
 *
 * Structure (a two-tier calendar queue in the spirit of Brown's calendar queue and Tang et al.'s
 * ladder queue, with a binary heap as the safety net):
 * - time is cut into buckets of `width` ns (a power of two); bucket number = floor(time/width);
 * - the near tier holds every entry of bucket ≤ `cur`: a sorted run (drained from one bucket)
 *   plus a small heap (events scheduled into an already-drained bucket), merged on pop;
 * - a ring of unsorted buckets holds entries of buckets cur+1 .. cur+ringSize;
 * - a far heap holds the rest; its entries move into the ring as `cur` advances.
 * Since near < ring < far in time, the minimum is always in the near tier, and within it the
 * run and the heap are compared on the full key: the order does not depend on the width, which
 * only changes speed. The width adapts to the event density (event-queue-tuning.ts).
 *
 * Cost: O(1) amortized per event when the width fits the density; bucket drains are
 * sequential. The far heap bounds the worst case (all events far apart) at O(log n). Measured
 * against a binary heap and a linked-list variant: event-queue-tuning.ts.
 *
 * Interface: `pop` returns -1 on an empty queue, `peekSlot` needs a non-empty one; slots are
 * opaque integers.
 */
export class EventQueue {
  /** Key of the entry returned by the last `pop()`. */
  poppedTime = 0;
  poppedTie = 0;

  private n = 0;
  private runTime: Float64Array;
  private runTie: Float64Array;
  private runSlot: Int32Array;
  private runPos = 0;
  private runEnd = 0;
  private readonly near: KeyHeap;
  private ring: BucketRing;
  private readonly far: KeyHeap;
  // The ring's size and mask, copied here so place() reads them without a second object.
  private ringSize: number = 1 << tuning.RING_BITS;
  private ringMask: number = (1 << tuning.RING_BITS) - 1;
  private shift = 0;
  private width = 1;
  private invWidth = 1;
  /** Size at which push() next reconsiders the layout (see grew). */
  private growthMark = tuning.RING_ABOVE + 1;
  /** Bucket number of the last bucket moved into the near tier; +Infinity in heap mode. */
  private cur = Number.POSITIVE_INFINITY;
  private drains = 0;
  /** Entries that entered the near tier since the last tuning (drained or pushed directly). */
  private nearLoad = 0;

  constructor(initialCapacity = 1024) {
    this.runTime = new Float64Array(256);
    this.runTie = new Float64Array(256);
    this.runSlot = new Int32Array(256);
    this.near = new KeyHeap(64);
    this.ring = new BucketRing(tuning.RING_BITS, Math.max(16, initialCapacity));
    this.far = new KeyHeap(64);
  }

  get size(): number {
    return this.n;
  }

  /** Current internal shape, for tests and diagnostics (allocates; not for hot paths). */
  layout(): tuning.QueueLayout {
    const mode = this.cur === Number.POSITIVE_INFINITY ? 'heap' : 'buckets';
    return { mode, widthNs: this.width, ring: this.ring.total, far: this.far.n, ringBuckets: this.ring.size };
  }

  /** Time of the earliest entry; +Infinity when empty. */
  peekTime(): number {
    if (this.runPos === this.runEnd && this.near.n > 0) return this.near.time[0] as number;
    if (!this.settle()) return Number.POSITIVE_INFINITY;
    return this.nextIsInRun() ? (this.runTime[this.runPos] as number) : (this.near.time[0] as number);
  }

  /** Slot of the earliest entry (queue must be non-empty). */
  peekSlot(): number {
    this.settle();
    return this.nextIsInRun() ? (this.runSlot[this.runPos] as number) : (this.near.slot[0] as number);
  }

  push(time: number, tie: number, slot: number): void {
    this.place(time, tie, slot);
    if (++this.n >= this.growthMark) this.grew();
  }

  /** Removes the earliest entry and returns its slot; its key is left in poppedTime/poppedTie. */
  pop(): number {
    return this.popUntil(Number.POSITIVE_INFINITY);
  }

  /**
   * `pop()` if the earliest entry's time is ≤ `limit`, else -1 (also when empty): the
   * simulator's loop step, one look at the near tier instead of peekTime() then pop(). The
   * common case — the run has entries and no event was scheduled into the drained bucket — is
   * kept to a few lines so that the JIT inlines it into Simulator.run.
   */
  popUntil(limit: number): number {
    const p = this.runPos;
    if (p === this.runEnd || this.near.n !== 0) return this.popUntilSlow(limit);
    const time = this.runTime[p] as number;
    if (time > limit) return -1;
    this.runPos = p + 1;
    this.n--;
    this.poppedTime = time;
    this.poppedTie = this.runTie[p] as number;
    return this.runSlot[p] as number;
  }

  clear(): void {
    this.n = 0;
    this.runPos = 0;
    this.runEnd = 0;
    this.near.n = 0;
    this.far.n = 0;
    this.ring.clear();
    this.cur = Number.POSITIVE_INFINITY;
    this.growthMark = tuning.RING_ABOVE + 1;
    this.setShift(0);
    this.drains = 0;
    this.nearLoad = 0;
  }

  /**
   * popUntil when the run is used up or the near heap holds entries. The heap-only case comes
   * first: it is every pop in heap mode.
   */
  private popUntilSlow(limit: number): number {
    const near = this.near;
    if (this.runPos === this.runEnd) {
      if (near.n === 0) {
        if (this.n === 0) return -1;
        this.refill();
        return this.popUntil(limit);
      }
    } else if (this.nextIsInRun()) {
      const p = this.runPos;
      const time = this.runTime[p] as number;
      if (time > limit) return -1;
      this.runPos = p + 1;
      this.n--;
      this.poppedTime = time;
      this.poppedTie = this.runTie[p] as number;
      return this.runSlot[p] as number;
    }
    if ((near.time[0] as number) > limit) return -1;
    this.n--;
    const slot = near.pop();
    this.poppedTime = near.poppedTime;
    this.poppedTie = near.poppedTie;
    return slot;
  }

  /** Makes the near tier non-empty if the queue is; returns false when the queue is empty. */
  private settle(): boolean {
    if (this.runPos === this.runEnd && this.near.n === 0) {
      if (this.n === 0) return false;
      this.refill();
    }
    return true;
  }

  /** Whether the near tier's minimum is the run's head rather than the near heap's top. */
  private nextIsInRun(): boolean {
    const p = this.runPos;
    if (p === this.runEnd) return false;
    const h = this.near;
    if (h.n === 0) return true;
    const t = this.runTime[p] as number;
    const ht = h.time[0] as number;
    return t < ht || (t === ht && (this.runTie[p] as number) < (h.tie[0] as number));
  }

  /**
   * Puts an entry into the tier its bucket belongs to (does not count it). In heap mode `cur`
   * is +Infinity, so every entry lands in the near heap without a separate test.
   */
  private place(time: number, tie: number, slot: number): void {
    const bucket = Math.floor(time * this.invWidth);
    const ahead = bucket - this.cur;
    if (ahead > 0 && ahead <= this.ringSize) this.ring.append(bucket & this.ringMask, time, tie, slot);
    else this.placeOffRing(time, tie, slot, ahead);
  }

  /** place() for the near heap (bucket already drained, or heap mode) and the far heap. */
  private placeOffRing(time: number, tie: number, slot: number, ahead: number): void {
    if (ahead <= 0) {
      this.near.push(time, tie, slot);
      this.nearLoad++;
    } else {
      this.far.push(time, tie, slot);
    }
  }

  /**
   * Loads the next bucket into the near tier. Precondition: the near tier is empty and n > 0.
   * Far entries that the advancing ring now reaches are moved in first, so the bucket found
   * holds the earliest entries left.
   */
  private refill(): void {
    const ring = this.ring;
    if (this.n < tuning.HEAP_BELOW) {
      this.leaveRingMode();
      return;
    }
    for (;;) {
      this.pullFar();
      if (ring.total > 0) break;
      // Ring empty: everything left is in the far heap; jump to its first bucket.
      this.cur = Math.floor((this.far.time[0] as number) * this.invWidth) - 1;
    }
    const from = (this.cur + 1) & ring.mask;
    const pos = ring.nextOccupied(from);
    const skip = (pos - from) & ring.mask;
    this.cur += skip + 1;
    this.drain(pos);
  }

  /** Moves far entries that fall within the ring's reach (buckets ≤ cur + ring size). */
  private pullFar(): void {
    const far = this.far;
    if (far.n === 0) return;
    const limit = (this.cur + this.ring.size + 1) * this.width;
    while (far.n > 0 && (far.time[0] as number) < limit) {
      const slot = far.pop();
      this.place(far.poppedTime, far.poppedTie, slot);
    }
  }

  private drain(pos: number): void {
    const k = this.ring.countAt(pos);
    if (k > this.runTime.length) this.growRun(k);
    const sorted = this.ring.drain(pos, this.runTime, this.runTie, this.runSlot);
    this.runPos = 0;
    this.runEnd = k;
    if (!sorted) {
      if (k <= tuning.SORT_MAX) sortByKey(this.runTime, this.runTie, this.runSlot, k);
      else this.runToHeap(k);
    }
    this.nearLoad += k;
    if (++this.drains === tuning.TUNE_EVERY || this.nearLoad > tuning.TUNE_EVERY * tuning.NARROW_ABOVE)
      this.tune();
  }

  private runToHeap(k: number): void {
    for (let i = 0; i < k; i++) {
      this.near.push(this.runTime[i] as number, this.runTie[i] as number, this.runSlot[i] as number);
    }
    this.runEnd = 0;
  }

  private tune(): void {
    const load = this.nearLoad / this.drains;
    this.drains = 0;
    this.nearLoad = 0;
    this.reachCheck();
    if (load >= tuning.WIDEN_BELOW && load <= tuning.NARROW_ABOVE) return;
    const shift = tuning.retunedShift(this.shift, load);
    if (shift !== this.shift) this.rebucket(shift);
  }

  /** The ring's reach falls short of the pending timers (see MAX_RING_BITS): double it. */
  private reachCheck(): void {
    const far = this.far.n;
    if (far > tuning.FAR_GROW_ABOVE && far > this.ring.total && this.ringSize < 1 << tuning.MAX_RING_BITS)
      this.growRing();
  }

  /**
   * Doubles the ring at the same width and `cur`: every ring entry lies within the old reach,
   * so it lands in the new ring; far entries move in at the next refill (pullFar).
   */
  private growRing(): void {
    const old = this.ring;
    const bits = Math.log2(old.size) + 1;
    this.ring = new BucketRing(bits, this.n);
    this.ringSize = this.ring.size;
    this.ringMask = this.ring.mask;
    this.refile(old);
  }

  /** Takes every entry out of `ring` and places it again (into the current ring, near or far). */
  private refile(ring: BucketRing): void {
    for (let pos = 0; pos < ring.size; pos++) {
      const k = ring.detach(pos);
      for (let i = 0; i < k; i++) {
        const slot = ring.take();
        this.place(ring.takenTime, ring.takenTie, slot);
      }
    }
  }

  /**
   * Changes the bucket width and re-files the ring's entries in place, bucket by bucket (no
   * copy of the ring: at 1M pending that copy was 20 MB of peak memory). The near tier keeps
   * everything below its old limit; the new `cur` is the first bucket whose end is at or past
   * that limit, so the near tier's limit only grows (by less than one bucket) and the order
   * holds. An entry re-filed into a position not yet visited is visited again and lands in the
   * same place, which is harmless.
   */
  private rebucket(shift: number): void {
    const limit = (this.cur + 1) * this.width;
    this.setShift(shift);
    this.cur = Math.ceil(limit * this.invWidth) - 1;
    this.refile(this.ring);
  }

  /**
   * Called by push() when the queue has doubled since the last call (or first passes
   * RING_ABOVE): switches heap mode to buckets, or re-checks the width. The drain-time tuner
   * cannot see a queue that only fills (a model's set-up scheduling 1M events): without this,
   * the width picked at RING_ABOVE entries stays until the first drain, which then finds ~10^4
   * entries in one bucket. Doubling keeps the O(n) checks at O(1) amortized per push.
   */
  private grew(): void {
    this.growthMark = 2 * this.n;
    if (this.cur === Number.POSITIVE_INFINITY) {
      this.enterRingMode();
      return;
    }
    this.reachCheck();
    const occupied = this.ring.occupiedCount();
    const load = occupied === 0 ? 0 : this.ring.total / occupied;
    if (load > tuning.NARROW_ABOVE && this.shift > 0) this.rebucket(tuning.retunedShift(this.shift, load));
  }

  /**
   * Switches from heap mode to buckets: takes every entry out of the near tier, picks a first
   * width from the spacing of the earlier half of the entries (robust to a few far timers; the
   * tuner refines it), and re-files them with the first bucket just before the earliest entry.
   */
  private enterRingMode(): void {
    const n = this.n;
    const time = new Float64Array(n);
    const tie = new Float64Array(n);
    const slot = new Int32Array(n);
    let k = 0;
    for (let p = this.runPos; p < this.runEnd; p++, k++) {
      time[k] = this.runTime[p] as number;
      tie[k] = this.runTie[p] as number;
      slot[k] = this.runSlot[p] as number;
    }
    const h = this.near;
    time.set(h.time.subarray(0, h.n), k);
    tie.set(h.tie.subarray(0, h.n), k);
    slot.set(h.slot.subarray(0, h.n), k);
    h.n = 0;
    this.runPos = 0;
    this.runEnd = 0;
    const sorted = time.slice().sort();
    this.setShift(tuning.firstShift(sorted));
    this.cur = Math.floor((sorted[0] as number) * this.invWidth) - 1;
    this.drains = 0;
    this.nearLoad = 0;
    for (let i = 0; i < n; i++) this.place(time[i] as number, tie[i] as number, slot[i] as number);
  }

  /** Back to heap mode when few entries are left: everything moves into the near heap. */
  private leaveRingMode(): void {
    const ring = this.ring;
    for (let pos = ring.nextOccupied(0); pos !== -1; pos = ring.nextOccupied(pos)) {
      const k = ring.countAt(pos);
      if (k > this.runTime.length) this.growRun(k);
      ring.drain(pos, this.runTime, this.runTie, this.runSlot);
      for (let i = 0; i < k; i++) {
        this.near.push(this.runTime[i] as number, this.runTie[i] as number, this.runSlot[i] as number);
      }
    }
    const far = this.far;
    for (let i = 0; i < far.n; i++) {
      this.near.push(far.time[i] as number, far.tie[i] as number, far.slot[i] as number);
    }
    far.n = 0;
    this.runPos = 0;
    this.runEnd = 0;
    this.cur = Number.POSITIVE_INFINITY;
    this.growthMark = tuning.RING_ABOVE + 1;
  }

  private setShift(shift: number): void {
    this.shift = shift;
    this.width = 2 ** shift;
    this.invWidth = 2 ** -shift;
  }

  private growRun(k: number): void {
    let cap = this.runTime.length;
    while (cap < k) cap *= 2;
    this.runTime = new Float64Array(cap);
    this.runTie = new Float64Array(cap);
    this.runSlot = new Int32Array(cap);
  }
}
