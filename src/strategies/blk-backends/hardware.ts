import { blkBackends } from './blk-backends.js';

blkBackends.register({
  kind: 'blkBackend',
  name: 'hardware',
  summary: 'a device or NVMe-like target',
  description:
    'The device serves requests itself, or forwards them to an NVMe-like target: blk.workers requests at once, each blk.service plus blk.perByte per byte, DMA through the platform IOMMU; no host CPU.',
  cite: ['virtio-blk'],
  uses: [],
  ignores: [
    { path: 'blk.wakeup', why: 'blk.backend is hardware: no host thread to wake' },
    { path: 'blk.messageRoundTrip', why: 'blk.backend is hardware: no userspace daemon' },
    { path: 'blk.batch', why: 'blk.backend is hardware: no userspace daemon' },
  ],
  offersBlk: true,
  onHost: false,
  holdNs: (blk, _device, work) => work.serviceNs + blk.perByte * work.bytes,
});
