/**
 * Indices 0..n−1 ordered by a key array the owner writes (a binary min-heap, ties to the lower
 * index): the data path's engines by when their serial work frees, so giving a turn costs
 * O(log engines). Only growing keys are supported (`update` sifts down), which is all an
 * engine's free time ever does.
 */
export class KeyedMinHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;

  constructor(private readonly key: Float64Array) {
    const n = key.length;
    this.heap = Int32Array.from({ length: n }, (_, i) => i);
    this.pos = Int32Array.from({ length: n }, (_, i) => i);
  }

  /** The index with the smallest key. */
  min(): number {
    return this.heap[0] as number;
  }

  /** Index e's key grew: restore the order. */
  update(e: number): void {
    const h = this.heap;
    const n = h.length;
    let i = this.pos[e] as number;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.before(h[r] as number, h[l] as number) ? r : l;
      const child = h[c] as number;
      if (!this.before(child, e)) break;
      h[i] = child;
      this.pos[child] = i;
      i = c;
    }
    h[i] = e;
    this.pos[e] = i;
  }

  private before(a: number, b: number): boolean {
    const ka = this.key[a] as number;
    const kb = this.key[b] as number;
    return ka < kb || (ka === kb && a < b);
  }
}
