/**
 * Platform defaults of `device.*` and `limits.*`: the data path and the hard limits of a
 * generic PCIe virtio device on an x86 host with a VT-d-style IOMMU.
 */
import { size, us } from '../util/units.js';
import { between, exponential, fixed, type ProfileParam } from './profile.js';

export const PLATFORM_DEVICE: ProfileParam[] = [
  {
    path: 'device.queuePairs',
    value: 1,
    unit: 'pairs',
    range: between(1, 32768),
    basis: 'spec',
    cite: ['virtio-net'],
    note: 'max_virtqueue_pairs is 1..32768; only the first pair (and the CVQ) is active by default',
  },
  {
    path: 'device.queueSize',
    value: 256,
    unit: 'entries',
    range: between(64, 4096),
    rangeNote: 'a power of two ≤ 32768',
    basis: 'estimate',
    cite: ['virtio-rings'],
    note: 'common practice (mlx5e uses 1024 for its own rings); the spec caps a queue at 32768 entries',
  },
  {
    path: 'device.engines',
    value: 8,
    unit: 'engines',
    range: between(1, 64),
    basis: 'estimate',
    cite: [],
    note:
      'data-path pipelines of a 100–200 Gb/s NIC. With engineService + dmaRead + per-byte DMA, 8 engines ' +
      'give ≈ 13 Mpps at 64 B (8 / 618 ns) and ≈ 7.8 Mpps ≈ 94 Gb/s at 1500 B (8 / 1020 ns)',
  },
  {
    path: 'device.engineService',
    value: fixed(100),
    unit: 'dist(ns)',
    range: between(50, 500),
    basis: 'estimate',
    cite: [],
    note:
      'descriptor parsing and completion write of one packet in a hardware pipeline, excluding DMA waits ' +
      '(device.dmaRead) and translation stalls, which the model adds',
  },
  {
    path: 'device.enginePerByte',
    value: 0.28,
    unit: 'ns/byte',
    range: between(0.14, 0.57),
    rangeNote: '8 engines on a Gen5…Gen3 x16 link',
    basis: 'derived',
    cite: ['pcie-model'],
    note:
      'Gen4 x16 = 16 GT/s × 16 × 128/130 ≈ 31.5 GB/s, ≈ 28 GB/s after 24-byte headers per 256-byte MPS; ' +
      '8 engines share it, so each moves a byte in 8 / 28 ≈ 0.28 ns and together they saturate the link',
  },
  {
    path: 'device.dataPath',
    value: 'hardware',
    unit: 'kind',
    rangeNote: 'hardware | vduse | software',
    basis: 'design',
    cite: ['linux-vp-vdpa'],
    note: 'device engines DMA directly to and from guest buffers',
  },
  {
    path: 'device.copyPerByte',
    value: 0,
    unit: 'ns/byte',
    rangeNote: '0 for hardware DMA; software parents set 0.05–0.5',
    basis: 'design',
    cite: [],
    note: 'a hardware data path DMAs straight into guest buffers: no host copy',
  },
  {
    path: 'device.wakeup',
    value: 0,
    unit: 'ns',
    rangeNote: '0 for hardware; software parents set 1–50 µs',
    basis: 'design',
    cite: [],
    note: 'hardware engines are always running: nothing to wake',
  },
  {
    path: 'device.hwCvqService',
    value: exponential(us(100)),
    unit: 'dist(ns)',
    range: between(us(10), us(1500)),
    basis: 'estimate',
    cite: ['mlx5-vdpa-suspend-2024'],
    note:
      'device firmware applies one CVQ command (MAC, RX mode, MQ, VLAN) to its tables; the upper end is one ' +
      'firmware command, 0.5–1.5 ms (≈ 1.1 ms per mlx5 VQ command); exponential because firmware latency ' +
      'varies by command',
  },
  {
    path: 'device.dmaRead',
    value: 500,
    unit: 'ns',
    range: between(400, 1000),
    basis: 'unchecked',
    cite: ['neugebauer-pcie-2018'],
    note:
      '≈ 0.5 µs median 64-byte DMA read on Xeon E5 hosts (pcie-bench); a buffer transfer is taken as one such ' +
      'round trip (its bytes cost device.enginePerByte)',
  },
  {
    path: 'device.dmaTags',
    value: 32,
    unit: 'requests',
    range: between(1, 128),
    rangeNote: 'per engine; 256 per function with 8-bit tags, 1024 with 10-bit tags',
    basis: 'derived',
    cite: ['linux-pci-probe', 'linux-pci-regs'],
    note:
      'Linux enables the 8-bit Extended Tag Field, so a function keeps up to 256 non-posted requests in flight; ' +
      'shared by 8 engines, 256 / 8 = 32 each. How many a device’s DMA engines really use is unpublished',
  },
  {
    path: 'device.descPrefetch',
    value: 32,
    unit: 'descriptors',
    range: between(1, 64),
    rangeNote: 'vendor-specific; 1 = fetched on demand',
    basis: 'estimate',
    cite: ['pcie-model', 'virtio-rings'],
    note:
      'the Intel 82599 fetches up to 40 TX descriptors per read and RX descriptors one at a time (pcie-model ' +
      'niantic.py, from the 82599 datasheet); no virtio device publishes its batch. 32 split-ring descriptors ' +
      'are 512 bytes, one read at a 512-byte MRRS',
  },
  {
    path: 'device.kick',
    value: 150,
    unit: 'ns',
    range: between(50, 300),
    basis: 'reported',
    cite: ['intel-forum-uc-writes'],
    note:
      'uncached MMIO writes leave the core 50–300 ns apart, default 0.15 µs; assumes the notify area is mapped ' +
      'into the guest, so a kick causes no exit',
  },
];

export const PLATFORM_LIMITS: ProfileParam[] = [
  {
    path: 'limits.totalVfs',
    value: 256,
    unit: 'VFs',
    range: between(0, 2048),
    rangeNote: 'ConnectX 62–127; AMD Versal 252 over 4 PFs; Intel R-tile 2048',
    basis: 'reported',
    cite: ['donghwi-sriov', 'nvidia-cx6dx-firmware', 'amd-versal-pcie', 'intel-rtile-pcie'],
    note: 'the often-quoted SR-IOV baseline of 256 VFs per device without ARI bus spanning',
  },
  {
    path: 'limits.functionPerInstance',
    value: 0,
    unit: 'functions',
    rangeNote: '1 for a driver with one vDPA device per PCI function (ifcvf, vp_vdpa)',
    basis: 'design',
    cite: ['wang-hyperscale-vdpa'],
    note: "the talk's managed instances share the owner function (no VF each); ifcvf and vp_vdpa set 1",
  },
  {
    path: 'limits.hwVqs',
    value: 4096,
    unit: 'VQs',
    range: between(512, 65536),
    basis: 'estimate',
    cite: [],
    note: 'queue contexts a generic device backs in total (e.g. 256 VFs × 16 VQs); no public number',
  },
  {
    path: 'limits.maxQueuesPerInstance',
    value: 65535,
    unit: 'VQs',
    range: between(3, 65535),
    basis: 'spec',
    cite: ['virtio-pci'],
    note: 'num_queues is 16 bits, so at most 65535 queues per function',
  },
  {
    path: 'limits.msixPerFunction',
    value: 2048,
    unit: 'vectors',
    rangeNote: 'hard limit',
    basis: 'spec',
    cite: ['linux-pci-regs'],
    note: 'the MSI-X Table Size field has 11 bits, N − 1 encoded (PCI_MSIX_FLAGS_QSIZE = 0x07FF)',
  },
  {
    path: 'limits.msixPerVf',
    value: 64,
    unit: 'vectors',
    range: between(4, 2048),
    basis: 'estimate',
    cite: ['iova-stress-msix'],
    note:
      'VF tables are usually small; 64 covers per-VQ vectors of 31 pairs + config. An Intel E810 VF advertises ' +
      '2048 entries',
  },
  {
    path: 'limits.imsEntries',
    value: 16384,
    unit: 'entries',
    range: between(256, 262144),
    rangeNote: 'a multiple of 256 on shipping devices',
    basis: 'spec',
    cite: ['intel-siov', 'linux-ims-2022'],
    note: 'IMS has no architectural limit; idxd sizes its store as max_ims_mult × 256 entries',
  },
  {
    path: 'limits.irtePerUnit',
    value: 65536,
    unit: 'entries',
    rangeNote: 'hard limit',
    basis: 'spec',
    cite: ['linux-intel-iommu'],
    note: 'INTR_REMAP_TABLE_ENTRIES = 65536 interrupt-remapping entries per VT-d unit',
  },
  {
    path: 'limits.iommuUnits',
    value: 1,
    unit: 'units',
    range: between(1, 8),
    basis: 'estimate',
    cite: [],
    note:
      'a PCIe function is translated by the one VT-d unit (DRHD) above its root port; more only when instances ' +
      'spread over devices on several root ports',
  },
  {
    path: 'limits.hostCpus',
    value: 64,
    unit: 'CPUs',
    range: between(8, 512),
    basis: 'estimate',
    cite: [],
    note: 'a two-socket server',
  },
  {
    path: 'limits.vectorsPerCpu',
    value: 200,
    unit: 'vectors',
    range: between(200, 205),
    basis: 'spec',
    cite: ['linux-x86-irq-vectors'],
    note: 'device vectors run from 0x20 up to FIRST_SYSTEM_VECTOR of the 256 IDT vectors of a CPU',
  },
  {
    path: 'limits.pasidBits',
    value: 20,
    unit: 'bits',
    range: between(0, 20),
    rangeNote: '0 = no PASID',
    basis: 'spec',
    cite: ['linux-intel-pasid'],
    note: 'PASID_MAX = 0x100000: PCIe PASIDs are 20 bits wide',
  },
  {
    path: 'limits.domainIds',
    value: 65536,
    unit: 'domains',
    rangeNote: 'at most 65,536; CAP.ND may advertise fewer',
    basis: 'spec',
    cite: ['linux-intel-pasid'],
    note: 'the domain id of a PASID-table entry is 16 bits (pasid_set_domain_id)',
  },
  {
    path: 'limits.deviceMmuContexts',
    value: 0,
    unit: 'contexts',
    rangeNote: '0 = no device MMU; mlx5 sets its own',
    basis: 'design',
    cite: ['wang-hyperscale-vdpa'],
    note:
      "a generic virtio device has no device MMU (the talk's device-MMU spec support is a proposal), so " +
      'device-mmu isolation is rejected at the first instance',
  },
  {
    path: 'limits.vqGroups',
    value: 1,
    unit: 'groups',
    range: between(1, 65535),
    rangeNote: 'mlx5_vdpa and vdpa_sim_net 2; 2P + 1 for a group per VQ',
    basis: 'spec',
    cite: ['linux-vdpa-groups'],
    note: 'vp_vdpa, ifcvf and VDUSE allocate one VQ group and one address space per device',
  },
  {
    path: 'limits.hwCvq',
    value: 1,
    unit: 'CVQs',
    rangeNote: '0 = the driver emulates the CVQ',
    basis: 'spec',
    cite: ['virtio-net'],
    note: 'the control virtqueue is a virtqueue of the device, after the data queues (VIRTIO_NET_F_CTRL_VQ)',
  },
  {
    path: 'limits.deviceMemory',
    value: size('128MiB'),
    unit: 'bytes',
    range: between(size('8MiB'), size('4GiB')),
    basis: 'estimate',
    cite: [],
    note: 'device memory (on-die SRAM or host-backed context tables) for instance state; 131,072 instances at 1 KiB',
  },
  {
    path: 'limits.notifyBar',
    value: size('1GiB'),
    unit: 'bytes',
    range: between(size('32MiB'), size('64GiB')),
    rangeNote: 'a power of two; resizable BARs reach 2^47 bytes (PCI_REBAR_CAP_SIZES)',
    basis: 'estimate',
    cite: ['linux-pci-regs'],
    note:
      'estimate: no public device sizes a BAR for 10^5 doorbells; a 1 GiB 64-bit prefetchable BAR holds ' +
      '262,144 doorbell pages (87,381 instances of 3 VQs); the host bridge MMIO window must fit it',
  },
  {
    path: 'limits.notifyPerQueue',
    value: 4096,
    unit: 'bytes',
    rangeNote: '4 KiB to map the doorbell into the guest; 0 when the VQs share one page',
    basis: 'spec',
    cite: ['linux-vhost-vdpa', 'virtio-pci'],
    note:
      'vhost_vdpa_mmap maps a doorbell only when its notify area is page-aligned and exactly one 4 KiB page, so ' +
      'notify_off_multiplier × queue_notify_off spaces the VQs a page apart',
  },
  {
    path: 'limits.instanceMemory',
    value: 1024,
    unit: 'bytes',
    range: between(512, size('16KiB')),
    basis: 'estimate',
    cite: ['virtio-net'],
    note:
      '3 queue contexts (≈ 64–128 B each) + the ≈ 28-byte virtio_net_config + 16-byte interrupt messages + ' +
      'keys, rounded up to 1 KiB',
  },
];
