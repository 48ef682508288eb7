/**
 * Alternative 2: a 4-ary min-heap over (time, tie), struct of arrays. Half the depth of a
 * binary heap, four children compared per level; in C at 1M pending it ties the binary heap
 * (des-baseline.c with -DARITY=4), in JS it lost at every size measured here.
 */
export class QuaternaryHeapQueue {
  poppedTime = 0;
  poppedTie = 0;
  private time: Float64Array;
  private tie: Float64Array;
  private slot: Int32Array;
  private n = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.time = new Float64Array(cap);
    this.tie = new Float64Array(cap);
    this.slot = new Int32Array(cap);
  }

  get size(): number {
    return this.n;
  }

  peekTime(): number {
    return this.n > 0 ? (this.time[0] as number) : Number.POSITIVE_INFINITY;
  }

  push(time: number, tie: number, slot: number): void {
    if (this.n === this.time.length) this.grow();
    const T = this.time;
    const K = this.tie;
    const S = this.slot;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 2;
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
      const first = 4 * i + 1;
      if (first >= n) break;
      const end = Math.min(first + 4, n);
      let c = first;
      let ct = T[first] as number;
      for (let k = first + 1; k < end; k++) {
        const kt = T[k] as number;
        if (kt < ct || (kt === ct && (K[k] as number) < (K[c] as number))) {
          c = k;
          ct = kt;
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
