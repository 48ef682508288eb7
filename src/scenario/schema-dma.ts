/**
 * Scenario sections `iommu` (DMA translation and isolation costs) and `interrupts`
 * (coalescing, delivery, sharing and polling costs).
 */
import { z } from 'zod';
import { distribution } from './distribution-schema.js';
import { count, duration, size } from './quantity.js';

const KiB = 1024;
/** The page sizes an x86 IOMMU maps: 4 KiB, 2 MiB, 1 GiB. */
export const PAGE_SIZES: readonly number[] = [4 * KiB, 2 * KiB * KiB, KiB * KiB * KiB];
export const PAGE_SIZE_TEXT = '4KiB, 2MiB or 1GiB';

const ways = (what: string) =>
  count(0)
    .optional()
    .describe(`Associativity of the ${what}: 0 = fully associative; otherwise a divisor of entries.`);

export const iommuSchema = z
  .strictObject({
    iotlb: z
      .strictObject({
        entries: count(1).optional().describe('Entries of the platform IOTLB (≈ 64 inferred by pcie-bench).'),
        ways: ways('platform IOTLB'),
        pageSize: size()
          .refine((b) => PAGE_SIZES.includes(b), {
            message: `must be ${PAGE_SIZE_TEXT} (the IOMMU page sizes)`,
          })
          .optional()
          .describe(`Page size of buffer mappings: ${PAGE_SIZE_TEXT}; hugepages multiply an entry's reach.`),
      })
      .optional()
      .describe('The platform IOTLB: a set-associative LRU cache of page translations.'),
    walk: z
      .strictObject({
        levels: count(1, 5)
          .optional()
          .describe('Page-table levels of the platform (stage-two or only) table.'),
        guestLevels: count(0, 5)
          .optional()
          .describe('Levels of the guest (stage-one) table when translation is nested; 0 = not nested.'),
        memAccess: duration().optional().describe('One memory access of a page walk.'),
        pwcEntries: count(0).optional().describe('Paging-structure cache entries (0 = none).'),
      })
      .optional()
      .describe(
        'The page walk an IOTLB miss costs: levels × memory access time, (n+1)(m+1)−1 accesses when nested.',
      ),
    missPenalty: duration()
      .optional()
      .describe(
        'A fixed IOTLB miss penalty that replaces the page-walk model, e.g. 300ns. Default: the walk.',
      ),
    pasidTableAccesses: count(0, 16)
      .optional()
      .describe('Extra memory accesses of a scalable-mode PASID-table lookup on a miss.'),
    devtlb: z
      .strictObject({
        entries: count(0).optional().describe('Entries of the device TLB (PCIe ATS); 0 = no ATS.'),
        ways: ways('device TLB'),
      })
      .optional()
      .describe('Device TLB (PCIe ATS) in front of the platform IOMMU.'),
    atsRtt: duration().optional().describe('ATS translation request round trip on a device-TLB miss.'),
    deviceMmu: z
      .strictObject({
        entries: count(0).optional().describe('Entries of the device MMU cache (device-mmu isolation).'),
        ways: ways('device MMU cache'),
        fetch: duration().optional().describe('Fetch of a device MMU table entry over PCIe on a miss.'),
        keyBuild: duration().optional().describe('Building one memory key (device MMU mapping) at map time.'),
      })
      .optional()
      .describe('The device-side MMU of device-mmu isolation (mlx5 memory keys).'),
    mappings: z
      .enum(['static', 'dynamic'])
      .optional()
      .describe('static: guest memory mapped once; dynamic: map/unmap per buffer, with invalidations.'),
    invalidation: z
      .enum(['strict', 'lazy'])
      .optional()
      .describe('strict: synchronous invalidation per unmap (one shared queue); lazy: batched flushes.'),
    invalidationService: distribution('duration')
      .optional()
      .describe('Service time of one invalidation in the shared invalidation queue (≈ 10us).'),
    lazyBatch: count(1).optional().describe('Lazy mode: flush after this many unmaps…'),
    lazyTimeout: duration({ min: 0, exclusiveMin: true })
      .optional()
      .describe('…or this long after the first pending unmap.'),
  })
  .describe('DMA translation: IOTLB, page walks, ATS, device MMU and invalidation.');

/**
 * `adaptive`, `static`, or `{maxPackets, maxUsecs}` (static) / `{kind: adaptive, profile}`.
 * Keys left out keep the profile's values, so `{maxUsecs: 8us}` changes only the timer.
 */
const coalescingObject = z
  .strictObject({
    kind: z.enum(['static', 'adaptive']).optional().describe('static thresholds or adaptive (DIM-like).'),
    maxPackets: count(0, 1_000_000)
      .optional()
      .describe('Notify when this many completions are pending (0 = notify every packet).'),
    // ModelConfig keeps this field in µs, as virtio-net's max_usecs; the scenario takes any duration.
    maxUsecs: duration({ max: 1_000_000_000 })
      .transform((ns) => ns / 1000)
      .optional()
      .describe(
        '…or when this long has passed since the first pending completion, e.g. 16us (0 = every packet).',
      ),
    profile: z
      .enum(['eqe', 'cqe'])
      .optional()
      .describe('Adaptive mode: the net_dim profile table (EQE or CQE based).'),
  })
  .superRefine((c, ctx) => {
    const staticKeys = c.maxPackets !== undefined || c.maxUsecs !== undefined;
    const kind = c.kind ?? (c.profile !== undefined ? 'adaptive' : 'static');
    if (kind === 'adaptive' && staticKeys) {
      ctx.addIssue({
        code: 'custom',
        path: [c.maxPackets !== undefined ? 'maxPackets' : 'maxUsecs'],
        message:
          'maxPackets/maxUsecs are static thresholds; adaptive coalescing picks its own (set profile instead)',
      });
    } else if (kind === 'static' && c.profile !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['profile'],
        message: 'profile applies to adaptive coalescing only',
      });
    }
  })
  .transform((c) => ({ ...c, kind: c.kind ?? (c.profile !== undefined ? 'adaptive' : 'static') }));

const coalescingSchema = z
  .union([z.enum(['adaptive', 'static']).transform((kind) => ({ kind })), coalescingObject], {
    error: 'expected adaptive, static, or {maxPackets: N, maxUsecs: DURATION}',
  })
  .describe(
    'Notification coalescing per queue: {maxPackets, maxUsecs} (NOTF_COAL: notify after maxPackets completions or maxUsecs, 0 = every packet), or adaptive (DIM-like; {kind: adaptive, profile: cqe} picks the table).',
  );

export const interruptsSchema = z
  .strictObject({
    coalescing: coalescingSchema.optional(),
    delivery: z
      .enum(['posted', 'exit'])
      .optional()
      .describe('Delivery to the guest: posted interrupts, or VM exits (exitsPerInterrupt × exit each).'),
    exit: duration().optional().describe('Cost of one VM exit (≈ 0.71us on Skylake).'),
    exitsPerInterrupt: count(0, 16).optional().describe('VM exits per interrupt under exit delivery.'),
    posted: duration().optional().describe('Posted-interrupt delivery latency.'),
    guestIrq: duration().optional().describe('Guest handler CPU per interrupt.'),
    guestPerPacket: duration().optional().describe('Guest CPU per packet completion.'),
    sharerCheck: duration().optional().describe("Shared vectors: cost to check one sharer's used ring."),
    pollInterval: duration({ min: 0, exclusiveMin: true })
      .optional()
      .describe('Polling: interval between sweeps of the rings a core owns.'),
    pollPerRing: duration().optional().describe('Polling: cost per ring checked.'),
  })
  .describe('Interrupt coalescing, delivery and the costs of sharing and polling.');
