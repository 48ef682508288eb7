/**
 * vdpa_sim: the kernel vDPA simulator (vdpa_sim_net). A kthread worker loops TX back to RX
 * through vringh over a software IOTLB, under a device spinlock: CPU bound, no PCIe, used for
 * functional testing and CI. Only what differs from the platform profile is listed.
 */
import { us } from '../util/units.js';
import { between, exponential, fixed, type ParentProfile } from './profile.js';
import { HOST_MEMORY_DMA_READ, KERNEL_MMIO_WRITE, SOFTWARE_IMS_ENTRIES } from './software-parent.js';

/** vdpa_sim_net: RX, TX and CVQ. */
const VDPASIM_NET_VQS = 3;
/** vhost-vdpa minor-number space (2^20 devices) × 3 VQs: no hardware queue limit. */
const SOFTWARE_VQS = VDPASIM_NET_VQS * 2 ** 20;

export const VDPA_SIM_PROFILE: ParentProfile = {
  name: 'vdpa_sim',
  description:
    'Kernel software device: TX→RX loopback in a kthread, software IOTLB, CPU bound, for functional testing',
  behaviour: [
    'Software data path in the kernel (device.dataPath software): a kthread worker loops TX back to RX through vringh under a device spinlock, copying every byte twice (device.copyPerByte) and waking per batch (device.wakeup); CPU bound, no PCIe (device.enginePerByte 0, device.dmaRead a host-memory access).',
    'Software IOTLB of 2048 entries per address space (iommu.iotlb.entries, module parameter max_iotlb_entries); a lookup is an interval-tree search, not a page walk (iommu.missPenalty).',
    '3 VQs per instance: 1 pair + CVQ (limits.maxQueuesPerInstance 3), with 2 address spaces and 2 VQ groups so the CVQ can sit in its own ASID for a shadow CVQ; CVQ commands such as MAC_ADDR_SET are handled in software (device.hwCvqService).',
    'No PCI function (limits.totalVfs 0), no hardware queue limit (limits.hwVqs) and no interrupt message store (limits.imsEntries: interrupts are eventfd signals); config accesses are function calls (transport.mmioRead, transport.mmioWrite) and doorbells are trapped (device.kick). Queues up to VDPASIM_QUEUE_MAX = 256 entries, the platform device.queueSize.',
    'Block device (vdpa_sim_blk, blk.backend ramdisk): one request queue (VDPASIM_BLK_VQ_NUM), seg_max 32 of size_max 4 KiB (128 KiB per request), 512-byte blocks; the kthread worker copies each request to or from a ramdisk in host memory (blk.perByte) through the software IOTLB, after a wake-up (blk.wakeup).',
  ],
  cite: ['linux-vdpa-sim'],
  params: [
    {
      path: 'blk.backend',
      value: 'ramdisk',
      unit: 'strategy',
      rangeNote: 'hardware | ramdisk | userspace | none',
      basis: 'design',
      cite: ['linux-vdpa-sim-blk'],
      note: 'vdpa_sim_blk serves requests from a ramdisk in host memory (vmalloc’ed, shared or per device)',
    },
    {
      path: 'blk.segMax',
      value: 32,
      unit: 'segments',
      rangeNote: 'VDPASIM_BLK_SEG_MAX',
      basis: 'spec',
      cite: ['linux-vdpa-sim-blk'],
      note: 'VDPASIM_BLK_SEG_MAX = 32',
    },
    {
      path: 'blk.workers',
      value: 4,
      unit: 'threads',
      range: between(1, 64),
      rangeNote: 'at most limits.hostCpus',
      basis: 'estimate',
      cite: ['linux-vdpa-sim-blk'],
      note: 'each device has one kthread worker; their requests share the host cores, as device.engines',
    },
    {
      path: 'blk.service',
      value: fixed(us(1.5)),
      unit: 'dist(ns)',
      range: between(us(0.5), us(5)),
      basis: 'estimate',
      cite: [],
      note: 'vringh walk of the chain (header, data, status) and the request decode, as device.engineService',
    },
    {
      path: 'blk.perByte',
      value: 0.1,
      unit: 'ns/byte',
      range: between(0.05, 0.5),
      basis: 'estimate',
      cite: [],
      note: 'one memcpy between guest memory and the ramdisk at ≈ 10 GB/s per core',
    },
    {
      path: 'blk.wakeup',
      value: us(3),
      unit: 'ns',
      range: between(us(1), us(20)),
      basis: 'estimate',
      cite: [],
      note: 'the kthread worker is queued and scheduled after a kick, as device.wakeup',
    },
    {
      path: 'device.dataPath',
      value: 'software',
      unit: 'kind',
      rangeNote: 'hardware | vduse | software',
      basis: 'design',
      cite: ['linux-vdpa-sim'],
      note: 'TX→RX loopback in a kthread worker under a device spinlock, vringh over a software IOTLB',
    },
    {
      path: 'device.copyPerByte',
      value: 0.2,
      unit: 'ns/byte',
      range: between(0.1, 1),
      basis: 'estimate',
      cite: ['linux-vdpa-sim'],
      note:
        'two vringh copies per packet (pull from the TX buffer, push into the RX buffer) at ≈ 0.1 ns/byte each ' +
        '(≈ 10 GB/s memcpy per core)',
    },
    {
      path: 'device.wakeup',
      value: us(3),
      unit: 'ns',
      range: between(us(1), us(20)),
      basis: 'estimate',
      cite: ['linux-vdpa-sim'],
      note: 'a kick queues the device work and a kthread worker wakes to run it',
    },
    {
      path: 'device.engines',
      value: 4,
      unit: 'threads',
      range: between(1, 64),
      rangeNote: 'at most limits.hostCpus',
      basis: 'estimate',
      cite: [],
      note: 'each device has its own kthread worker; the host cores left to them (4, the rest run guests) bound the parallelism',
    },
    {
      path: 'device.engineService',
      value: fixed(us(1.5)),
      unit: 'dist(ns)',
      range: between(us(0.5), us(5)),
      basis: 'estimate',
      cite: [],
      note:
        'per-packet vringh descriptor fetches, software IOTLB lookups and used-ring updates under the device ' +
        'spinlock, copy excluded',
    },
    {
      path: 'device.enginePerByte',
      value: 0,
      unit: 'ns/byte',
      rangeNote: '0: no payload crosses PCIe',
      basis: 'design',
      cite: [],
      note: 'no PCIe payload DMA: the per-byte cost is the vringh copy, device.copyPerByte',
    },
    HOST_MEMORY_DMA_READ,
    {
      path: 'device.kick',
      value: us(2),
      unit: 'ns',
      range: between(us(1), us(5)),
      basis: 'estimate',
      cite: ['linux-kvm-posted-timer'],
      note: 'no mapped notify area by default, so the guest doorbell traps: a VM exit (≈ 0.71 µs) plus the ioeventfd relay',
    },
    {
      path: 'device.hwCvqService',
      value: exponential(us(2)),
      unit: 'dist(ns)',
      range: between(us(1), us(20)),
      basis: 'estimate',
      cite: ['linux-vdpa-sim'],
      note:
        'the worker handles CVQ commands such as MAC_ADDR_SET in software: a descriptor fetch and a config update ' +
        'under the spinlock',
    },
    {
      path: 'limits.maxQueuesPerInstance',
      value: VDPASIM_NET_VQS,
      unit: 'VQs',
      rangeNote: 'fixed by the driver',
      basis: 'spec',
      cite: ['linux-vdpa-sim'],
      note: 'vdpa_sim_net has 3 VQs (RX, TX, CVQ), 2 address spaces and 2 VQ groups',
    },
    {
      path: 'limits.totalVfs',
      value: 0,
      unit: 'VFs',
      rangeNote: '0: no PCI function',
      basis: 'design',
      cite: ['iproute2-vdpa'],
      note: 'no PCI function: vdpa_sim devices are created with `vdpa dev add` on the vdpasim_net mgmtdev',
    },
    {
      path: 'limits.notifyPerQueue',
      value: 0,
      unit: 'bytes',
      rangeNote: '0: no BAR',
      basis: 'design',
      cite: ['linux-vhost-vdpa'],
      note: 'no PCI BAR: a kick is an eventfd the kthread worker is woken by, no doorbell page to map',
    },
    {
      path: 'limits.vqGroups',
      value: 2,
      unit: 'groups',
      rangeNote: 'hard limit: data VQs and the CVQ',
      basis: 'spec',
      cite: ['linux-vdpa-groups'],
      note: 'vdpa_sim_net: VDPASIM_NET_GROUP_NUM = 2 groups and 2 address spaces (data VQs, CVQ)',
    },
    {
      path: 'limits.hwVqs',
      value: SOFTWARE_VQS,
      unit: 'VQs',
      rangeNote: 'memory-bound',
      basis: 'design',
      cite: ['linux-vduse'],
      note: 'no hardware queues; 3 VQs × the 2^20 vhost-vdpa minor-number space',
    },
    SOFTWARE_IMS_ENTRIES,
    {
      path: 'iommu.iotlb.entries',
      value: 2048,
      unit: 'entries',
      rangeNote: 'a module parameter; 0 = unlimited',
      basis: 'spec',
      cite: ['linux-vdpa-sim', 'linux-vhost'],
      note: 'max_iotlb_entries = 2048 per address space, as in vhost',
    },
    {
      path: 'iommu.missPenalty',
      value: 200,
      unit: 'ns',
      range: between(50, 1000),
      basis: 'estimate',
      cite: ['linux-vhost'],
      note: 'a software lookup in the vhost_iotlb interval tree, O(log n), instead of a hardware page walk',
    },
    {
      path: 'transport.mmioRead',
      value: fixed(100),
      unit: 'dist(ns)',
      range: between(50, 500),
      basis: 'estimate',
      cite: [],
      note: 'no PCIe; a config read is a kernel function call under the device spinlock',
    },
    KERNEL_MMIO_WRITE,
  ],
};
