/**
 * IOVAs of dynamic (per-buffer) mappings: each dma_map of a buffer takes an IOVA of its own in
 * the buffer's translation context, so the device's first access to it misses the IOTLB,
 * whichever page of memory the buffer sits in (the IOTLB is tagged by IOVA, not by physical
 * page). Two mappings of one page are two entries.
 *
 * Linux hands a freed IOVA out again (the per-CPU rcache of drivers/iommu/iova.c [[linux-iova]])
 * only after its translation was invalidated: a strict unmap frees it after the synchronous
 * flush, a lazy one only once the domain's flush queue has been flushed (fq_ring_free after
 * fq_flush_iotlb [[linux-dma-iommu]]). A re-used IOVA is therefore a miss like a new one, and
 * the model need not track frees: it takes the context's IOVA pages in turn, through a window
 * of 2^20 pages (the 4 GiB below the 32-bit boundary that dma-iommu tries first for a PCI
 * device). A page comes round again after 2^20 mappings of its context, long after its flush (a
 * mapping lives its ring residence plus at most `iommu.lazyTimeout`). Linux's rcache keeps the
 * IOVAs it reuses close together, so its paging-structure cache may hit where the model's
 * advancing window meets a new 512-page region: at most one walk in 512 differs.
 */

/** IOVA pages a context's dynamic mappings cycle through (4 GiB of 4 KiB pages). */
export const IOVA_WINDOW_PAGES = 2 ** 20;

export class IovaAllocator {
  /** The next IOVA page of each translation context. */
  private readonly next: Int32Array;

  constructor(contexts: number) {
    this.next = new Int32Array(Math.max(1, contexts));
  }

  /** The IOVA page (within the context's buffer space) of a new mapping in `context`. */
  map(context: number): number {
    const page = this.next[context] as number;
    this.next[context] = page + 1 === IOVA_WINDOW_PAGES ? 0 : page + 1;
    return page;
  }
}
