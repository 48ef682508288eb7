import { isolationModes } from './isolation-modes.js';

isolationModes.register({
  kind: 'isolation',
  name: 'rid-per-vf',
  summary: "a VF's requester ID and its own domain",
  description:
    "Each instance is a VF tagged by its requester ID with its own second-stage domain; a miss walks the instance's page table.",
  cite: ['linux-intel-pasid', 'nvidia-cx6dx-firmware'],
  uses: [],
  ignores: [],
  context: 'instance',
  scalableMode: false,
  requester: 'instance',
  domain: 'instance',
  deviceMmu: false,
  buildsDeviceKeys: false,
  isolates: true,
  // One second-stage domain per instance, out of 16-bit domain ids [[linux-intel-pasid]].
  draws: () => ({ 'iommu-domains': 1 }),
});
