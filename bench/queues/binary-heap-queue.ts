/**
 * Alternative 1 (the engine's queue before the two-tier one, kept verbatim for comparison):
 * a binary min-heap over (time, tie) keys kept in parallel typed arrays
 * (struct of arrays, no object per event). `tie` packs the same-time priority above the
 * insertion sequence number, so the order is total — (time, priority, seq) — and never left to
 * the heap's shape. Each entry carries the slot id of its event record (handler, argument,
 * generation) that the simulator keeps in its own arrays.
 *
 * Performance: keys are compared on `time` first and read `tie` only on equal times, so a
 * sift touches one Float64Array in the common case. Arrays grow by doubling; steady state
 * allocates nothing.
 */
export class BinaryHeapQueue {
  private time: Float64Array;
  private tie: Float64Array;
  private slot: Int32Array;
  private n = 0;
  /** Key of the entry returned by the last `pop()`. */
  poppedTime = 0;
  poppedTie = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.time = new Float64Array(cap);
    this.tie = new Float64Array(cap);
    this.slot = new Int32Array(cap);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest entry; +Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? (this.time[0] as number) : Number.POSITIVE_INFINITY;
  }

  /** Slot of the earliest entry (queue must be non-empty). */
  peekSlot(): number {
    return this.slot[0] as number;
  }

  push(time: number, tie: number, slot: number): void {
    if (this.n === this.time.length) this.grow();
    const T = this.time;
    const K = this.tie;
    const S = this.slot;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = T[p] as number;
      if (pt < time || (pt === time && (K[p] as number) < tie)) break;
      T[i] = pt;
      K[i] = K[p] as number;
      S[i] = S[p] as number;
      i = p;
    }
    T[i] = time;
    K[i] = tie;
    S[i] = slot;
  }

  /** Removes the earliest entry and returns its slot; its key is left in poppedTime/poppedTie. */
  pop(): number {
    const T = this.time;
    const K = this.tie;
    const S = this.slot;
    const top = S[0] as number;
    this.poppedTime = T[0] as number;
    this.poppedTie = K[0] as number;
    const n = --this.n;
    if (n === 0) return top;
    const time = T[n] as number;
    const tie = K[n] as number;
    const slot = S[n] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = T[c] as number;
      const r = c + 1;
      if (r < n) {
        const rt = T[r] as number;
        if (rt < ct || (rt === ct && (K[r] as number) < (K[c] as number))) {
          c = r;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && tie < (K[c] as number))) break;
      T[i] = ct;
      K[i] = K[c] as number;
      S[i] = S[c] as number;
      i = c;
    }
    T[i] = time;
    K[i] = tie;
    S[i] = slot;
    return top;
  }

  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    const k = new Float64Array(cap);
    const s = new Int32Array(cap);
    t.set(this.time);
    k.set(this.tie);
    s.set(this.slot);
    this.time = t;
    this.tie = k;
    this.slot = s;
  }
}
