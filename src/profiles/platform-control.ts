/**
 * Platform defaults of `transport.*` and `adminq.*`: control-path costs of every transport.
 */
import { ms, us } from '../util/units.js';
import { ADMINQ_SERVICE_PARAMS } from './platform-adminq.js';
import { between, exponential, fixed, type ProfileParam } from './profile.js';

export const PLATFORM_TRANSPORT: ProfileParam[] = [
  {
    path: 'transport.mmioRead',
    value: fixed(us(1)),
    unit: 'dist(ns)',
    range: between(us(0.5), us(5)),
    basis: 'reported',
    cite: ['so-mmio-read', 'intel-forum-pio-read'],
    note:
      '1 µs for a hardware register; readl() of a NIC BAR took ≈ 5–5.5 µs on Xeon E5, an FPGA BAR read ≥ 2 µs ' +
      'on Xeon E3',
  },
  {
    path: 'transport.mmioWrite',
    value: 150,
    unit: 'ns',
    range: between(50, 300),
    basis: 'reported',
    cite: ['intel-forum-uc-writes'],
    note: 'uncached writes leave the core 50–300 ns apart; 0.15 µs of CPU issue time per posted write',
  },
  {
    path: 'transport.fwEmulation',
    value: 0,
    unit: 'ns',
    range: between(0, us(20)),
    rangeNote: '0 for a hardware register, up to 20 µs when firmware emulates it',
    basis: 'estimate',
    cite: [],
    note:
      'add firmware time when device firmware emulates registers (SmartNIC/DPU virtio emulation); 0 for a ' +
      'hardware register; no public number for the firmware time',
  },
  {
    path: 'transport.deviceCmdService',
    value: exponential(us(100)),
    unit: 'dist(ns)',
    range: between(us(10), us(1500)),
    basis: 'estimate',
    cite: ['mlx5-vdpa-suspend-2024'],
    note:
      'firmware applies one class/command with ≤ 256 bytes of data, like a hardware CVQ command ' +
      '(device.hwCvqService); the upper end is one ≈ 1.1 ms firmware command',
  },
  {
    path: 'transport.deviceCmdData',
    value: 256,
    unit: 'bytes',
    range: between(1, 256),
    basis: 'design',
    cite: ['wang-hyperscale-vdpa'],
    note: 'the proposed virtio_pci_device_cmd_cap carries command-specific-data[256] (not in the virtio spec)',
  },
  {
    path: 'transport.ucStore',
    value: 150,
    unit: 'ns',
    range: between(50, 600),
    basis: 'reported',
    cite: ['intel-forum-uc-writes'],
    note: '256 B as 32 × 8-byte UC stores costs ≈ 3–20 µs, i.e. ≈ 100–600 ns per store; default = the 0.15 µs issue gap',
  },
  {
    path: 'transport.pollInterval',
    value: us(1),
    unit: 'ns',
    range: between(us(0.1), us(100)),
    basis: 'estimate',
    cite: [],
    note: 'back-to-back ack polls; each poll is itself a non-posted read (≈ 1 µs, transport.mmioRead), so polling faster gains nothing',
  },
  {
    path: 'transport.vfCreate',
    value: fixed(ms(400)),
    unit: 'dist(ns)',
    range: between(ms(340), ms(520)),
    basis: 'reported',
    cite: ['nmstate-vf-creation', 'sriov-operator-vf-creation'],
    note: 'i40e: 22 s / 64 VFs ≈ 0.34 s per VF; ConnectX-6 Lx: 65 s / 125 VFs ≈ 0.52 s; 0.4 s between them, serial per PF',
  },
  {
    path: 'transport.vendorSlots',
    value: 31,
    unit: 'slots',
    range: between(1, 31),
    basis: 'spec',
    cite: ['linux-mlx5-cmd'],
    note: 'MLX5_MAX_COMMANDS = 32 with one slot kept for page requests: 31 regular slots (the one public vendor channel)',
  },
  {
    path: 'transport.vendorThrottledSlots',
    value: 16,
    unit: 'slots',
    range: between(1, 31),
    basis: 'spec',
    cite: ['linux-mlx5-cmd'],
    note: 'the throttle semaphore for heavy commands holds ⌈31 / 2⌉ = 16',
  },
  {
    path: 'transport.vendorService',
    value: fixed(ms(1.1)),
    unit: 'dist(ns)',
    range: between(ms(0.5), ms(1.5)),
    basis: 'derived',
    cite: ['mlx5-vdpa-suspend-2024'],
    note: '1.1 ms per serialised VQ-modify command = 37 ms suspend / 32 VQs',
  },
  {
    path: 'transport.vqCommands',
    value: 'serial',
    unit: 'mode',
    rangeNote: 'serial | parallel',
    basis: 'design',
    cite: ['virtio-pci', 'mlx5-vdpa-suspend-2024'],
    note:
      'register transports select and write one queue at a time (queue_select, queue_enable); a firmware channel may ' +
      'take them together, as mlx5_vdpa does since its 2024 parallelization (profile mlx5)',
  },
  {
    path: 'transport.createConfig',
    value: 32,
    unit: 'bytes',
    range: between(28, 256),
    basis: 'derived',
    cite: ['virtio-net', 'wang-hyperscale-vdpa'],
    note:
      'virtio_net_config ≈ 28 bytes, rounded up to whole 8-byte stores = 32; the proposed managed_dev_cap ' +
      'config[256] is the ceiling',
  },
  {
    path: 'transport.createService',
    value: { dist: 'lognormal', mean: ms(5), cv: 0.5 },
    unit: 'dist(ns)',
    range: between(ms(0.5), ms(50)),
    basis: 'estimate',
    cite: ['mlx5-vdpa-suspend-2024'],
    note: 'building a managed device = allocating its contexts plus ≈ 3–5 firmware operations at ≈ 1.1 ms each ≈ 5 ms',
  },
];

export const PLATFORM_ADMINQ: ProfileParam[] = [
  {
    path: 'adminq.queues',
    value: 1,
    unit: 'queues',
    rangeNote: 'a design choice: 1–65535 (admin_queue_num is 16 bits)',
    basis: 'spec',
    cite: ['virtio-pci'],
    note: 'one admin queue; an owner may expose more (admin_queue_index, admin_queue_num)',
  },
  {
    path: 'adminq.depth',
    value: 32,
    unit: 'entries',
    range: between(30, 4096),
    basis: 'spec',
    cite: ['linux-nvme-admin'],
    note: 'NVME_AQ_DEPTH = 32, the deployed practice for an admin queue; NVMe itself allows up to 4096 entries',
  },
  {
    path: 'adminq.workers',
    value: 16,
    unit: 'workers',
    range: between(1, 31),
    basis: 'estimate',
    cite: ['linux-mlx5-cmd'],
    note:
      'a device command channel acts as ≈ 31 parallel servers with a ≈ 16-server pool for heavy commands; ' +
      'admin-queue device concurrency is unpublished, 16 = the heavy-command pool',
  },
  ...ADMINQ_SERVICE_PARAMS,
  {
    path: 'adminq.mode',
    value: 'async',
    unit: 'mode',
    rangeNote: 'async | sync',
    basis: 'design',
    cite: ['linux-virtio-pci-admin'],
    note:
      'kernels since v6.11 complete admin commands by interrupt with several in flight (async); the first ' +
      'driver (v6.8–v6.10) serialised them under a mutex and busy-polled for each completion (sync)',
  },
  {
    path: 'adminq.driverWait',
    value: 'spin',
    unit: 'mode',
    rangeNote: 'spin | sleep',
    basis: 'design',
    cite: ['linux-virtio-pci-admin', 'linux-mutex-spin'],
    note:
      'a submitter that finds the ring full retries in a cpu_relax() loop (async driver), and waiters on the ' +
      "sync driver's mutex spin while its busy-polling owner runs: the time waited is host CPU. An upper " +
      'bound — a waiter preempted by other work burns less; sleep models a driver that waits on a queue',
  },
  {
    path: 'adminq.retryBackoff',
    value: us(10),
    unit: 'ns',
    range: between(us(1), ms(1)),
    basis: 'estimate',
    cite: ['virtio-admin'],
    note:
      'the spec asks the driver to retry a command the device completed with EAGAIN, without a delay; ' +
      '10 µs ≈ a few command submissions',
  },
  {
    path: 'adminq.retryBackoffFactor',
    value: 2,
    unit: '×',
    range: between(1, 2),
    basis: 'estimate',
    cite: [],
    note: 'binary exponential backoff, the textbook remedy for repeated refusals; 1 = a constant retry interval',
  },
  {
    path: 'adminq.retryBackoffMax',
    value: ms(1),
    unit: 'ns',
    range: between(us(10), ms(10)),
    basis: 'estimate',
    cite: ['mlx5-vdpa-suspend-2024'],
    note:
      'caps binary backoff near one heavy admin command (VQ_ENABLE ≈ 1.1 ms) so a refused driver asks again ' +
      'about once per command completion',
  },
  {
    path: 'adminq.deviceInflightLimit',
    value: 32,
    unit: 'commands',
    range: between(16, 64),
    rangeNote: 'from adminq.workers to adminq.queues × adminq.depth',
    basis: 'estimate',
    cite: ['virtio-admin'],
    note:
      'the device keeps state for what one full admin queue holds (adminq.depth); it fetches a command only ' +
      'with a free worker and room under this budget, so by default the 16 workers bind',
  },
  {
    path: 'adminq.heavyLimit',
    value: 0,
    unit: 'commands',
    range: between(0, 16),
    rangeNote: '0 = no limit (never EAGAIN); at most adminq.workers',
    basis: 'estimate',
    cite: ['virtio-admin', 'linux-mlx5-cmd'],
    note:
      'the spec lets a device complete a command with EAGAIN (no side effects, the driver retries), but no ' +
      'device documents a limit that triggers it — mlx5 firmware queues heavy commands on a semaphore ' +
      'instead — so by default nothing is refused',
  },
  {
    path: 'adminq.refusal',
    value: us(5),
    unit: 'ns',
    range: between(us(1), us(20)),
    basis: 'estimate',
    cite: ['virtio-admin'],
    note:
      'read the 24-byte command header and write the 8-byte status without touching an object: the low end ' +
      'of a firmware table access (adminq.service.CONFIG, 5–200 µs)',
  },
  {
    path: 'adminq.submit',
    value: us(1),
    unit: 'ns',
    range: between(us(0.3), us(5)),
    basis: 'estimate',
    cite: ['virtio-admin', 'intel-forum-uc-writes'],
    note: 'build a 2-descriptor chain with 24 + 8 header bytes and ring the doorbell (a 0.15 µs posted write)',
  },
];
