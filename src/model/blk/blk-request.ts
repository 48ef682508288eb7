/**
 * The shape of one virtio-blk request as the device sees it [[virtio-blk]]: a descriptor chain
 * of a 16-byte header, the data segments (each at most `size_max`, at most `seg_max` of them)
 * and a one-byte status. Pure functions, shared by the data path and its exact-count tests.
 */
import type { DistSpec } from '../../random/distribution.js';
import type { BlkConfig } from '../config.js';

/** Request bytes: the drawn size rounded up to whole logical blocks (never below one block). */
export function requestBytes(drawn: number, blkSize: number): number {
  return Math.max(1, Math.ceil(drawn / blkSize)) * blkSize;
}

/** Data segments of a request: ⌈bytes / size_max⌉. */
export function dataSegments(bytes: number, sizeMax: number): number {
  return Math.ceil(bytes / sizeMax);
}

/** Pages the data of a request touches: the buffer starts `offsetInPage` bytes into its first page. */
export function dataPages(bytes: number, offsetInPage: number, pageSize: number): number {
  return Math.floor((offsetInPage + bytes - 1) / pageSize) + 1;
}

/**
 * Translations the device makes for one request: the descriptor fetch, the header read, one per
 * data page, the status write and the used-ring write (the DMA accesses of one chain; lookups,
 * not misses). A 128 KiB request in 4 KiB pages: 32 data translations, 36 in all.
 */
export function requestTranslations(bytes: number, offsetInPage: number, pageSize: number): number {
  return 4 + dataPages(bytes, offsetInPage, pageSize);
}

/** The largest value a size distribution can draw, or Infinity when it is unbounded. */
export function largestSize(spec: DistSpec): number {
  switch (spec.dist) {
    case 'constant':
    case 'deterministic':
      return spec.value;
    case 'uniform':
      return spec.max;
    case 'empirical':
      return Math.max(...spec.values);
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/** Most bytes one request may carry: seg_max segments of size_max. */
export function maxRequestBytes(blk: BlkConfig): number {
  return blk.segMax * blk.sizeMax;
}
