/**
 * VDUSE: a vDPA device whose data path runs in a userspace process. DMA goes through bounce
 * buffers that the daemon maps once, so the costs are host CPU (copies and wake-ups), not IOMMU
 * walks or PCIe. Only what differs from the platform profile is listed.
 */
import { size, us } from '../util/units.js';
import { exponential, fixed, type ParentProfile } from './profile.js';

/** VDUSE default bounce buffer per device (VDUSE_BOUNCE_SIZE = 64 × 1024 × 1024). */
const BOUNCE_BYTES = size('64MiB');
const BOUNCE_POOL_BYTES = size('256GiB');
/** vhost-vdpa/VDUSE minor-number space (2^20 devices) × 3 VQs: no hardware queue limit. */
const SOFTWARE_VQS = 3 * 2 ** 20;

export const VDUSE_PROFILE: ParentProfile = {
  name: 'vduse',
  description: 'Userspace device: data path in a host process, bounce buffers instead of IOMMU, CPU bound',
  behaviour: [
    'Data path in a userspace daemon (device.dataPath vduse): each buffer is copied through bounce pages (device.copyNsPerByte) and each batch of work wakes the daemon (device.wakeupNs); the host cores running it are the engines (device.engines, device.engineService); no PCIe (device.engineNsPerByte 0, device.dmaReadNs a host-memory access).',
    'No IOMMU translation on the data path: the daemon maps the bounce/IOVA regions once (VDUSE_IOTLB_GET_FD + mmap), so an IOTLB miss costs no walk (iommu.missPenaltyNs 0); the cost moves into copies and wake-ups.',
    'Each instance holds a 64 MiB bounce buffer (limits.instanceMemoryBytes) out of host memory set aside for VDUSE (limits.deviceMemoryBytes): 4096 instances per 256 GiB.',
    'Control: config and status accesses the daemon must answer are VDUSE control messages, a round trip to userspace (transport.fwEmulationNs) with a 30 s timeout; cached config reads are kernel function calls (transport.mmioRead, transport.mmioWriteNs). The CVQ is served by the daemon (device.hwCvqService).',
    'No PCI function (limits.totalVfs 0) and no hardware queue limit (limits.hwVqs); guest doorbells are trapped and relayed as eventfds (device.kickNs).',
  ],
  params: [
    {
      path: 'device.dataPath',
      value: 'vduse',
      unit: 'kind',
      range: 'vduse',
      source:
        'facts.md §5 "VDUSE": DMA is copied through bounce pages (virtio-vdpa) or user memory is mapped (vhost-vdpa); ' +
        'cost = a memcpy per buffer plus userspace wake-ups (drivers/vdpa/vdpa_user/vduse_dev.c) [spec]',
    },
    {
      path: 'device.copyNsPerByte',
      value: 0.1,
      unit: 'ns/byte',
      range: '0.05–0.5 ns/byte',
      source:
        'estimate: one memcpy per buffer through the bounce pages (facts.md §5 "VDUSE") at ≈ 10 GB/s per core = ' +
        '0.1 ns/byte; up to 0.5 with cold caches or across NUMA nodes',
    },
    {
      path: 'device.wakeupNs',
      value: us(5),
      unit: 'ns',
      range: '1–50 µs',
      source:
        'estimate: an eventfd signal and the scheduling of the daemon thread per batch (facts.md §5 "VDUSE": ' +
        '"userspace wakeups"); 1 µs with a busy-polling daemon, tens of µs on a loaded host',
    },
    {
      path: 'device.engines',
      value: 4,
      unit: 'threads',
      range: '1–limits.hostCpus',
      source: "estimate: host cores running the daemon's data-path threads (the data path is CPU bound)",
    },
    {
      path: 'device.engineService',
      value: fixed(us(1)),
      unit: 'dist(ns)',
      range: '0.3–5 µs',
      source:
        'estimate: userspace virtqueue processing per packet (descriptor walk, backend submit), copy excluded',
    },
    {
      path: 'device.engineNsPerByte',
      value: 0,
      unit: 'ns/byte',
      range: '0',
      source: 'no PCIe payload DMA: the per-byte cost is the bounce copy, device.copyNsPerByte',
    },
    {
      path: 'device.dmaReadNs',
      value: 100,
      unit: 'ns',
      range: '50–150 ns',
      source:
        'estimate: a ring entry is read from host memory (one cache-missing access, cf. iommu.walk.memAccessNs 75 ns), ' +
        'not across PCIe',
    },
    {
      path: 'device.kickNs',
      value: us(2),
      unit: 'ns',
      range: '1–5 µs',
      source:
        'estimate: no mappable notify area, so the guest doorbell traps: a VM exit (≈ 0.71 µs, facts.md §4) plus the ' +
        'ioeventfd relay to the kernel',
    },
    {
      path: 'device.hwCvqService',
      value: exponential(us(10)),
      unit: 'dist(ns)',
      range: '5–100 µs',
      source:
        'estimate: the daemon serves the CVQ in userspace: a wake-up (device.wakeupNs, 5 µs) plus decode and apply',
    },
    {
      path: 'limits.totalVfs',
      value: 0,
      unit: 'VFs',
      range: '0',
      source:
        'no PCI function: VDUSE devices are created by ioctl on /dev/vduse/control (facts.md §5 "VDUSE")',
    },
    {
      path: 'limits.hwVqs',
      value: SOFTWARE_VQS,
      unit: 'VQs',
      range: 'memory-bound',
      source:
        'estimate: no hardware queues; 3 VQs × the 2^20 minor-number space (facts.md §5 "VDUSE") so host memory ' +
        '(limits.deviceMemoryBytes) binds first',
    },
    {
      path: 'limits.instanceMemoryBytes',
      value: BOUNCE_BYTES,
      unit: 'bytes',
      range: '1 MiB–1 GiB',
      source:
        'facts.md §5 "VDUSE": default bounce buffer 64 MB (64 × 1024 × 1024 bytes), configurable 1 MB–1 GB per device, ' +
        'vduse_dev.c [spec]',
    },
    {
      path: 'limits.deviceMemoryBytes',
      value: BOUNCE_POOL_BYTES,
      unit: 'bytes',
      range: '16 GiB–4 TiB',
      source: 'estimate: host memory set aside for bounce buffers; 256 GiB / 64 MiB = 4096 instances',
    },
    {
      path: 'iommu.missPenaltyNs',
      value: 0,
      unit: 'ns',
      range: '0–1 µs',
      source:
        'the daemon maps the bounce/IOVA regions once (VDUSE_IOTLB_GET_FD + mmap; facts.md §5 "VDUSE": bounce pages ' +
        'or mapped user memory), so a translation is a userspace pointer offset, not a page walk',
    },
    {
      path: 'transport.mmioRead',
      value: fixed(100),
      unit: 'dist(ns)',
      range: '50–500 ns',
      source: 'estimate: no PCIe; a config read is a kernel function call returning cached device state',
    },
    {
      path: 'transport.mmioWriteNs',
      value: 50,
      unit: 'ns',
      range: '20–200 ns',
      source: 'estimate: no PCIe; a register write is a kernel function call storing to memory',
    },
    {
      path: 'transport.fwEmulationNs',
      value: us(10),
      unit: 'ns',
      range: '2–100 µs (timeout 30 s)',
      source:
        'estimate: an access the daemon must answer (status, VQ state) is a VDUSE control message round trip: two ' +
        'wake-ups ≈ 2 × 5 µs; the control-message timeout is 30 s (facts.md §5 "VDUSE", vduse_dev.c [spec])',
    },
  ],
};
