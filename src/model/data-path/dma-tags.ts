/**
 * Outstanding DMA requests of a requester (an engine): PCIe lets a function keep as many
 * non-posted requests in flight as it has tags — 256 with the 8-bit Extended Tag Field that
 * Linux enables by default, 1024 with 10-bit tags [[linux-pci-probe]] [[linux-pci-regs]] — so
 * a device hides DMA latency behind concurrency: by Little's law a requester with T tags whose
 * requests hold them for L completes at most T / L requests per unit time.
 *
 * `DmaTags` keeps, per requester, the times at which its T tags become free (a min-heap in one
 * flat typed array, T slots per requester). Requests are issued in order: `acquire` returns
 * when a request ready at some time can start (the earliest free tag), `release` says when
 * that request gives its tag back. Times are computed, not simulated: a request costs
 * O(log T) and no event, and the caller schedules what depends on its completion.
 */
export class DmaTags {
  readonly tags: number;
  private readonly heap: Float64Array;
  private readonly size: Int32Array;

  constructor(requesters: number, tags: number) {
    if (!Number.isInteger(tags) || tags < 1) throw new RangeError(`DmaTags: tags must be ≥ 1, got ${tags}`);
    this.tags = tags;
    this.heap = new Float64Array(Math.max(1, requesters) * tags);
    this.size = new Int32Array(Math.max(1, requesters));
  }

  /**
   * Requester r takes a tag for a request ready at `readyNs`: returns when it starts (at once,
   * or when the earliest of T tags in use is released). Call `release` for it before the next
   * `acquire` of r. Start times never decrease when ready times do not.
   */
  acquire(r: number, readyNs: number): number {
    const n = this.size[r] as number;
    if (n < this.tags) return readyNs;
    const base = r * this.tags;
    const h = this.heap;
    const earliest = h[base] as number;
    // Pop the minimum: the last entry goes to the root and sifts down.
    const m = n - 1;
    const last = h[base + m] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= m) break;
      const rt = l + 1;
      const c = rt < m && (h[base + rt] as number) < (h[base + l] as number) ? rt : l;
      if ((h[base + c] as number) >= last) break;
      h[base + i] = h[base + c] as number;
      i = c;
    }
    if (m > 0) h[base + i] = last;
    this.size[r] = m;
    return Math.max(earliest, readyNs);
  }

  /** The request just acquired by requester r gives its tag back at `freeNs`. */
  release(r: number, freeNs: number): void {
    const base = r * this.tags;
    const h = this.heap;
    let i = this.size[r] as number;
    if (i >= this.tags) throw new Error('DmaTags.release without acquire');
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((h[base + parent] as number) <= freeNs) break;
      h[base + i] = h[base + parent] as number;
      i = parent;
    }
    h[base + i] = freeNs;
    this.size[r] = (this.size[r] as number) + 1;
  }
}
