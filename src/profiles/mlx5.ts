/**
 * mlx5_vdpa on a ConnectX-6-class device: a vendor firmware command channel, a device MMU of
 * memory keys, many VQs, VFs and sub-functions as instance carriers. Only what differs from the
 * platform profile is listed; the vendor channel's 31/16 slots are already the platform's
 * (they come from mlx5 cmd.c, the one public vendor channel).
 */
import { ms, size } from '../util/units.js';
import { between, fixed, type ParentProfile } from './profile.js';

const SFS_PER_PF = 1000;
const SF_BAR_BYTES = size('1MiB');

export const MLX5_PROFILE: ParentProfile = {
  name: 'mlx5',
  description:
    'ConnectX-6-style mlx5_vdpa: vendor firmware commands, device MMU (memory keys), many VQs, VFs and SFs',
  behaviour: [
    'Control path through the vendor firmware command channel (strategy.transport vendor): 31 parallel slots with a 16-slot pool for heavy commands (transport.vendorSlots / vendorThrottledSlots, from the platform), ≈ 1.1 ms per VQ modify and 0.5 ms per resume (transport.vendorService).',
    "DMA isolation by a device MMU of memory keys (strategy.isolation device-mmu): iommu.deviceMmu.entries cache translations, a miss fetches the MTT entry over PCIe (iommu.deviceMmu.fetch, platform), provisioning builds the instance's MKEYs before its VQ setup (iommu.deviceMmu.keyBuild ≈ 1 s for a 256 GB VM; scale it to the instance's memory), and limits.deviceMmuContexts bounds the number of memory regions.",
    'Many VQs: up to 256 per instance (limits.maxQueuesPerInstance) and ≈ 32K in the device (limits.hwVqs).',
    'Instance carriers: 127 VFs per port (limits.totalVfs; transport.vfCreate 0.52 s each) or up to 1000 sub-functions, each with a 1 MiB BAR window (limits.deviceMemory / limits.instanceMemory); at 4 vectors per SF the 2048-entry PF MSI-X table (limits.msixPerFunction) binds first, at 512.',
    'No hardware CVQ (limits.hwCvq 0: strategy.cvq defaults to software here, and hardware is refused): mlx5_vdpa emulates the CVQ in the driver and applies each command with a firmware command (device.hwCvqService 1.1 ms, used only when a study sets limits.hwCvq 1).',
    'No block device: mlx5_vdpa registers network devices only (blk.backend none), so a blk workload group is refused.',
  ],
  cite: ['linux-mlx5-vdpa', 'linux-mlx5-cmd', 'mellanox-sf-wiki'],
  params: [
    {
      path: 'blk.backend',
      value: 'none',
      unit: 'strategy',
      rangeNote: 'hardware | ramdisk | userspace | none',
      basis: 'design',
      cite: ['linux-mlx5-vdpa'],
      note: 'mlx5_vdpa creates virtio-net devices only (VIRTIO_ID_NET)',
    },
    {
      path: 'limits.totalVfs',
      value: 127,
      unit: 'VFs',
      range: between(63, 127),
      rangeNote: 'firmware-dependent',
      basis: 'spec',
      cite: ['nvidia-cx6dx-firmware'],
      note: 'ConnectX-6 Dx/Lx firmware allows at most 127 VFs per port',
    },
    {
      path: 'limits.maxQueuesPerInstance',
      value: 256,
      unit: 'VQs',
      range: between(16, 256),
      rangeNote: 'later read from device capabilities',
      basis: 'spec',
      cite: ['linux-mlx5-vdpa'],
      note: 'MLX5_MAX_SUPPORTED_VQS was 16, raised to 256, later read from device capabilities',
    },
    {
      path: 'limits.hwVqs',
      value: 32768,
      unit: 'VQs',
      range: between(4096, 262144),
      basis: 'estimate',
      cite: ['nvidia-cx6dx-firmware', 'linux-mlx5-vdpa'],
      note: '127 VFs × 256 VQs ≈ 32K; the device-wide virtio queue object limit is unpublished',
    },
    {
      path: 'limits.deviceMemory',
      value: SFS_PER_PF * SF_BAR_BYTES,
      unit: 'bytes',
      range: between(236 * SF_BAR_BYTES, SFS_PER_PF * SF_BAR_BYTES),
      rangeNote: '236–1000 SFs × 1 MiB',
      basis: 'spec',
      cite: ['mellanox-sf-wiki'],
      note:
        'a BlueField-3 host PF is configured for 1000 SFs (BlueField-2 500, ConnectX-6 Dx 236–252), expressed as ' +
        '1000 SF BAR windows of 1 MiB so the SF limit binds at exactly 1000 instances',
    },
    {
      path: 'limits.instanceMemory',
      value: SF_BAR_BYTES,
      unit: 'bytes',
      rangeNote: '1 MiB per SF',
      basis: 'spec',
      cite: ['mellanox-sf-wiki'],
      note: 'each SF has a dedicated BAR window, PF_SF_BAR_SIZE = 10 → 2^10 KiB = 1 MiB',
    },
    {
      path: 'limits.vqGroups',
      value: 2,
      unit: 'groups',
      rangeNote: 'hard limit: data VQs and the CVQ',
      basis: 'spec',
      cite: ['linux-vdpa-groups'],
      note: 'MLX5_VDPA_NUMVQ_GROUPS = 2 and MLX5_VDPA_NUM_AS = 2: every data VQ in group 0, the CVQ in group 1',
    },
    {
      path: 'limits.notifyPerQueue',
      value: 0,
      unit: 'bytes',
      rangeNote: "one kick page per instance, in the SF's BAR window",
      basis: 'spec',
      cite: ['linux-mlx5-vdpa'],
      note:
        "every VQ's notify area is the instance's one kick page (phys_kick_addr) inside its SF BAR window, which " +
        'limits.deviceMemory already charges',
    },
    {
      path: 'limits.hwCvq',
      value: 0,
      unit: 'CVQs',
      rangeNote: 'hard limit: no CVQ in the device',
      basis: 'spec',
      cite: ['linux-mlx5-vdpa'],
      note: 'mlx5_vdpa emulates the control virtqueue in the driver and applies each command with firmware commands',
    },
    {
      path: 'limits.deviceMmuContexts',
      value: 262144,
      unit: 'contexts',
      range: between(16384, 16777216),
      basis: 'estimate',
      cite: ['linux-mlx5-vdpa', 'linux-vhost'],
      note:
        "one context = one instance's memory region, an indirect MKEY over direct MKEYs; with 24-bit MKEY " +
        'indices (not re-checked) and ≤ 64 direct keys per region (vhost max_mem_regions = 64) → 2^24 / 64 = 262,144',
    },
    {
      path: 'iommu.deviceMmu.entries',
      value: 4096,
      unit: 'entries',
      range: between(512, 65536),
      basis: 'estimate',
      cite: [],
      note: "the device's on-chip translation (MTT) cache; its size is unpublished",
    },
    {
      path: 'iommu.deviceMmu.keyBuild',
      value: ms(1000),
      unit: 'ns',
      range: between(ms(250), ms(3600)),
      rangeNote: 'per 256 GB VM (≈ 4 ms per GB mapped)',
      basis: 'measured',
      cite: ['mlx5-vdpa-mkey-2024'],
      note:
        'an MKEY rebuild after set_map for a 256 GB VM costs ≈ 1.0 s (1.0–3.6 s with 4 devices); it scales with ' +
        'mapped memory, 1 s / 256 GB ≈ 3.9 ms per GB — scale it for small instances',
    },
    {
      path: 'transport.vqCommands',
      value: 'parallel',
      unit: 'mode',
      rangeNote: 'serial before Linux v6.12',
      basis: 'spec',
      cite: ['mlx5-vdpa-suspend-2024'],
      note: 'mlx5_vdpa issues the per-VQ modify commands of a suspend or resume together through the async command API',
    },
    {
      path: 'transport.vendorService',
      value: { dist: 'empirical', values: [ms(1.1), ms(0.5)], weights: [1, 1] },
      unit: 'dist(ns)',
      range: between(ms(0.5), ms(1.5)),
      basis: 'derived',
      cite: ['mlx5-vdpa-suspend-2024'],
      note:
        'VQ modify/suspend 1.1 ms = 37 ms / 32 VQs, resume 0.5 ms = 16 ms / 32 VQs, serialised; an equal mix as ' +
        'in a suspend/resume cycle',
    },
    {
      path: 'transport.vfCreate',
      value: fixed(ms(520)),
      unit: 'dist(ns)',
      range: between(ms(400), ms(650)),
      basis: 'reported',
      cite: ['sriov-operator-vf-creation'],
      note: 'ConnectX-6 Lx: 125 VFs ready in ≈ 65 s → 65 / 125 = 0.52 s per VF',
    },
    {
      path: 'device.hwCvqService',
      value: fixed(ms(1.1)),
      unit: 'dist(ns)',
      range: between(ms(0.5), ms(1.5)),
      basis: 'derived',
      cite: ['linux-mlx5-vdpa', 'mlx5-vdpa-suspend-2024'],
      note:
        'mlx5 applies CVQ commands through its parent ops as firmware commands: one ≈ 1.1 ms firmware command ' +
        'per CVQ command',
    },
  ],
};
