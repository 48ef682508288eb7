import { isolationModes } from './isolation-modes.js';

/** Nothing is translated, so nothing of the IOMMU's caches, walks or invalidations applies. */
const PT = 'strategy.isolation passthrough translates nothing (IOMMU in pass-through mode)';

isolationModes.register({
  kind: 'isolation',
  name: 'passthrough',
  summary: 'IOMMU pass-through: no translation, no isolation',
  description:
    'The IOMMU passes DMA through untranslated (Linux iommu=pt, or no IOMMU): no IOTLB lookups, walks or invalidations; the no-IOMMU baseline of pcie-bench, insecure.',
  cite: ['linux-intel-pasid', 'neugebauer-pcie-2018'],
  uses: [],
  ignores: [
    { path: 'iommu.iotlb.entries', why: PT },
    { path: 'iommu.iotlb.ways', why: PT },
    { path: 'iommu.walk', why: PT },
    { path: 'iommu.missPenalty', why: PT },
    { path: 'iommu.devtlb', why: PT },
    { path: 'iommu.atsRtt', why: PT },
    { path: 'iommu.mappings', why: PT },
  ],
  context: 'instance',
  requester: 'function',
  domain: 'function',
  scalableMode: false,
  deviceMmu: false,
  buildsDeviceKeys: false,
  isolates: false,
  passthrough: true,
  draws: () => ({}),
});
