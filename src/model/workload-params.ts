/**
 * Section `workload`: what the instances do. Instances are split into groups (tenants), each
 * with its own data traffic and control load; rates are per instance, `share` or `count` sizes
 * a group. The scenario layer resolves the groups into `GroupConfig`s (config.ts): shares into
 * counts, bit rates into packet rates.
 */
import { CONTROL_OPS } from './config.js';
import {
  byDefault,
  choice,
  count,
  duration,
  eventRate,
  form,
  group,
  name,
  real,
  required,
  section,
  size,
  sizeDistribution,
  trafficRate,
} from './params/param.js';

/** Most instances one simulation may hold (typed arrays of a few bytes per instance). */
export const MAX_INSTANCES = 10_000_000;
/** Most workload groups (instances store their group in 16 bits; reports need far fewer). */
export const MAX_GROUPS = 4096;
export const GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const traffic = group(
  'Data traffic of each instance of the group. Without it the group sends no packets.',
  {
    rate: trafficRate({
      description:
        'Offered load per instance: a packet rate (20kpps) or a bit rate (10Gbps, divided by the mean packet size).',
      origin: byDefault('0pps'),
    }),
    arrival: choice(['poisson', 'onoff', 'constant'], {
      description:
        'Packet arrivals: poisson, onoff (bursts: exponential on/off periods, rate applies while on), constant.',
      origin: byDefault('poisson'),
    }),
    onMean: duration({
      min: 0,
      exclusiveMin: true,
      description: 'onoff: mean on period.',
      origin: byDefault('1ms'),
    }),
    offMean: duration({
      min: 0,
      exclusiveMin: true,
      description: 'onoff: mean off period.',
      origin: byDefault('1ms'),
    }),
    packetSize: sizeDistribution({
      description:
        'Packet size: a size (1500B) or a distribution of sizes, e.g. {dist: empirical, values: [64B, 1500B]}.',
      origin: byDefault('1500B'),
    }),
    direction: choice(['rx', 'tx', 'both'], {
      description: 'rx (from the wire), tx (from the guest) or both (half each).',
      origin: byDefault('both'),
    }),
    workingSet: size({
      min: 1,
      description:
        'Buffer memory one instance touches, e.g. 256KiB; mapped in pages of iommu.iotlb.pageSize.',
      // 256 KiB = the pcie-bench window where a 64-entry IOTLB of 4 KiB pages starts to miss [[neugebauer-pcie-2018]].
      origin: byDefault('256KiB'),
      cite: ['neugebauer-pcie-2018'],
    }),
    locality: form<{ kind: 'uniform' } | { kind: 'zipf'; exponent: number }>('locality', {
      description:
        'Which pages of the working set a DMA touches: uniform, or {zipf: exponent} (popular pages first).',
      origin: byDefault('uniform'),
    }),
  },
  { title: 'traffic' },
);

/**
 * A DMA microbenchmark in the pcie-bench methodology [[neugebauer-pcie-2018]]: each instance of
 * the group is one requester that keeps `outstanding` DMA requests of `size` bytes in flight over
 * a host buffer `window`, closed loop. docs/validation.md maps pcie-bench's options to these keys.
 */
const dma = group(
  'A DMA microbenchmark instead of packet traffic (pcie-bench): each instance keeps `outstanding` requests in flight over a host buffer window.',
  {
    op: choice(['read', 'write', 'read-write'], {
      description:
        'read (DMA from host memory), write (posted DMA to host memory) or read-write (a write, then a read of the same bytes).',
      origin: byDefault('read'),
    }),
    size: size({
      min: 1,
      max: 4096,
      description: 'Bytes per DMA request, e.g. 64B (at most 4KiB, the largest PCIe read request).',
      cite: ['pcie-model'],
      origin: byDefault('64B'),
    }),
    window: size({
      min: 1,
      description:
        'Host buffer the requests address, e.g. 4MiB; mapped in pages of iommu.iotlb.pageSize (one translation context per instance).',
      origin: byDefault('8KiB'),
    }),
    pattern: choice(['random', 'sequential'], {
      description:
        'random: each request at a uniformly drawn size-aligned offset; sequential: consecutive offsets, wrapping.',
      origin: byDefault('random'),
    }),
    outstanding: count(
      { min: 1, max: 1024, why: 'PCIe 10-bit tags allow 1024 outstanding non-posted requests per function' },
      {
        unit: 'requests',
        description:
          'DMA requests the instance keeps in flight: a new one is issued as soon as one completes.',
        cite: ['linux-pci-regs'],
        origin: byDefault(32),
      },
    ),
    cache: choice(['warm', 'cold'], {
      description:
        'warm: the requests also run during the warm-up, so the translation caches hold the window when measurement starts; cold: they start at the measured window, with nothing cached.',
      origin: byDefault('cold'),
    }),
  },
);

const io = group(
  'Block requests of each instance of a blk group (fio-like): open loop at `rate`, or closed loop with `iodepth` outstanding.',
  {
    rate: eventRate({
      description: 'Open loop: requests per second per instance (Poisson), e.g. 10k/s. Give rate or iodepth.',
      origin: { from: 'absent', means: 'closed loop (iodepth)' },
    }),
    iodepth: count(
      { min: 1, max: 65_536 },
      {
        unit: 'requests',
        description:
          'Closed loop: requests each instance keeps outstanding (fio iodepth); a completion issues the next at once.',
        origin: { from: 'absent', means: 'open loop (rate)' },
      },
    ),
    size: sizeDistribution({
      description: 'Request size: 4KiB, or a distribution such as {dist: empirical, values: [4KiB, 128KiB]}.',
      origin: byDefault('4KiB'),
    }),
    read: real(
      { min: 0, max: 1 },
      {
        unit: 'fraction',
        description: 'Fraction of requests that are reads (VIRTIO_BLK_T_IN); the rest are writes.',
        origin: byDefault(0.7),
      },
    ),
    pattern: choice(['random', 'sequential'], {
      description:
        'Offsets: random (uniform, blkSize-aligned) or sequential (each request follows the last).',
      origin: byDefault('random'),
    }),
    span: size({
      min: 4096,
      description:
        'Disk region each instance addresses, e.g. 1GiB; its pages are the buffers requests DMA into (the page cache).',
      origin: byDefault('1GiB'),
    }),
  },
);

const control = group(
  'Control load of each instance of the group. Without it the group issues no control operations.',
  {
    rate: eventRate({
      description: 'Control operations per second per instance, e.g. 50/s.',
      origin: byDefault('0/s'),
    }),
    ops: form<Record<string, number>>('opsMix', {
      description: `Operation mix, op → weight: ${CONTROL_OPS.join(', ')}. Default: config-read only.`,
      // A bare control rate means config reads (README, "Scenario files").
      origin: byDefault({ 'config-read': 1 }),
    }),
    limit: group(
      "Token bucket over the whole group's control operations, whatever the admin-queue policy; none (or no limit key) for an unlimited tenant.",
      {
        rate: required(
          eventRate({
            min: 0,
            exclusiveMin: true,
            description: 'Sustained rate of the tenant, e.g. 5k/s.',
            origin: { from: 'absent', means: 'unlimited' },
          }),
        ),
        burst: required(
          count(
            { min: 1 },
            {
              unit: 'operations',
              description: 'Bucket size: operations admitted back to back.',
              origin: { from: 'absent', means: 'unlimited' },
            },
          ),
        ),
      },
      // Said in words rather than with a sentinel rate (1000M/s): charts and tables show it so.
      { title: 'control rate limit', none: 'no limit' },
    ),
  },
  { title: 'control' },
);

export const WORKLOAD = section(
  'workload',
  'What the instances do: groups (tenants) with per-instance traffic and control rates.',
  {
    groups: group(
      'One tenant: a share or count of the instances with its own traffic and control load.',
      {
        name: required(
          name(
            {
              pattern: GROUP_NAME,
              max: 64,
              message: "use letters, digits, '-' and '_' (it names the group in groups.csv)",
              missing: 'a group needs a name',
            },
            {
              description: "Tenant name, unique; 'all' is reserved for the aggregate.",
              origin: { from: 'absent', means: 'required' },
            },
          ),
        ),
        share: real(
          { min: 0, max: 1, exclusiveMin: true },
          {
            unit: 'fraction',
            description: 'Fraction of `instances` in this group (shares sum to 1).',
            origin: { from: 'derived', how: 'every instance when there is one group' },
          },
        ),
        count: count(
          { min: 0, max: MAX_INSTANCES },
          {
            unit: 'instances',
            description: 'Instances in this group (counts sum to `instances`).',
            origin: { from: 'derived', how: 'from the shares' },
          },
        ),
        device: choice(['net', 'blk'], {
          description: 'Device type of the instances: net (virtio-net, traffic) or blk (virtio-blk, io).',
          origin: byDefault('net'),
        }),
        traffic,
        dma,
        io,
        control,
        adminQueue: count(
          { min: 0, max: 65_534 },
          {
            unit: 'queue',
            description: "Admin queue this tenant's commands use (< adminq.queues). Default: 0.",
            origin: byDefault(0),
          },
        ),
      },
      {
        repeated: {
          min: 1,
          max: MAX_GROUPS,
          description: 'The tenants. Default: one group `default` with every instance and no traffic.',
        },
      },
    ),
  },
);
