/**
 * DMA isolation modes (model.md §3): which context tags a translation and what its miss costs.
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
    sources: ['model.md §3', 'facts.md §3 "IOTLB reach and miss cost" (300 ns single-stage miss)'],
  },
  'rid-per-vf': {
    description:
      "Each instance is a VF tagged by its requester ID with its own second-stage domain; a miss walks the instance's page table.",
    sources: ['facts.md §3 "Domain ID" (16-bit DIDs, 65,536 per unit)', 'facts.md §2 SR-IOV VF counts'],
  },
  'pasid-per-instance': {
    description:
      'Scalable mode: (RID, PASID of the instance) tags translations; a miss first reads the PASID directory and table entry, then walks (nested if the guest has an IOMMU).',
    sources: [
      'facts.md §3 "Scalable-mode PASID table" (intel/pasid.h)',
      'facts.md §2 "PASID width" (20 bits)',
      'facts.md §3 "Two-dimensional (nested) walk cost" (Bhargava et al., ASPLOS 2008)',
    ],
  },
  'pasid-per-vq': {
    description:
      'Scalable mode with a PASID per virtqueue: finer isolation, but every queue is its own context, so the same buffer pages occupy one IOTLB entry per queue.',
    sources: [
      'facts.md §2 "PASID width" (100K × 3 VQs fits 20 bits)',
      'facts.md §3 "Scalable-mode PASID table"',
    ],
  },
  'device-mmu': {
    description:
      'A device-side IOTLB (stage one, mlx5 memory keys) translates IOVA to an intermediate address, fetching its table entry over PCIe on a miss; the platform IOMMU (stage two) then translates in the parent function’s one domain.',
    sources: [
      'facts.md §3 "Device-side MMU (vDPA parents)" (mlx5_vdpa MKEYs)',
      'facts.md §2 "DMA read latency"',
    ],
  },
};

export const isolationModes = new Registry<IsolationStrategy>('isolation mode');
for (const name of Object.keys(ISOLATION_BEHAVIOUR) as Isolation[]) {
  isolationModes.register({ name, ...SOURCES[name], ...ISOLATION_BEHAVIOUR[name] });
}
