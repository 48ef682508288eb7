/**
 * A FIFO of integer ids (queue ids, command ids, operation ids) in a growable power-of-two ring
 * buffer: O(1) push and shift, no allocation per element. Components keep their state in
 * typed-array tables and queue ids into them, never objects. With `stamps`, each id carries a
 * number (e.g. the time it was queued) in a parallel lane that moves with it.
 */
export class IntRing {
  private ids: Int32Array;
  private stamps: Float64Array | undefined;
  private mask: number;
  private head = 0;
  private size = 0;

  constructor(initialCapacity = 16, options: { stamps?: boolean } = {}) {
    let cap = 4;
    while (cap < initialCapacity) cap *= 2;
    this.ids = new Int32Array(cap);
    this.stamps = options.stamps ? new Float64Array(cap) : undefined;
    this.mask = cap - 1;
  }

  get length(): number {
    return this.size;
  }

  push(id: number, stamp = 0): void {
    if (this.size === this.ids.length) this.grow();
    const i = (this.head + this.size) & this.mask;
    this.ids[i] = id;
    if (this.stamps !== undefined) this.stamps[i] = stamp;
    this.size++;
  }

  /** Removes and returns the oldest id; -1 when empty. */
  shift(): number {
    if (this.size === 0) return -1;
    const id = this.ids[this.head] as number;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return id;
  }

  /** The oldest id without removing it; -1 when empty. */
  peek(): number {
    return this.size === 0 ? -1 : (this.ids[this.head] as number);
  }

  /** The stamp of the oldest id (0 without stamps or when empty); read it before `shift`. */
  peekStamp(): number {
    return this.size === 0 || this.stamps === undefined ? 0 : (this.stamps[this.head] as number);
  }

  private grow(): void {
    const cap = this.ids.length * 2;
    const ids = new Int32Array(cap);
    const stamps = this.stamps === undefined ? undefined : new Float64Array(cap);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) & this.mask;
      ids[k] = this.ids[i] as number;
      if (stamps !== undefined) stamps[k] = (this.stamps as Float64Array)[i] as number;
    }
    this.ids = ids;
    this.stamps = stamps;
    this.mask = cap - 1;
    this.head = 0;
  }
}
