/**
 * Section `iommu`: DMA translation (IOTLB, page walks, PASID tables, ATS, the device MMU) and
 * invalidation. Values come from the parent profile.
 */
import { choice, count, duration, group, latency, optional, section, size, when } from '../params/param.js';

const KiB = 1024;
/** The page sizes an x86 IOMMU maps: 4 KiB, 2 MiB, 1 GiB. */
export const PAGE_SIZES: readonly number[] = [4 * KiB, 2 * KiB * KiB, KiB * KiB * KiB];
export const PAGE_SIZE_TEXT = '4KiB, 2MiB or 1GiB';

const ways = (what: string) =>
  count(
    { min: 0 },
    {
      unit: 'ways',
      description: `Associativity of the ${what}: 0 = fully associative; otherwise a divisor of entries.`,
    },
  );

const DYNAMIC = when(
  'iommu.mappings',
  ['dynamic'],
  'iommu.mappings is static: nothing is unmapped, so nothing is invalidated',
);
const LAZY = when('iommu.invalidation', ['lazy'], 'iommu.invalidation is strict (no batching)');
const STATIC = when(
  'iommu.mappings',
  ['static'],
  'iommu.mappings is dynamic: mlx5_vdpa under virtio_vdpa maps DMA through one PA-mode memory key, so the device MMU caches and builds nothing',
);

export const IOMMU = section(
  'iommu',
  'DMA translation: IOTLB, page walks, ATS, device MMU and invalidation.',
  {
    iotlb: group(
      'The platform IOTLB: a set-associative LRU cache of page translations.',
      {
        entries: count(
          { min: 1 },
          { unit: 'entries', description: 'Entries of the platform IOTLB (≈ 64 inferred by pcie-bench).' },
        ),
        ways: ways('platform IOTLB'),
        pageSize: size({
          rule: { oneOf: PAGE_SIZES, text: `${PAGE_SIZE_TEXT} (the IOMMU page sizes)` },
          description: `Page size of buffer mappings: ${PAGE_SIZE_TEXT}; hugepages multiply an entry's reach. Dynamic mappings take 4KiB only (a per-buffer map makes no larger entry).`,
          cite: ['farshin-iotlb-2023', 'linux-iommu-core'],
        }),
      },
      { title: 'IOTLB' },
    ),
    walk: group(
      'The page walk an IOTLB miss costs: levels × memory access time, (n+1)(m+1)−1 accesses when nested.',
      {
        levels: count(
          { min: 1, max: 5 },
          { unit: 'levels', description: 'Page-table levels of the platform (stage-two or only) table.' },
        ),
        guestLevels: count(
          { min: 0, max: 5 },
          {
            unit: 'levels',
            description: 'Levels of the guest (stage-one) table when translation is nested; 0 = not nested.',
          },
        ),
        memAccess: duration({ description: 'One memory access of a page walk.' }),
        pwcEntries: count(
          { min: 0 },
          { unit: 'entries', description: 'Paging-structure cache entries (0 = none).' },
        ),
        concurrency: count(
          { min: 0, max: 1024 },
          {
            unit: 'walks',
            description:
              'Page walks the IOMMU runs at once, for packets, block requests and DMA alike; a miss that finds them all busy waits for the first walker free. 0 = unlimited.',
            cite: ['pcie-bench-data'],
          },
        ),
      },
      { title: 'page-walk' },
    ),
    missPenalty: optional(
      duration({
        description:
          'A fixed IOTLB miss penalty that replaces the page-walk model, e.g. 300ns. Default: the walk.',
      }),
      'use the page walk',
    ),
    contextCache: count(
      { min: 0 },
      {
        unit: 'entries',
        description:
          'Context-cache entries (one per requester ID: a VF, or the parent function all its instances share); 0 = none.',
        cite: ['intel-vtd-spec'],
      },
    ),
    contextTableAccesses: count(
      { min: 0, max: 16 },
      {
        unit: 'accesses',
        description:
          'Memory accesses of an IOTLB miss whose context entry is not cached: the root entry and the context entry.',
        cite: ['intel-vtd-spec'],
      },
    ),
    pasidCache: count(
      { min: 0 },
      {
        unit: 'entries',
        description: 'PASID-cache entries (scalable mode: one per PASID); 0 = none.',
        cite: ['intel-vtd-spec'],
      },
    ),
    pasidTableAccesses: count(
      { min: 0, max: 16 },
      {
        unit: 'accesses',
        description:
          'Memory accesses of a scalable-mode IOTLB miss whose PASID entry is not cached: the PASID directory and table entries.',
        cite: ['intel-vtd-spec', 'linux-intel-pasid'],
      },
    ),
    devtlb: group(
      'Device TLB (PCIe ATS) in front of the platform IOMMU.',
      {
        entries: count(
          { min: 0 },
          { unit: 'entries', description: 'Entries of the device TLB (PCIe ATS); 0 = no ATS.' },
        ),
        ways: ways('device TLB'),
      },
      { title: 'device TLB' },
    ),
    atsRtt: duration({
      description: 'ATS translation request round trip on a device-TLB miss.',
    }),
    deviceMmu: group(
      'The device-side MMU of device-mmu isolation (mlx5 memory keys).',
      {
        entries: count(
          { min: 0 },
          { unit: 'entries', description: 'Entries of the device MMU cache (device-mmu isolation).' },
        ),
        ways: ways('device MMU cache'),
        fetch: duration({ description: 'Fetch of a device MMU table entry over PCIe on a miss.' }),
        keyBuild: duration({
          description:
            "Building an instance's memory keys from its guest memory map (set_map, once at provisioning with static mappings).",
          cite: ['linux-mlx5-vdpa-mr', 'mlx5-vdpa-mkey-2024'],
        }),
      },
      { title: 'device MMU', appliesWhen: [STATIC] },
    ),
    mappings: choice(['static', 'dynamic'], {
      description:
        'static: guest memory mapped once; dynamic: map/unmap per buffer at a fresh IOVA, with invalidations (4KiB pages only).',
      cite: ['linux-dma-iommu', 'linux-iova'],
    }),
    invalidation: choice(['strict', 'lazy'], {
      description:
        'strict: a synchronous invalidation per unmap through its IOMMU unit’s invalidation queue; lazy: batched flushes.',
      appliesWhen: [DYNAMIC],
    }),
    invalidationLatency: latency({
      description:
        'Completion latency of one invalidation submission on an idle queue (qi_submit_sync with one core: ≈ 8.7us nested).',
      appliesWhen: [DYNAMIC],
      cite: ['xlab-iommu-artifact'],
    }),
    invalidationOccupancy: duration({
      description:
        'Time one invalidation descriptor holds its IOMMU unit’s queue: the unit’s throughput is 1 / (descriptors × this).',
      appliesWhen: [DYNAMIC],
      cite: ['intel-vtd-spec', 'nv-kernels-strict-lazy'],
    }),
    atsInvalidation: duration({
      description:
        'Extra latency of a device-TLB (ATS) invalidation: the invalidate request to the device and its completion (with iommu.devtlb.entries > 0).',
      appliesWhen: [DYNAMIC],
      cite: ['intel-vtd-spec'],
    }),
    invalidationSubmit: choice(['batched', 'per-descriptor'], {
      description:
        'batched: the descriptors of one flush in one submission with one wait (Linux ≥ 6.12, qi_batch); per-descriptor: each with its own wait (older kernels).',
      appliesWhen: [DYNAMIC],
      cite: ['linux-intel-dmar'],
    }),
    lazyBatch: count(
      { min: 1 },
      {
        unit: 'unmaps',
        description: 'Lazy mode: flush after this many unmaps…',
        appliesWhen: [DYNAMIC, LAZY],
      },
    ),
    lazyTimeout: duration({
      min: 0,
      exclusiveMin: true,
      description: '…or this long after the first pending unmap.',
      appliesWhen: [DYNAMIC, LAZY],
    }),
  },
  { title: 'IOMMU' },
);
