import { isolationModes, PASIDS } from './isolation-modes.js';

isolationModes.register({
  kind: 'isolation',
  name: 'pasid-per-instance',
  summary: 'scalable mode, a PASID per instance',
  description:
    'Scalable mode: (RID, PASID of the instance) tags translations; a miss first reads the PASID directory and table entry, then walks (nested if the guest has an IOMMU).',
  cite: ['linux-intel-pasid', 'bhargava-2d-walk-2008'],
  uses: ['iommu.pasidTableAccesses', 'limits.pasidBits'],
  ignores: [],
  requires: [PASIDS],
  context: 'instance',
  scalableMode: true,
  requester: 'function',
  domain: 'instance',
  deviceMmu: false,
  buildsDeviceKeys: false,
  isolates: true,
  draws: () => ({ pasid: 1, 'iommu-domains': 1 }),
});
