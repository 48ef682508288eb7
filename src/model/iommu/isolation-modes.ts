/**
 * What each DMA isolation mode means to the translation path (docs/model.md, "Data path"): which
 * context tags a translation, whether lookups go through scalable-mode PASID tables, and
 * whether a device-side MMU sits in front of the platform IOMMU. `strategies/isolation.ts`
 * registers these with descriptions and sources; the data path reads them from here.
 */
import type { Isolation } from '../config.js';

export interface IsolationBehaviour {
  /** The translation context of the platform IOMMU: one per instance, or one per virtqueue. */
  readonly context: 'instance' | 'queue';
  /** Scalable-mode (PASID-tagged) walks read the PASID table on a miss. */
  readonly scalableMode: boolean;
  /** A device-side IOTLB (stage one) translates before the platform IOMMU (stage two). */
  readonly deviceMmu: boolean;
  /** False when instances share one DMA context (flagged insecure in outputs). */
  readonly isolates: boolean;
}

/**
 * `none` and `rid-per-vf` tag by instance too: with one shared domain every instance still
 * owns distinct IOVA pages, so its translations are distinct entries; what `none` lacks is
 * isolation, not distinct pages. `device-mmu`'s stage two runs in the parent function's one
 * domain over intermediate addresses that are distinct per instance.
 */
export const ISOLATION_BEHAVIOUR: Readonly<Record<Isolation, IsolationBehaviour>> = {
  none: { context: 'instance', scalableMode: false, deviceMmu: false, isolates: false },
  'rid-per-vf': { context: 'instance', scalableMode: false, deviceMmu: false, isolates: true },
  'pasid-per-instance': { context: 'instance', scalableMode: true, deviceMmu: false, isolates: true },
  'pasid-per-vq': { context: 'queue', scalableMode: true, deviceMmu: false, isolates: true },
  'device-mmu': { context: 'instance', scalableMode: false, deviceMmu: true, isolates: true },
};
