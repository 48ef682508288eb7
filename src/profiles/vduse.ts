/**
 * VDUSE: a vDPA device whose data path runs in a userspace process. DMA goes through bounce
 * buffers that the daemon maps once, so the costs are host CPU (copies and wake-ups), not IOMMU
 * walks or PCIe. Only what differs from the platform profile is listed.
 */
import { size, us } from '../util/units.js';
import { between, exponential, fixed, type ParentProfile } from './profile.js';
import { HOST_MEMORY_DMA_READ, KERNEL_MMIO_WRITE, SOFTWARE_IMS_ENTRIES } from './software-parent.js';

/** VDUSE default bounce buffer per device (VDUSE_BOUNCE_SIZE = 64 × 1024 × 1024). */
const BOUNCE_BYTES = size('64MiB');
const BOUNCE_POOL_BYTES = size('256GiB');
/** vhost-vdpa/VDUSE minor-number space (2^20 devices) × 3 VQs: no hardware queue limit. */
const SOFTWARE_VQS = 3 * 2 ** 20;

export const VDUSE_PROFILE: ParentProfile = {
  name: 'vduse',
  description: 'Userspace device: data path in a host process, bounce buffers instead of IOMMU, CPU bound',
  behaviour: [
    'Data path in a userspace daemon (device.dataPath vduse): each buffer is copied through bounce pages (device.copyPerByte) and each batch of work wakes the daemon (device.wakeup); the host cores running it are the engines (device.engines, device.engineService); no PCIe (device.enginePerByte 0, device.dmaRead a host-memory access).',
    'No IOMMU translation on the data path: the daemon maps the bounce/IOVA regions once (VDUSE_IOTLB_GET_FD + mmap), so an IOTLB miss costs no walk (iommu.missPenalty 0); the cost moves into copies and wake-ups.',
    'Each instance holds a 64 MiB bounce buffer (limits.instanceMemory) out of host memory set aside for VDUSE (limits.deviceMemory): 4096 instances per 256 GiB.',
    'Control: config and status accesses the daemon must answer are VDUSE control messages, a round trip to userspace (transport.fwEmulation) with a 30 s timeout; cached config reads are kernel function calls (transport.mmioRead, transport.mmioWrite). The CVQ is served by the daemon (device.hwCvqService).',
    'No PCI function (limits.totalVfs 0), no hardware queue limit (limits.hwVqs) and no interrupt message store (limits.imsEntries: interrupts are eventfd signals); guest doorbells are trapped and relayed as eventfds (device.kick).',
    'Block device (blk.backend userspace): the daemon serves each request after a kernel↔daemon round trip (blk.messageRoundTrip: the kick as an eventfd, VDUSE_VQ_INJECT_IRQ back), copies its data through the bounce buffers (device.copyPerByte) and runs its own backend (blk.service, blk.perByte) on host threads (blk.workers); queued requests may share a round trip (blk.batch).',
  ],
  cite: ['linux-vduse'],
  params: [
    {
      path: 'blk.backend',
      value: 'userspace',
      unit: 'strategy',
      rangeNote: 'hardware | ramdisk | userspace | none',
      basis: 'design',
      cite: ['linux-vduse'],
      note: 'a userspace daemon (e.g. a storage daemon’s VDUSE export) serves the request queues',
    },
    {
      path: 'blk.workers',
      value: 4,
      unit: 'threads',
      range: between(1, 64),
      rangeNote: 'at most limits.hostCpus',
      basis: 'estimate',
      cite: [],
      note: 'daemon threads serving request queues, as device.engines',
    },
    {
      path: 'blk.service',
      value: fixed(us(1)),
      unit: 'dist(ns)',
      range: between(us(0.3), us(5)),
      basis: 'estimate',
      cite: [],
      note: 'userspace virtqueue processing and a memory backend’s submit per request, as device.engineService',
    },
    {
      path: 'blk.perByte',
      value: 0.1,
      unit: 'ns/byte',
      range: between(0.05, 0.5),
      basis: 'estimate',
      cite: [],
      note: 'the backend’s own copy into its memory at ≈ 10 GB/s, on top of the bounce copy (device.copyPerByte)',
    },
    {
      path: 'blk.wakeup',
      value: us(5),
      unit: 'ns',
      range: between(us(1), us(50)),
      basis: 'estimate',
      cite: ['linux-vduse'],
      note: 'an idle daemon thread is woken by the kick’s eventfd, as device.wakeup',
    },
    {
      path: 'blk.messageRoundTrip',
      value: us(3),
      unit: 'ns',
      range: between(us(1), us(20)),
      basis: 'estimate',
      cite: ['linux-vduse'],
      note:
        'per request: reading the kick eventfd and the VDUSE_VQ_INJECT_IRQ ioctl, two system calls of ≈ 1–1.5 µs ' +
        'each on a mitigated host; tens of µs when the daemon is descheduled',
    },
    {
      path: 'device.dataPath',
      value: 'vduse',
      unit: 'kind',
      rangeNote: 'hardware | vduse | software',
      basis: 'design',
      cite: ['linux-vduse'],
      note:
        'DMA is copied through bounce pages (virtio-vdpa) or user memory is mapped (vhost-vdpa): a memcpy per ' +
        'buffer plus userspace wake-ups',
    },
    {
      path: 'device.copyPerByte',
      value: 0.1,
      unit: 'ns/byte',
      range: between(0.05, 0.5),
      basis: 'estimate',
      cite: ['linux-vduse'],
      note:
        'one memcpy per buffer through the bounce pages at ≈ 10 GB/s per core = 0.1 ns/byte; up to 0.5 with cold ' +
        'caches or across NUMA nodes',
    },
    {
      path: 'device.wakeup',
      value: us(5),
      unit: 'ns',
      range: between(us(1), us(50)),
      basis: 'estimate',
      cite: ['linux-vduse'],
      note:
        'an eventfd signal and the scheduling of the daemon thread per batch; 1 µs with a busy-polling daemon, ' +
        'tens of µs on a loaded host',
    },
    {
      path: 'device.engines',
      value: 4,
      unit: 'threads',
      range: between(1, 64),
      rangeNote: 'at most limits.hostCpus',
      basis: 'estimate',
      cite: [],
      note: "host cores running the daemon's data-path threads (the data path is CPU bound)",
    },
    {
      path: 'device.engineService',
      value: fixed(us(1)),
      unit: 'dist(ns)',
      range: between(us(0.3), us(5)),
      basis: 'estimate',
      cite: [],
      note: 'userspace virtqueue processing per packet (descriptor walk, backend submit), copy excluded',
    },
    {
      path: 'device.enginePerByte',
      value: 0,
      unit: 'ns/byte',
      rangeNote: '0: no payload crosses PCIe',
      basis: 'design',
      cite: [],
      note: 'no PCIe payload DMA: the per-byte cost is the bounce copy, device.copyPerByte',
    },
    HOST_MEMORY_DMA_READ,
    {
      path: 'device.kick',
      value: us(2),
      unit: 'ns',
      range: between(us(1), us(5)),
      basis: 'estimate',
      cite: ['linux-kvm-posted-timer'],
      note: 'no mappable notify area, so the guest doorbell traps: a VM exit (≈ 0.71 µs) plus the ioeventfd relay to the kernel',
    },
    {
      path: 'device.hwCvqService',
      value: exponential(us(10)),
      unit: 'dist(ns)',
      range: between(us(5), us(100)),
      basis: 'estimate',
      cite: [],
      note: 'the daemon serves the CVQ in userspace: a wake-up (device.wakeup, 5 µs) plus decode and apply',
    },
    {
      path: 'limits.totalVfs',
      value: 0,
      unit: 'VFs',
      rangeNote: '0: no PCI function',
      basis: 'design',
      cite: ['linux-vduse'],
      note: 'no PCI function: VDUSE devices are created by ioctl on /dev/vduse/control',
    },
    {
      path: 'limits.notifyPerQueue',
      value: 0,
      unit: 'bytes',
      rangeNote: '0: no BAR',
      basis: 'design',
      cite: ['linux-vduse'],
      note: 'no PCI BAR: the daemon learns of a kick through the virtqueue eventfd, no doorbell page to map',
    },
    {
      path: 'limits.hwVqs',
      value: SOFTWARE_VQS,
      unit: 'VQs',
      rangeNote: 'memory-bound',
      basis: 'design',
      cite: ['linux-vduse'],
      note: 'no hardware queues; 3 VQs × the 2^20 minor-number space, so host memory (limits.deviceMemory) binds first',
    },
    SOFTWARE_IMS_ENTRIES,
    {
      path: 'limits.instanceMemory',
      value: BOUNCE_BYTES,
      unit: 'bytes',
      range: between(size('1MiB'), size('1GiB')),
      basis: 'spec',
      cite: ['linux-vduse'],
      note: 'the default bounce buffer is 64 MiB, configurable from 1 MiB to 1 GiB per device',
    },
    {
      path: 'limits.deviceMemory',
      value: BOUNCE_POOL_BYTES,
      unit: 'bytes',
      range: between(size('16GiB'), size('4TiB')),
      basis: 'estimate',
      cite: [],
      note: 'host memory set aside for bounce buffers; 256 GiB / 64 MiB = 4096 instances',
    },
    {
      path: 'iommu.missPenalty',
      value: 0,
      unit: 'ns',
      range: between(0, 1000),
      basis: 'design',
      cite: ['linux-vduse'],
      note:
        'the daemon maps the bounce/IOVA regions once (VDUSE_IOTLB_GET_FD + mmap), so a translation is a ' +
        'userspace pointer offset, not a page walk',
    },
    {
      path: 'transport.mmioRead',
      value: fixed(100),
      unit: 'dist(ns)',
      range: between(50, 500),
      basis: 'estimate',
      cite: [],
      note: 'no PCIe; a config read is a kernel function call returning cached device state',
    },
    KERNEL_MMIO_WRITE,
    {
      path: 'transport.fwEmulation',
      value: us(10),
      unit: 'ns',
      range: between(us(2), us(100)),
      rangeNote: 'the control-message timeout is 30 s',
      basis: 'estimate',
      cite: ['linux-vduse'],
      note:
        'an access the daemon must answer (status, VQ state) is a VDUSE control message round trip: two ' +
        'wake-ups ≈ 2 × 5 µs',
    },
  ],
};
