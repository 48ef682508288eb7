import { isolationModes } from './isolation-modes.js';

/** The device MMU translates, not ATS: a device TLB in front of the platform IOMMU is moot. */
const ATS = 'strategy.isolation device-mmu translates in the device MMU, not through ATS';

isolationModes.register({
  kind: 'isolation',
  name: 'device-mmu',
  summary: 'a device-side IOTLB: mlx5 memory keys',
  description:
    'A device-side IOTLB (stage one, mlx5 memory keys built from the guest memory map at provisioning, never flushed per page) translates IOVA to an intermediate address, fetching its table entry over PCIe on a miss; the platform IOMMU (stage two) then translates in the parent function’s one domain. With dynamic mappings (virtio_vdpa) the device uses one PA-mode key and translates nothing: the platform IOMMU maps each buffer.',
  cite: ['linux-mlx5-vdpa', 'linux-mlx5-vdpa-mr', 'mlx5-vdpa-mkey-2024', 'neugebauer-pcie-2018'],
  uses: ['iommu.deviceMmu', 'limits.deviceMmuContexts'],
  ignores: [
    { path: 'iommu.devtlb', why: ATS },
    { path: 'iommu.atsRtt', why: ATS },
  ],
  requires: [
    {
      path: 'limits.deviceMmuContexts',
      atLeast: 1,
      capability: 'a device MMU',
      instead: "limits.deviceMmuContexts: 65536 (a context per instance, the talk's device-MMU proposal)",
    },
  ],
  context: 'instance',
  scalableMode: false,
  requester: 'function',
  domain: 'function',
  deviceMmu: true,
  buildsDeviceKeys: true,
  isolates: true,
  draws: () => ({ 'device-mmu-contexts': 1 }),
});
