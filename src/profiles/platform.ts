/**
 * The generic platform: an x86 host with a VT-d-style IOMMU and a PCIe vDPA device without
 * vendor specifics. It gives a value for every hardware or platform-software field of
 * ModelConfig (`hardwarePaths()` in config-paths.ts); a parent profile overrides only what
 * differs. Each value cites the public documents it rests on (docs/sources.md); where none
 * gives a number, its basis is `estimate`, the note says how the value was reasoned, and the
 * range is wide.
 */
import { PLATFORM_BLK } from './platform-blk.js';
import { PLATFORM_ADMINQ, PLATFORM_TRANSPORT } from './platform-control.js';
import { PLATFORM_DEVICE, PLATFORM_LIMITS } from './platform-device.js';
import { PLATFORM_HOST_AND_PROVISIONING, PLATFORM_INTERRUPTS } from './platform-interrupts.js';
import { PLATFORM_IOMMU } from './platform-iommu.js';
import type { ParentProfile } from './profile.js';

export const PLATFORM_PROFILE: ParentProfile = {
  name: 'platform',
  description: 'Generic x86 host, VT-d-style IOMMU and PCIe device: the defaults every parent inherits',
  behaviour: [
    'Hardware data path: engines DMA over PCIe into guest buffers (device.dataPath hardware, device.dmaRead, device.enginePerByte), no host copies or wake-ups.',
    'Platform IOMMU: 64-entry fully associative IOTLB of 4 KiB pages, 4-level walk of 75 ns accesses (≈ 300 ns per single-stage miss), lazy invalidation batches of 256 unmaps or 10 ms.',
    'Interrupts: 2048 MSI-X entries per function, 65,536 IRTEs per IOMMU unit, ≈ 200 vectors per CPU, posted delivery, no coalescing (the virtio reset value).',
    'Control: 1 µs register reads, 0.15 µs posted writes, an mlx5-like vendor channel (31/16 slots, 1.1 ms), one 32-deep admin queue with 16 device workers.',
    'No device MMU (limits.deviceMmuContexts 0) and no ATS (iommu.devtlb.entries 0).',
    'Block device in hardware (blk.backend hardware): one request queue of 256 entries, an NVMe-like target serving 128 requests at once, ≈ 80 µs each (estimates).',
  ],
  cite: ['linux-intel-iommu', 'linux-pci-regs', 'virtio-pci'],
  params: [
    ...PLATFORM_DEVICE,
    ...PLATFORM_BLK,
    ...PLATFORM_LIMITS,
    ...PLATFORM_TRANSPORT,
    ...PLATFORM_ADMINQ,
    ...PLATFORM_IOMMU,
    ...PLATFORM_INTERRUPTS,
    ...PLATFORM_HOST_AND_PROVISIONING,
  ],
};
