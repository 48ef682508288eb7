import { isolationModes, PASIDS } from './isolation-modes.js';

isolationModes.register({
  kind: 'isolation',
  name: 'pasid-per-vq',
  summary: 'a PASID per virtqueue group',
  description:
    'Scalable mode with a PASID and a domain per virtqueue group (its address space, the finest vDPA binds): every translated group is its own context, so the buffer pages of queues in different groups occupy one IOTLB entry per group. With the data VQs in one group (every in-tree parent) data traffic translates as pasid-per-instance; limits.vqGroups 2P + 1 gives each VQ its own.',
  // VT-d tags IOTLB entries by domain id and PASID [[linux-intel-pasid]]; vDPA binds address
  // spaces to VQ groups [[linux-vdpa-groups]].
  cite: ['linux-intel-pasid', 'linux-vdpa-groups'],
  uses: ['iommu.pasidTableAccesses', 'limits.pasidBits', 'limits.vqGroups'],
  ignores: [],
  requires: [PASIDS],
  context: 'group',
  scalableMode: true,
  requester: 'function',
  domain: 'instance',
  deviceMmu: false,
  buildsDeviceKeys: false,
  isolates: true,
  // One PASID and one domain per address space the platform translates.
  draws: (shape) => ({ pasid: shape.translatedGroups, 'iommu-domains': shape.translatedGroups }),
});
