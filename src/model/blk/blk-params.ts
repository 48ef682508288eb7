/**
 * Section `blk`: the virtio-blk device a parent offers (its values come from the parent
 * profile; a scenario overrides them under the same keys). The instance shape follows the
 * spec's `virtio_blk_config` [[virtio-blk]]: `num_queues` request virtqueues (VIRTIO_BLK_F_MQ;
 * one without it), `seg_max` data segments of at most `size_max` bytes per request, and the
 * logical block size `blk_size`; a blk device has no control virtqueue. The backend that
 * serves the requests is a registered strategy (src/strategies/blk-backends/): an in-kernel
 * ramdisk (vdpa_sim_blk), a userspace daemon (VDUSE), a hardware target, or none (a parent
 * without a block device).
 */
import { MAX_QUEUE_SIZE } from '../data-path/device-params.js';
import { count, duration, latency, perByte, section, size, strategy } from '../params/param.js';

/** virtio-blk's sector: offsets and capacity are in 512-byte units whatever blk_size says [[virtio-blk]]. */
export const SECTOR_BYTES = 512;

export const BLK = section(
  'blk',
  'The virtio-blk device of the parent (instance shape and backend): overrides of the parent profile.',
  {
    numQueues: count(
      { min: 1, max: 65_535, why: 'virtio_blk_config.num_queues is 16 bits' },
      {
        unit: 'VQs',
        description:
          'Request virtqueues per blk instance (num_queues, VIRTIO_BLK_F_MQ); each takes one vector.',
        cite: ['virtio-blk'],
      },
    ),
    queueSize: count(
      { min: 1, max: MAX_QUEUE_SIZE, rule: { powerOfTwo: true } },
      {
        unit: 'entries',
        description:
          'Entries per request virtqueue: the requests one queue holds (indirect descriptors, one slot each).',
        cite: ['virtio-rings'],
      },
    ),
    segMax: count(
      { min: 1, max: 4_294_967_295, why: 'seg_max is a 32-bit field' },
      {
        unit: 'segments',
        description:
          'Most data segments per request (seg_max): a request larger than segMax × sizeMax is refused.',
        cite: ['virtio-blk'],
      },
    ),
    sizeMax: size({
      min: SECTOR_BYTES,
      description:
        'Largest data segment (size_max), e.g. 4KiB: a request of S bytes has ⌈S / sizeMax⌉ segments.',
      cite: ['virtio-blk'],
    }),
    blkSize: size({
      min: SECTOR_BYTES,
      rule: {
        oneOf: [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536],
        text: 'a power of two from 512B to 64KiB',
      },
      description: 'Logical block size (blk_size), e.g. 512B: request sizes are rounded up to it.',
      cite: ['virtio-blk'],
    }),
    backend: strategy('blkBackend', {
      description: 'Who serves the requests',
    }),
    workers: count(
      { min: 1, max: 1_000_000 },
      {
        unit: 'workers',
        description:
          'Requests the backend serves at once: host threads (ramdisk, userspace) or the target’s parallel slots (hardware).',
      },
    ),
    service: latency({
      description: 'Backend time per request before its bytes, e.g. {dist: exponential, mean: 80us}.',
    }),
    perByte: perByte({
      description: 'Backend time per data byte: the ramdisk memcpy, or the target’s media and link transfer.',
    }),
    wakeup: duration({
      description:
        'Wake-up of an idle host worker (the simulator’s kthread, the VDUSE daemon); 0 for hardware.',
    }),
    messageRoundTrip: duration({
      description:
        'VDUSE: the kernel↔daemon round trip of one request (the kick relayed as an eventfd, VDUSE_VQ_INJECT_IRQ back).',
    }),
    batch: count(
      { min: 1, max: 65_536 },
      {
        unit: 'requests',
        description: 'VDUSE: requests the daemon takes per round trip when they queue (1 = none batched).',
      },
    ),
  },
);
