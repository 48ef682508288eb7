/**
 * Platform defaults of `device.*` and `limits.*`: the data path and the hard limits.
 * Each `source` names the facts.md section and its primary source, or starts with 'estimate:'.
 */
import { size, us } from '../util/units.js';
import { exponential, fixed, type ProfileParam } from './profile.js';

export const PLATFORM_DEVICE: ProfileParam[] = [
  {
    path: 'device.queuePairs',
    value: 1,
    unit: 'pairs',
    range: '1–32768 (max_virtqueue_pairs)',
    source:
      'facts.md §1 "MQ range": only the first pair (and the CVQ) is active by default, virtio-spec [spec]',
  },
  {
    path: 'device.queueSize',
    value: 256,
    unit: 'entries',
    range: '64–4096 in practice; power of 2 ≤ 32768',
    source:
      'facts.md suggested defaults vq_default_size (common practice; mlx5e RQ/SQ default 1024); ' +
      'max 32768 from facts.md §1 "Limits", virtio-spec split-ring.tex [spec]',
  },
  {
    path: 'device.engines',
    value: 8,
    unit: 'engines',
    range: '1–64',
    source:
      'estimate: data-path pipelines of a 100–200 Gb/s NIC. With engineService + dmaReadNs + per-byte DMA, ' +
      '8 engines give ≈ 13 Mpps at 64 B (8 / 618 ns) and ≈ 7.8 Mpps ≈ 94 Gb/s at 1500 B (8 / 1020 ns)',
  },
  {
    path: 'device.engineService',
    value: fixed(100),
    unit: 'dist(ns)',
    range: '50–500 ns',
    source:
      'estimate: descriptor parsing and completion write of one packet in a hardware pipeline, excluding ' +
      'DMA waits (device.dmaReadNs) and translation stalls, which the model adds',
  },
  {
    path: 'device.engineNsPerByte',
    value: 0.28,
    unit: 'ns/byte',
    range: '0.14–0.57 ns/byte (8 engines on Gen5…Gen3 x16)',
    source:
      'estimate from facts.md §2 "TLP overheads" (pcie-model pcie.py [spec]): Gen4 x16 = 16 GT/s × 16 × 128/130 ' +
      '≈ 31.5 GB/s, ≈ 28 GB/s after 24-byte headers per 256-byte MPS; 8 engines share it, so each moves a byte ' +
      'in 8 / 28 ≈ 0.28 ns and together they saturate the link',
  },
  {
    path: 'device.dataPath',
    value: 'hardware',
    unit: 'kind',
    range: 'hardware | vduse | software',
    source: 'model.md §6: device engines DMA directly to and from guest buffers',
  },
  {
    path: 'device.copyNsPerByte',
    value: 0,
    unit: 'ns/byte',
    range: '0 (hardware DMA); 0.05–0.5 for host copies',
    source:
      'model.md §1.1: a hardware data path DMAs straight into guest buffers, no host copy; software parents set theirs',
  },
  {
    path: 'device.wakeupNs',
    value: 0,
    unit: 'ns',
    range: '0 (hardware); 1–50 µs for host threads',
    source:
      'model.md §1.1: hardware engines are always running, nothing to wake; software parents set theirs',
  },
  {
    path: 'device.hwCvqService',
    value: exponential(us(100)),
    unit: 'dist(ns)',
    range: '10 µs–1.5 ms',
    source:
      'estimate: device firmware applies one CVQ command (MAC, RX mode, MQ, VLAN) to its tables; upper end = one ' +
      'firmware command, 0.5–1.5 ms (facts.md §6 "Firmware command latency", mlx5 [meas, derived]); exponential ' +
      'because firmware latency varies by command',
  },
  {
    path: 'device.dmaReadNs',
    value: 500,
    unit: 'ns',
    range: '400–1000 ns',
    source:
      'facts.md §2 "DMA read latency, small reads": ≈ 0.5 µs median 64-byte DMA read on Xeon E5 ' +
      '(Neugebauer et al., SIGCOMM 2018) [mem]',
  },
  {
    path: 'device.kickNs',
    value: 150,
    unit: 'ns',
    range: '50–300 ns',
    source:
      'facts.md §2 "MMIO write (posted)": UC writes leave 50–300 ns apart, default 0.15 µs (Intel community ' +
      'thread) [anec]; assumes the notify area is mapped into the guest, so a kick causes no exit',
  },
];

export const PLATFORM_LIMITS: ProfileParam[] = [
  {
    path: 'limits.totalVfs',
    value: 256,
    unit: 'VFs',
    range: '0–2048 (ConnectX 62–127; AMD Versal 252 over 4 PFs; Intel R-tile 2048)',
    source:
      'facts.md §2 "SR-IOV VF counts": the often-quoted SR-IOV baseline of 256 VFs per device without ARI ' +
      'bus spanning (blog.donghwi.kim) [anec]',
  },
  {
    path: 'limits.hwVqs',
    value: 4096,
    unit: 'VQs',
    range: '512–65,536',
    source:
      'estimate: queue contexts a generic device backs in total (e.g. 256 VFs × 16 VQs); no public number',
  },
  {
    path: 'limits.maxQueuesPerInstance',
    value: 65535,
    unit: 'VQs',
    range: '3–65,535',
    source:
      'facts.md §1 "Limits and config layout": num_queues is le16, so ≤ 65535 per function, virtio-spec transport-pci.tex [spec]',
  },
  {
    path: 'limits.msixPerFunction',
    value: 2048,
    unit: 'vectors',
    range: 'hard cap',
    source:
      'facts.md §2 "MSI-X table size limit": 11-bit Table Size, PCI_MSIX_FLAGS_QSIZE = 0x07FF, ' +
      'include/uapi/linux/pci_regs.h [spec]',
  },
  {
    path: 'limits.msixPerVf',
    value: 64,
    unit: 'vectors',
    range: '4–2048',
    source:
      'estimate: VF tables are usually small (model.md §4); 64 covers per-VQ vectors of 31 pairs + config. ' +
      'facts.md §2 cites an E810 VF advertising MSI-X Count=2048 (soleen/iova_stress) [anec]',
  },
  {
    path: 'limits.imsEntries',
    value: 16384,
    unit: 'entries',
    range: '256·k, device-specific',
    source:
      'facts.md §4 "IMS" and suggested defaults ims_entries_per_device: no architectural limit (Intel SIOV spec ' +
      'rev 1.1); idxd ims_size = max_ims_mult × 256 [spec]',
  },
  {
    path: 'limits.irtePerUnit',
    value: 65536,
    unit: 'entries',
    range: 'hard cap',
    source:
      'facts.md §3 "Interrupt remapping table": INTR_REMAP_TABLE_ENTRIES 65536, drivers/iommu/intel/iommu.h [spec]',
  },
  {
    path: 'limits.iommuUnits',
    value: 1,
    unit: 'units',
    range: '1–8',
    source:
      'estimate: a PCIe function is translated by the one VT-d unit (DRHD) above its root port; more only ' +
      'when instances spread over devices on several root ports',
  },
  {
    path: 'limits.hostCpus',
    value: 64,
    unit: 'CPUs',
    range: '8–512',
    source: 'estimate: a two-socket server',
  },
  {
    path: 'limits.vectorsPerCpu',
    value: 200,
    unit: 'vectors',
    range: '~200–205',
    source:
      'facts.md §4 "Host interrupt vector budget": device vectors 0x20..FIRST_SYSTEM_VECTOR of 256, ' +
      'arch/x86/include/asm/irq_vectors.h [spec]',
  },
  {
    path: 'limits.pasidBits',
    value: 20,
    unit: 'bits',
    range: '0 (no PASID) – 20',
    source:
      'facts.md §2 "PASID width": PASID_MAX 0x100000, MAX_NR_PASID_BITS 20, drivers/iommu/intel/pasid.h [spec]',
  },
  {
    path: 'limits.domainIds',
    value: 65536,
    unit: 'domains',
    range: '≤ 65,536 (CAP.ND may advertise fewer)',
    source: 'facts.md §3 "Domain ID": 16-bit DID field, pasid.h pasid_set_domain_id [spec]',
  },
  {
    path: 'limits.deviceMmuContexts',
    value: 0,
    unit: 'contexts',
    range: '0 (no device MMU) – 2^24',
    source:
      "a generic virtio device has no device MMU (the talk's device-MMU spec support is a proposal, facts.md " +
      'intro), so device-mmu isolation is rejected at the first instance; mlx5 sets its own',
  },
  {
    path: 'limits.deviceMemoryBytes',
    value: size('128MiB'),
    unit: 'bytes',
    range: '8 MiB–4 GiB',
    source:
      'estimate: device memory (on-die SRAM or host-backed context tables) for instance state; 131,072 instances at 1 KiB',
  },
  {
    path: 'limits.instanceMemoryBytes',
    value: 1024,
    unit: 'bytes',
    range: '512 B–16 KiB',
    source:
      'estimate: 3 queue contexts (≈ 64–128 B each) + ≈ 28 B virtio_net_config (facts.md §1) + 16-byte ' +
      'interrupt messages + keys, rounded up to 1 KiB',
  },
];
