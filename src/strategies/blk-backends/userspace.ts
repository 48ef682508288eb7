import { blkBackends } from './blk-backends.js';

blkBackends.register({
  kind: 'blkBackend',
  name: 'userspace',
  summary: 'VDUSE daemon, bounce buffers',
  description:
    'A userspace daemon (VDUSE) serves each request: the kernel↔daemon round trip (blk.messageRoundTrip, shared by up to blk.batch requests that queue), a copy of every byte through the bounce buffers (device.copyPerByte) plus its own backend work (blk.service, blk.perByte), and a wake-up when idle (blk.wakeup); all host CPU.',
  cite: ['linux-vduse'],
  uses: ['blk.messageRoundTrip', 'blk.batch'],
  ignores: [],
  offersBlk: true,
  onHost: true,
  holdNs: (blk, device, work) =>
    (work.woke ? blk.wakeup + blk.messageRoundTrip : blk.messageRoundTrip / blk.batch) +
    work.serviceNs +
    (device.copyPerByte + blk.perByte) * work.bytes,
});
