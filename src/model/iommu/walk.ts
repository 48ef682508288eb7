/**
 * The cost of an IOTLB miss: a page-table walk [[bhargava-2d-walk-2008]] [[neugebauer-pcie-2018]].
 *
 * - Single stage: one memory access per level (n).
 * - Nested (guest stage over host stage, `guestLevels` m > 0): every guest-table pointer is a
 *   guest-physical address that needs its own host walk, so a full two-dimensional walk costs
 *   (n+1)(m+1) − 1 accesses — 24 for 4-over-4 levels [[bhargava-2d-walk-2008]].
 * - A paging-structure cache hit (the entry one level above the leaf is cached) leaves only the
 *   leaf level of the outer table: 1 access single-stage, (n+1)·2 − 1 = 2n+1 nested.
 * - Which table to walk comes from the context entry (and, in scalable mode, the PASID-table
 *   entry): their reads are charged by the translator on a context- or PASID-cache miss, not
 *   here.
 * - `missPenalty`, when set, replaces the whole computation with a measured constant
 *   (e.g. pcie-bench's ≈ 300 ns [[neugebauer-pcie-2018]]).
 */
import type { IommuConfig } from '../config.js';

/** Memory accesses of one walk. */
export function walkAccesses(levels: number, guestLevels: number, pwcHit: boolean): number {
  if (guestLevels > 0) {
    const outer = pwcHit ? 1 : guestLevels;
    return (levels + 1) * (outer + 1) - 1;
  }
  return pwcHit ? 1 : levels;
}

/** Stall of a platform IOTLB miss's walk (ns), with or without a paging-structure-cache hit. */
export function missCostNs(iommu: IommuConfig, pwcHit: boolean): number {
  if (iommu.missPenalty !== undefined) return iommu.missPenalty;
  const { levels, guestLevels, memAccess } = iommu.walk;
  return walkAccesses(levels, guestLevels, pwcHit) * memAccess;
}
