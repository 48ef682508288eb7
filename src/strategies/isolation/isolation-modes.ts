/**
 * The DMA isolation modes: what tags a translation, what a miss costs, and what each instance
 * draws from the platform's isolation resources. Each mode is its own file, registered by one
 * line in ./index.ts.
 */
import type { IsolationMode } from '../../model/iommu/isolation-mode.js';
import { Registry } from '../registry.js';
import type { Requirement, Strategy } from '../strategy.js';

export interface IsolationStrategy extends Strategy, IsolationMode {
  readonly kind: 'isolation';
}

export const isolationModes = new Registry<IsolationStrategy>('isolation mode');

/** The PASID modes need PASIDs: with `limits.pasidBits` 0 (vp_vdpa, ifcvf) there is none to give. */
export const PASIDS: Requirement = {
  path: 'limits.pasidBits',
  atLeast: 1,
  capability: 'PASIDs',
  instead: "limits.pasidBits: 20 (20-bit PCIe PASIDs, the talk's virtio PASID proposal)",
};
