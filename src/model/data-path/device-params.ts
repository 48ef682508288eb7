/**
 * Section `device`: the data path and virtqueues of the parent (its values come from the parent
 * profile; a scenario overrides them under the same keys).
 */
import { choice, count, duration, latency, perByte, section, when } from '../params/param.js';

/** virtio caps a virtqueue at 32768 entries, a power of two for split rings [[virtio-rings]]. */
export const MAX_QUEUE_SIZE = 32_768;

/**
 * What each kind of data path means to the model: hardware engines DMA through the platform
 * IOMMU and may have device-side caches (ATS, a device MMU); vduse copies through bounce buffers
 * the daemon mapped once, so nothing is translated per access [[linux-vduse]]; software
 * (vdpa_sim) walks a software IOTLB on host cores [[linux-vdpa-sim]].
 */
export const DATA_PATH_KINDS = {
  hardware: { translates: true, deviceCaches: true, onHost: false },
  vduse: { translates: false, deviceCaches: false, onHost: true },
  software: { translates: true, deviceCaches: false, onHost: true },
} as const;
export type DataPathKindName = keyof typeof DATA_PATH_KINDS;
const KINDS = Object.keys(DATA_PATH_KINDS) as DataPathKindName[];

const HOST_DATA_PATH = when(
  'device.dataPath',
  ['vduse', 'software'],
  'device.dataPath is hardware (no host copies or wake-ups)',
);

export const DEVICE = section(
  'device',
  'Device data path and virtqueues: overrides of the parent profile.',
  {
    queuePairs: count(
      { min: 1, max: MAX_QUEUE_SIZE, why: 'virtio max_virtqueue_pairs' },
      {
        unit: 'pairs',
        description: 'RX/TX queue pairs per instance; each pair is two virtqueues.',
        cite: ['virtio-net'],
      },
    ),
    queueSize: count(
      { min: 1, max: MAX_QUEUE_SIZE, rule: { powerOfTwo: true } },
      {
        unit: 'entries',
        description: 'Descriptors per virtqueue: a power of two ≤ 32768 (virtio split ring).',
        cite: ['virtio-rings'],
      },
    ),
    engines: count(
      { min: 1, max: 1_000_000 },
      { unit: 'engines', description: 'Data-path pipelines of the device, shared by all instances.' },
    ),
    engineService: latency({
      description: 'Per-packet service time of one engine, excluding DMA waits and translation stalls.',
    }),
    enginePerByte: perByte({
      description: 'Extra engine time per payload byte (the DMA over the link), e.g. 0.28ns/B.',
    }),
    dataPath: choice(KINDS, {
      description:
        'Who runs the data path: hardware engines; vduse, a host process copying through bounce buffers; software, a kernel thread (vdpa_sim).',
    }),
    copyPerByte: perByte({
      description: 'Copy cost per byte through bounce buffers (vduse) or vringh (software), e.g. 0.1ns/B.',
      appliesWhen: [HOST_DATA_PATH],
    }),
    wakeup: duration({
      description: 'Wake-up of a vduse/software data path per batch of work.',
      appliesWhen: [HOST_DATA_PATH],
    }),
    hwCvqService: latency({ description: "Service time of one command on an instance's hardware CVQ." }),
    dmaRead: duration({
      description:
        'Round trip of one DMA request across PCIe (a ring read or a buffer transfer); hardware engines overlap up to device.dmaTags of them, host data paths wait for each ring access.',
    }),
    dmaTags: count(
      { min: 1, max: 1024, why: 'PCIe 10-bit tags allow 1024 outstanding non-posted requests per function' },
      {
        unit: 'requests',
        description:
          'DMA requests one engine keeps outstanding (its share of the function’s PCIe tags): a descriptor fetch or a packet’s buffer transfer holds one for its round trip and translation stall, so DMA latency is hidden up to tags / latency per engine.',
        cite: ['linux-pci-probe', 'linux-pci-regs'],
        appliesWhen: [
          when(
            'device.dataPath',
            ['hardware'],
            'device.dataPath is a host data path: its threads wait on each memory access',
          ),
        ],
      },
    ),
    descPrefetch: count(
      { min: 1, max: MAX_QUEUE_SIZE },
      {
        unit: 'descriptors',
        description:
          'Descriptors the device fetches from one virtqueue in one DMA read (avail ring + descriptor table), served in one turn before the engine moves to the next queue.',
        cite: ['virtio-rings', 'pcie-model'],
      },
    ),
    kick: duration({ description: 'Guest CPU cost of one doorbell (posted MMIO write).' }),
  },
  { title: 'device' },
);
