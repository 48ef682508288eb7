/**
 * What a DMA isolation mode means to the translation path (docs/model.md, "Data path"): which
 * context tags a translation, whether lookups go through scalable-mode PASID tables, and
 * whether a device-side MMU sits in front of the platform IOMMU. The modes themselves are
 * strategy objects (src/strategies/isolation/); the data path reads only these properties.
 *
 * `none` and `rid-per-vf` tag by instance too: with one shared domain every instance still owns
 * distinct IOVA pages, so its translations are distinct entries; what `none` lacks is
 * isolation, not distinct pages.
 */
import type { InstanceShape } from '../instance-shape.js';
import type { ResourceDraws } from '../ports.js';

export interface IsolationMode {
  readonly name: string;
  /**
   * The translation context of the platform IOMMU: one per instance, or one per virtqueue group
   * (its address space, instance-shape.ts): VT-d tags IOTLB entries by domain (and PASID), and
   * vDPA binds address spaces to VQ groups, not to single VQs.
   */
  readonly context: 'instance' | 'group';
  /** Scalable-mode (PASID-tagged) translation: a miss needs the context's PASID-table entry. */
  readonly scalableMode: boolean;
  /**
   * Whose requester ID (bus/device/function) a DMA carries, i.e. which context entry it needs:
   * each instance's own (a VF per instance) or the parent function's, shared by all.
   */
  readonly requester: 'instance' | 'function';
  /**
   * The IOMMU domain the instance's translations belong to: its own, or the parent function's
   * one domain that every instance shares. Linux keeps one flush queue per domain, and a lazy
   * flush invalidates the whole domain [[linux-dma-iommu]], so this sets what a flush drops.
   */
  readonly domain: 'instance' | 'function';
  /** A device-side IOTLB (stage one) translates before the platform IOMMU (stage two). */
  readonly deviceMmu: boolean;
  /** False when instances share one DMA context (flagged insecure in outputs). */
  readonly isolates: boolean;
  /**
   * Provisioning registers the instance's memory with the device MMU (builds its keys) before
   * any virtqueue can reference it.
   */
  readonly buildsDeviceKeys: boolean;
  /** What one instance of this shape takes (PASIDs, IOMMU domains, device-MMU contexts). */
  draws(shape: InstanceShape): ResourceDraws;
  /** True when the IOMMU translates nothing (pass-through): no IOTLB, walks or invalidations. */
  readonly passthrough?: boolean;
}
