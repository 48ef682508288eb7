/**
 * mlx5_vdpa on a ConnectX-6-class device: a vendor firmware command channel, a device MMU of
 * memory keys, many VQs, VFs and sub-functions as instance carriers. Only what differs from the
 * platform profile is listed; the vendor channel's 31/16 slots are already the platform's
 * (they come from mlx5 cmd.c, the one public vendor channel).
 */
import { ms, size } from '../util/units.js';
import { fixed, type ParentProfile } from './profile.js';

const SFS_PER_PF = 1000;
const SF_BAR_BYTES = size('1MiB');

export const MLX5_PROFILE: ParentProfile = {
  name: 'mlx5',
  description:
    'ConnectX-6-style mlx5_vdpa: vendor firmware commands, device MMU (memory keys), many VQs, VFs and SFs',
  behaviour: [
    'Control path through the vendor firmware command channel (strategy.transport vendor): 31 parallel slots with a 16-slot pool for heavy commands (transport.vendorSlots / vendorThrottledSlots, from the platform), ≈ 1.1 ms per VQ modify and 0.5 ms per resume (transport.vendorService).',
    "DMA isolation by a device MMU of memory keys (strategy.isolation device-mmu): iommu.deviceMmu.entries cache translations, a miss fetches the MTT entry over PCIe (iommu.deviceMmu.fetchNs, platform), provisioning builds the instance's MKEYs before its VQ setup (iommu.deviceMmu.keyBuildNs ≈ 1 s for a 256 GB VM; scale it to the instance's memory), and limits.deviceMmuContexts bounds the number of memory regions.",
    'Many VQs: up to 256 per instance (limits.maxQueuesPerInstance) and ≈ 32K in the device (limits.hwVqs).',
    'Instance carriers: 127 VFs per port (limits.totalVfs; transport.vfCreate 0.52 s each) or up to 1000 sub-functions, each with a 1 MiB BAR window (limits.deviceMemoryBytes / limits.instanceMemoryBytes); at 4 vectors per SF the 2048-entry PF MSI-X table (limits.msixPerFunction) binds first, at 512.',
    'No hardware CVQ: mlx5_vdpa emulates the CVQ in the driver and applies each command with a firmware command (device.hwCvqService 1.1 ms).',
  ],
  params: [
    {
      path: 'limits.totalVfs',
      value: 127,
      unit: 'VFs',
      range: '63–127 (firmware-dependent)',
      source:
        'facts.md §2 "SR-IOV VF counts": ConnectX-6 Dx/Lx firmware 127 VFs per port maximum ' +
        '(NVIDIA ConnectX6Dx firmware RN v22.34.1002; DOCA SR-IOV page) [spec]',
    },
    {
      path: 'limits.maxQueuesPerInstance',
      value: 256,
      unit: 'VQs',
      range: '16–256 (later from device capabilities)',
      source:
        'facts.md §5 "mlx5_vdpa virtqueue limits": MLX5_MAX_SUPPORTED_VQS 16, raised to 256, later read from ' +
        'device capabilities (mlx5_vnet patch threads) [spec]',
    },
    {
      path: 'limits.hwVqs',
      value: 32768,
      unit: 'VQs',
      range: '4K–256K',
      source:
        'estimate: 127 VFs × 256 VQs ≈ 32K (facts.md §2, §5); the device-wide virtio queue object limit is unpublished',
    },
    {
      path: 'limits.deviceMemoryBytes',
      value: SFS_PER_PF * SF_BAR_BYTES,
      unit: 'bytes',
      range: '236–1000 SFs × 1 MiB',
      source:
        'facts.md §5 "mlx5 subfunctions": BlueField-3 host PF configured for 1000 SFs (BlueField-2 500, ConnectX-6 Dx ' +
        '236–252), Mellanox/scalablefunctions wiki [spec]; expressed as 1000 SF BAR windows of 1 MiB so the ' +
        'SF limit binds at exactly 1000 instances',
    },
    {
      path: 'limits.instanceMemoryBytes',
      value: SF_BAR_BYTES,
      unit: 'bytes',
      range: '1 MiB per SF',
      source:
        'facts.md §5 "mlx5 subfunctions": each SF has a dedicated BAR window, PF_SF_BAR_SIZE=10 → 2^10 KiB = 1 MiB ' +
        '(Mellanox/scalablefunctions wiki) [spec]',
    },
    {
      path: 'limits.deviceMmuContexts',
      value: 262144,
      unit: 'contexts',
      range: '16K–16M',
      source:
        "estimate: one context = one instance's memory region, an indirect MKEY over direct MKEYs (facts.md §3 " +
        '"mlx5_vdpa keeps its own MMU"); with 24-bit MKEY indices [mem] and ≤ 64 direct keys per region ' +
        '(vhost max_mem_regions = 64, facts.md §3) → 2^24 / 64 = 262,144',
    },
    {
      path: 'iommu.deviceMmu.entries',
      value: 4096,
      unit: 'entries',
      range: '512–64K',
      source: "estimate: the device's on-chip translation (MTT) cache; its size is unpublished",
    },
    {
      path: 'iommu.deviceMmu.keyBuildNs',
      value: ms(1000),
      unit: 'ns',
      range: '0.25–3.6 s per 256 GB VM (≈ 4 ms per GB mapped)',
      source:
        'facts.md §3 "mlx5_vdpa keeps its own MMU" and suggested default mr_rebuild_time_256GB = 1.0 s (1.0–3.6 s with ' +
        '4 devices): MKEY rebuild after set_map for a 256 GB VM ("vdpa/mlx5: Parallelize MKEY ops", D. Tatulea, ' +
        'Aug 2024) [meas]; scales with mapped memory, 1 s / 256 GB ≈ 3.9 ms per GB — scale it for small instances',
    },
    {
      path: 'transport.vendorService',
      value: { dist: 'empirical', values: [ms(1.1), ms(0.5)], weights: [1, 1] },
      unit: 'dist(ns)',
      range: '0.5–1.5 ms',
      source:
        'facts.md §5 "mlx5_vdpa suspend/resume" and §6: VQ modify/suspend 1.1 ms = 37 ms / 32 VQs, resume 0.5 ms = ' +
        '16 ms / 32 VQs, serialized ("vdpa/mlx5: Parallelize device suspend/resume", Tatulea, Aug 2024) ' +
        '[meas, derived]; equal mix as in a suspend/resume cycle',
    },
    {
      path: 'transport.vfCreate',
      value: fixed(ms(520)),
      unit: 'dist(ns)',
      range: '0.4–0.65 s per VF',
      source:
        'facts.md §2 "SR-IOV VF creation time": ConnectX-6 Lx 125 VFs ready in ≈ 65 s → 65 / 125 = 0.52 s per VF ' +
        '(k8snetworkplumbingwg/sriov-network-operator #1015) [anec]',
    },
    {
      path: 'device.hwCvqService',
      value: fixed(ms(1.1)),
      unit: 'dist(ns)',
      range: '0.5–1.5 ms',
      source:
        'facts.md §6 "Software CVQ in the vDPA layer": mlx5 applies CVQ commands through its parent ops as firmware ' +
        'commands; one ≈ 1.1 ms firmware command per CVQ command (facts.md §6 "Firmware command latency") [meas, derived]',
    },
  ],
};
