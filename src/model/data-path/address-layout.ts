/**
 * The DMA address space of the instances, in pages of `iommu.iotlb.pageSize` (docs/model.md, "Data path"):
 * which page each DMA access touches and the translation key that names it.
 *
 * A translation context (an instance, or a virtqueue group's address space under
 * `pasid-per-vq`, instance-shape.ts) owns pages [0, bufferPages) of buffer memory — its workload
 * group's `workingSet`, so 2 MiB pages shrink it to a few entries — followed by the rings of its
 * queues (data VQ l is in VQ group l mod G of G data groups). Each split virtqueue's ring is laid out as Linux's
 * vring: descriptor table (16 B × size) and avail ring (6 + 2 B × size), then the used ring
 * (6 + 8 B × size) at the next 4 KiB boundary, the whole rounded to 4 KiB ([[virtio-rings]]
 * split-ring sizes; vhost regions are 4 KiB aligned [[linux-vhost]]). With one VQ per group a
 * queue's space holds only its own ring. `ringKey` names the page at any byte offset of a
 * queue's ring, so the device's reads of the avail ring and the descriptor table and its
 * writes of the used ring each translate the pages they touch.
 *
 * With dynamic mappings the buffer space is the contexts' IOVA window instead (iova-allocator.ts:
 * each mapping takes an IOVA of its own); the working set still decides nothing but the draws.
 *
 * key = context × span + page, where span (pages per context) is rounded up to a multiple of
 * the paging-structure-cache reach so that ⌊key / reach⌋ never mixes two contexts.
 */
import type { ModelConfig } from '../config.js';
import { IOVA_WINDOW_PAGES } from '../iommu/iova-allocator.js';
import { PWC_REACH_PAGES } from '../iommu/translator.js';

const RING_ALIGN = 4096;
const DESC_BYTES = 16;
const USED_ELEM_BYTES = 8;
const AVAIL_ELEM_BYTES = 2;
/** flags + idx header of the avail and used rings (virtio-spec split ring). */
const RING_HEADER_BYTES = 4;
/** Offset of idx within the avail or used ring. */
const IDX_OFFSET = 2;

function roundUp(x: number, to: number): number {
  return Math.ceil(x / to) * to;
}

export class AddressLayout {
  readonly pageSize: number;
  /** Data queues per instance (2 × pairs). */
  readonly queuesPerInstance: number;
  /** Buffer pages per group. */
  readonly bufferPages: readonly number[];
  /** First ring page of a context (after the largest group's buffers). */
  readonly ringBase: number;
  readonly ringBytes: number;
  /** Byte offset of the avail ring (flags, idx, ring[size]) within a queue's ring. */
  readonly availOffset: number;
  readonly usedOffset: number;
  /** Pages per context. */
  readonly span: number;
  /** Contexts: instances × contexts per instance. */
  readonly contexts: number;
  /** Translation contexts per instance: 1, or its data VQ groups under per-group tagging. */
  readonly contextsPerInstance: number;

  constructor(config: ModelConfig, instances: number, contextsPerInstance: number) {
    this.pageSize = config.iommu.iotlb.pageSize;
    this.queuesPerInstance = 2 * config.device.queuePairs;
    this.contextsPerInstance = Math.max(1, Math.min(this.queuesPerInstance, contextsPerInstance));
    const qs = config.device.queueSize;
    this.availOffset = DESC_BYTES * qs;
    this.usedOffset = roundUp(this.availOffset + 6 + AVAIL_ELEM_BYTES * qs, RING_ALIGN);
    this.ringBytes = roundUp(this.usedOffset + 6 + USED_ELEM_BYTES * qs, RING_ALIGN);
    // A DMA benchmark group's buffer is its window; a traffic group's its working set.
    this.bufferPages = config.workload.groups.map((g) =>
      Math.max(1, Math.ceil((g.dma?.window ?? g.traffic.workingSet) / this.pageSize)),
    );
    const iovaPages = config.iommu.mappings === 'dynamic' ? IOVA_WINDOW_PAGES : 0;
    this.ringBase = Math.max(1, iovaPages, ...this.bufferPages);
    const ringsPerContext = Math.ceil(this.queuesPerInstance / this.contextsPerInstance);
    const ringPages = Math.ceil((ringsPerContext * this.ringBytes) / this.pageSize);
    this.span = roundUp(this.ringBase + ringPages, PWC_REACH_PAGES);
    this.contexts = instances * this.contextsPerInstance;
    if (this.contexts * this.span > Number.MAX_SAFE_INTEGER) {
      throw new RangeError(
        `address space too large to key exactly: ${this.contexts} contexts × ${this.span} pages exceeds 2^53`,
      );
    }
  }

  /** The translation context of queue `qid` (instance × queues + local index) of `instance`. */
  context(instance: number, qid: number): number {
    const per = this.contextsPerInstance;
    if (per === 1) return instance;
    return instance * per + ((qid - instance * this.queuesPerInstance) % per);
  }

  /** Key of buffer page `page` for DMA on queue `qid` of `instance`. */
  bufferKey(instance: number, qid: number, page: number): number {
    return this.context(instance, qid) * this.span + page;
  }

  /**
   * Key of the page at byte `offset` of queue `qid`'s ring (local queue index `local`): the
   * descriptor table starts at 0, the avail ring at `availOffset`, the used ring at `usedOffset`.
   */
  ringKey(instance: number, qid: number, local: number, offset: number): number {
    const ring = Math.floor(local / this.contextsPerInstance) * this.ringBytes;
    const page = this.ringBase + Math.floor((ring + offset) / this.pageSize);
    return this.context(instance, qid) * this.span + page;
  }

  /** Offset of descriptor `slot` in the descriptor table. */
  descOffset(slot: number): number {
    return DESC_BYTES * slot;
  }

  /** Offset of the avail ring's idx, which the device reads to learn how many buffers are available. */
  get availIdxOffset(): number {
    return this.availOffset + IDX_OFFSET;
  }

  /** Offset of avail-ring entry `slot` (a 2-byte descriptor head index). */
  availEntryOffset(slot: number): number {
    return this.availOffset + RING_HEADER_BYTES + AVAIL_ELEM_BYTES * slot;
  }

  /** Offset of used-ring element `slot`. */
  usedEntryOffset(slot: number): number {
    return this.usedOffset + RING_HEADER_BYTES + USED_ELEM_BYTES * slot;
  }

  /** Key of the page holding descriptor `slot` of queue `qid` (local queue index `local`). */
  descKey(instance: number, qid: number, local: number, slot: number): number {
    return this.ringKey(instance, qid, local, this.descOffset(slot));
  }

  /** Key of the page holding used-ring element `slot` of queue `qid`. */
  usedKey(instance: number, qid: number, local: number, slot: number): number {
    return this.ringKey(instance, qid, local, this.usedEntryOffset(slot));
  }
}
