/**
 * DMA isolation modes (docs/model.md, "Data path"): which context tags a translation and what its miss costs.
 * The behaviour the data path reads lives beside the model (src/model/iommu/isolation-modes.ts),
 * which may not import this layer; this registry is the catalogue the scenario layer validates
 * `strategy.isolation` against.
 */
import type { Isolation } from '../model/config.js';
import { ISOLATION_BEHAVIOUR, type IsolationBehaviour } from '../model/iommu/isolation-modes.js';
import type { StrategyInfo } from './registry.js';
import { Registry } from './registry.js';

export interface IsolationStrategy extends StrategyInfo, IsolationBehaviour {
  readonly name: Isolation;
}

const SOURCES: Record<Isolation, { description: string; sources: string[] }> = {
  none: {
    description:
      'All instances share one DMA context: single-stage walks, no isolation between instances (reported as insecure).',
    sources: ['300 ns single-stage miss [[neugebauer-pcie-2018]]'],
  },
  'rid-per-vf': {
    description:
      "Each instance is a VF tagged by its requester ID with its own second-stage domain; a miss walks the instance's page table.",
    sources: [
      '16-bit domain ids, 65,536 per unit [[linux-intel-pasid]]',
      'SR-IOV VF counts [[nvidia-cx6dx-firmware]]',
    ],
  },
  'pasid-per-instance': {
    description:
      'Scalable mode: (RID, PASID of the instance) tags translations; a miss first reads the PASID directory and table entry, then walks (nested if the guest has an IOMMU).',
    sources: [
      'scalable-mode PASID table and 20-bit PASIDs [[linux-intel-pasid]]',
      'nested (two-dimensional) walk cost [[bhargava-2d-walk-2008]]',
    ],
  },
  'pasid-per-vq': {
    description:
      'Scalable mode with a PASID per virtqueue: finer isolation, but every queue is its own context, so the same buffer pages occupy one IOTLB entry per queue.',
    sources: ['100K × 3 VQs fits 20-bit PASIDs [[linux-intel-pasid]]'],
  },
  'device-mmu': {
    description:
      'A device-side IOTLB (stage one, mlx5 memory keys) translates IOVA to an intermediate address, fetching its table entry over PCIe on a miss; the platform IOMMU (stage two) then translates in the parent function’s one domain.',
    sources: [
      'mlx5_vdpa memory keys [[linux-mlx5-vdpa]] [[mlx5-vdpa-mkey-2024]]',
      'a table-entry fetch is a small DMA read [[neugebauer-pcie-2018]]',
    ],
  },
};

export const isolationModes = new Registry<IsolationStrategy>('isolation mode');
for (const name of Object.keys(ISOLATION_BEHAVIOUR) as Isolation[]) {
  isolationModes.register({ name, ...SOURCES[name], ...ISOLATION_BEHAVIOUR[name] });
}
