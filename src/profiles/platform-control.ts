/**
 * Platform defaults of `transport.*` and `adminq.*`: control-path costs of every transport.
 * Each `source` names the facts.md section and its primary source, or starts with 'estimate:'.
 */
import { ms, us } from '../util/units.js';
import { ADMINQ_SERVICE_PARAMS } from './platform-adminq.js';
import { exponential, fixed, type ProfileParam } from './profile.js';

export const PLATFORM_TRANSPORT: ProfileParam[] = [
  {
    path: 'transport.mmioRead',
    value: fixed(us(1)),
    unit: 'dist(ns)',
    range: '0.5–5 µs',
    source:
      'facts.md §2 "MMIO read (non-posted)": use 1 µs for a hardware register; ≈ 5–5.5 µs readl on Xeon E5 ' +
      '(StackOverflow q/17770823), ≥ 2 µs on an FPGA BAR (Intel community) [anec]',
  },
  {
    path: 'transport.mmioWriteNs',
    value: 150,
    unit: 'ns',
    range: '50–300 ns',
    source:
      'facts.md §2 "MMIO write (posted)": UC writes 50–300 ns apart, suggested default mmio_write_issue_gap ' +
      '0.15 µs (Intel community thread) [anec]',
  },
  {
    path: 'transport.fwEmulationNs',
    value: 0,
    unit: 'ns',
    range: '0 (hardware register) – 20 µs (firmware-emulated)',
    source:
      'facts.md §2 "MMIO read": add firmware time when device firmware emulates registers (SmartNIC/DPU ' +
      'virtio emulation); 0 for a hardware register; no public number for the firmware time',
  },
  {
    path: 'transport.deviceCmdService',
    value: exponential(us(100)),
    unit: 'dist(ns)',
    range: '10 µs–1.5 ms',
    source:
      'estimate: firmware applies one class/command with ≤ 256 bytes of data, like a hardware CVQ command ' +
      '(device.hwCvqService); upper end one firmware command (facts.md §6, mlx5 [meas, derived])',
  },
  {
    path: 'transport.deviceCmdDataBytes',
    value: 256,
    unit: 'bytes',
    range: '1–256',
    source:
      'the talk: virtio_pci_device_cmd_cap command-specific-data[256] (a proposal, not in virtio-spec; facts.md intro)',
  },
  {
    path: 'transport.ucStoreNs',
    value: 150,
    unit: 'ns',
    range: '50–600 ns',
    source:
      'facts.md §2 "MMIO write (posted)": 256 B as 32 × 8-byte UC stores costs ≈ 3–20 µs, i.e. ≈ 100–600 ns ' +
      'per store; default = the 0.15 µs issue gap (Intel community thread) [anec]',
  },
  {
    path: 'transport.pollIntervalNs',
    value: us(1),
    unit: 'ns',
    range: '0.1–100 µs',
    source:
      'estimate: back-to-back ack polls; each poll is itself a non-posted read (≈ 1 µs, transport.mmioRead), ' +
      'so polling faster gains nothing',
  },
  {
    path: 'transport.vfCreate',
    value: fixed(ms(400)),
    unit: 'dist(ns)',
    range: '0.34–0.52 s per VF',
    source:
      'facts.md §2 "SR-IOV VF creation time": i40e 22 s / 64 VFs ≈ 0.34 s (nmstate PR #1704) [anec]; ' +
      'ConnectX-6 Lx 65 s / 125 VFs ≈ 0.52 s (sriov-network-operator #1015) [anec]; suggested default 0.4 s',
  },
  {
    path: 'transport.vendorSlots',
    value: 31,
    unit: 'slots',
    range: '1–31',
    source:
      'facts.md §6 "mlx5 command interface": MLX5_MAX_COMMANDS = 32, max_reg_cmds = 2^log_sz − 1 = 31, ' +
      'mlx5/core/cmd.c [spec] — the one public vendor channel, used as the template',
  },
  {
    path: 'transport.vendorThrottledSlots',
    value: 16,
    unit: 'slots',
    range: '1–31',
    source:
      'facts.md §6 "mlx5 command interface": throttle semaphore ceil(max_reg_cmds / 2) = ceil(31 / 2) = 16, cmd.c [spec]',
  },
  {
    path: 'transport.vendorService',
    value: fixed(ms(1.1)),
    unit: 'dist(ns)',
    range: '0.5–1.5 ms',
    source:
      'facts.md §6 "Firmware command latency": 1.1 ms per serialized VQ-modify command = 37 ms suspend / 32 VQs ' +
      '("vdpa/mlx5: Parallelize device suspend/resume", D. Tatulea, Aug 2024) [meas, derived]',
  },
  {
    path: 'transport.createConfigBytes',
    value: 32,
    unit: 'bytes',
    range: '28–256',
    source:
      'facts.md §1 "virtio_net_config" ≈ 28 bytes, rounded up to whole 8-byte stores = 32; ' +
      "the talk's managed_dev_cap config[256] is the ceiling (a proposal, not in virtio-spec)",
  },
  {
    path: 'transport.createService',
    value: { dist: 'lognormal', mean: ms(5), cv: 0.5 },
    unit: 'dist(ns)',
    range: '0.5–50 ms',
    source:
      'estimate: building a managed device = allocating its contexts plus ≈ 3–5 firmware operations at ≈ 1.1 ms ' +
      'each (facts.md §6 "Firmware command latency") ≈ 5 ms',
  },
];

export const PLATFORM_ADMINQ: ProfileParam[] = [
  {
    path: 'adminq.queues',
    value: 1,
    unit: 'queues',
    range: '1–N (admin_queue_num)',
    source:
      'facts.md suggested defaults avq_count = 1; an owner may expose more (facts.md §1 "PCI discovery of AVQs", ' +
      'virtio-spec transport-pci.tex [spec])',
  },
  {
    path: 'adminq.depth',
    value: 32,
    unit: 'entries',
    range: '30–4096',
    source:
      'facts.md §6 "NVMe admin queue practice": NVME_AQ_DEPTH = 32, include/linux/nvme.h [spec]; NVMe allows 4096 [mem]',
  },
  {
    path: 'adminq.workers',
    value: 16,
    unit: 'workers',
    range: '1–31',
    source:
      'facts.md §6 "mlx5 command interface": a device command channel acts as ≈ 31 parallel servers with a ≈ 16-server ' +
      'pool for heavy commands (cmd.c) [spec]; AVQ device concurrency is unpublished, 16 = the heavy-command pool',
  },
  ...ADMINQ_SERVICE_PARAMS,
  {
    path: 'adminq.mode',
    value: 'async',
    unit: 'mode',
    range: 'async | sync',
    source:
      'facts.md §1 "Linux driver behaviour for the AVQ": current kernels are interrupt-driven with several commands ' +
      'in flight; the first (2023) driver serialized them under a mutex and busy-polled (sync), virtio_pci_modern.c [spec]',
  },
  {
    path: 'adminq.retryBackoffNs',
    value: us(10),
    unit: 'ns',
    range: '1 µs–1 ms',
    source:
      'estimate: the spec asks the driver to retry EAGAIN (facts.md §1 "Status codes", admin.tex [spec]) without a ' +
      'delay; 10 µs ≈ a few command submissions',
  },
  {
    path: 'adminq.retryBackoffFactor',
    value: 2,
    unit: '×',
    range: '1–2',
    source:
      'estimate: binary exponential backoff; 1 = the constant spin-and-retry of the Linux AVQ on −ENOSPC (facts.md §1)',
  },
  {
    path: 'adminq.retryBackoffMaxNs',
    value: ms(1),
    unit: 'ns',
    range: '10 µs–10 ms',
    source:
      'estimate: cap binary backoff near one heavy admin command (VQ_ENABLE ≈ 1.1 ms, facts.md §5 mlx5_vdpa ' +
      'suspend/resume [meas]) so a retrying driver re-polls about once per command completion',
  },
  {
    path: 'adminq.deviceInflightLimit',
    value: 32,
    unit: 'commands',
    range: 'adminq.workers – adminq.depth',
    source:
      'estimate: the device accepts what one full admin queue holds (adminq.depth); set lower to make it answer ' +
      'EAGAIN/NORESOURCE (facts.md §1 "Status codes")',
  },
  {
    path: 'adminq.submitNs',
    value: us(1),
    unit: 'ns',
    range: '0.3–5 µs',
    source:
      'estimate: build a 2-descriptor chain with 24 + 8 header bytes (facts.md §1 "Command format", admin.tex) and ' +
      'ring the doorbell (0.15 µs posted write, facts.md §2)',
  },
];
