import { blkBackends } from './blk-backends.js';

blkBackends.register({
  kind: 'blkBackend',
  name: 'ramdisk',
  summary: 'in-kernel ramdisk (vdpa_sim_blk)',
  description:
    'A kernel worker copies each request between guest memory and a ramdisk in host memory (blk.perByte, a memcpy), after a wake-up when it was idle (blk.wakeup); every nanosecond is host CPU.',
  cite: ['linux-vdpa-sim-blk'],
  uses: [],
  ignores: [
    {
      path: 'blk.messageRoundTrip',
      why: 'blk.backend is ramdisk: the kernel worker needs no userspace round trip',
    },
    { path: 'blk.batch', why: 'blk.backend is ramdisk: no userspace daemon' },
  ],
  offersBlk: true,
  onHost: true,
  holdNs: (blk, _device, work) => (work.woke ? blk.wakeup : 0) + work.serviceNs + blk.perByte * work.bytes,
});
