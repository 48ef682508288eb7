/**
 * Platform defaults of `blk.*`: a virtio-blk device in hardware (a virtio-pci function, ifcvf or
 * vp_vdpa) whose requests an NVMe-like flash target serves. The instance shape is the spec's
 * single-queue device; the backend numbers are estimates with wide ranges.
 */
import { size, us } from '../util/units.js';
import { between, exponential, type ProfileParam } from './profile.js';

export const PLATFORM_BLK: ProfileParam[] = [
  {
    path: 'blk.numQueues',
    value: 1,
    unit: 'VQs',
    range: between(1, 64),
    rangeNote: 'more only with VIRTIO_BLK_F_MQ',
    basis: 'spec',
    cite: ['virtio-blk'],
    note: 'without VIRTIO_BLK_F_MQ a block device has exactly one request queue; Linux uses at most one per CPU',
  },
  {
    path: 'blk.queueSize',
    value: 256,
    unit: 'entries',
    range: between(64, 1024),
    rangeNote: 'a power of two ≤ 32768',
    basis: 'estimate',
    cite: ['virtio-rings'],
    note: 'as device.queueSize; with indirect descriptors one request takes one ring slot, so this is the queue depth',
  },
  {
    path: 'blk.segMax',
    value: 126,
    unit: 'segments',
    range: between(1, 254),
    basis: 'estimate',
    cite: ['virtio-blk'],
    note: 'a device typically offers queueSize − 2 segments (the header and status take two descriptors of a chain)',
  },
  {
    path: 'blk.sizeMax',
    value: size('4KiB'),
    unit: 'bytes',
    range: between(size('4KiB'), size('1MiB')),
    basis: 'estimate',
    cite: ['virtio-blk'],
    note: 'one page per segment, as the guest builds its scatter list from page-sized buffers',
  },
  {
    path: 'blk.blkSize',
    value: 512,
    unit: 'bytes',
    rangeNote: '512 or 4096 in practice',
    basis: 'spec',
    cite: ['virtio-blk'],
    note: 'the 512-byte sector the spec counts capacity and offsets in',
  },
  {
    path: 'blk.backend',
    value: 'hardware',
    unit: 'strategy',
    rangeNote: 'hardware | ramdisk | userspace | none',
    basis: 'design',
    cite: ['virtio-blk'],
    note: 'a hardware virtio-blk function serves requests in the device, or forwards them to its storage target',
  },
  {
    path: 'blk.workers',
    value: 128,
    unit: 'requests',
    range: between(16, 1024),
    basis: 'estimate',
    cite: [],
    note:
      'requests the target serves in parallel (flash dies and channels of an NVMe SSD); with blk.service 80 µs ' +
      'this caps the target near 128 / 80 µs ≈ 1.6 M IOPS, the class of a data-centre NVMe drive at 4 KiB',
  },
  {
    path: 'blk.service',
    value: exponential(us(80)),
    unit: 'dist(ns)',
    range: between(us(10), us(200)),
    basis: 'estimate',
    cite: [],
    note: 'a 4 KiB random read from TLC flash takes ≈ 80 µs; 10 µs for low-latency media, 200 µs for QLC or writes',
  },
  {
    path: 'blk.perByte',
    value: 0.14,
    unit: 'ns/byte',
    range: between(0.07, 0.57),
    basis: 'estimate',
    cite: [],
    note: 'the transfer of one request over a PCIe Gen4 x4 target link (≈ 7 GB/s); the link’s own bandwidth cap is not modelled',
  },
  {
    path: 'blk.wakeup',
    value: 0,
    unit: 'ns',
    rangeNote: '0: no host thread',
    basis: 'design',
    cite: [],
    note: 'the device serves requests without a host thread',
  },
  {
    path: 'blk.messageRoundTrip',
    value: 0,
    unit: 'ns',
    rangeNote: '0: no userspace daemon',
    basis: 'design',
    cite: [],
    note: 'no daemon: the device reads the ring itself',
  },
  {
    path: 'blk.batch',
    value: 1,
    unit: 'requests',
    rangeNote: 'userspace backends only',
    basis: 'design',
    cite: [],
    note: 'nothing to batch without a daemon round trip',
  },
];
