import { isolationModes, PASIDS } from './isolation-modes.js';

isolationModes.register({
  kind: 'isolation',
  name: 'pasid-per-vq',
  summary: 'a PASID per virtqueue',
  description:
    'Scalable mode with a PASID per virtqueue: finer isolation, but every queue is its own context, so the same buffer pages occupy one IOTLB entry per queue.',
  // 100K instances × 3 VQs fits the 20-bit PASID space [[linux-intel-pasid]].
  cite: ['linux-intel-pasid'],
  uses: ['iommu.pasidTableAccesses', 'limits.pasidBits'],
  ignores: [],
  requires: [PASIDS],
  context: 'queue',
  scalableMode: true,
  requester: 'function',
  domain: 'instance',
  deviceMmu: false,
  buildsDeviceKeys: false,
  isolates: true,
  draws: (queues) => ({ pasid: queues, 'iommu-domains': 1 }),
});
