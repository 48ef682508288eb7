/**
 * resolveConfig: every ModelConfig field set, layers in the documented order (defaults +
 * platform ← parent profile ← scenario), derived defaults, and shares → counts.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_CLASSES, type ModelConfig, PARENTS } from '../../src/model/config.js';
import { CONFIG_PATHS } from '../../src/profiles/config-paths.js';
import { getProfile, PLATFORM_PROFILE } from '../../src/profiles/index.js';
import { resolveConfig, scenarioSchema } from '../../src/scenario/index.js';
import { parseKeyPath } from '../../src/scenario/key-path.js';
import { modelPathInfo } from '../../src/scenario/model-paths.js';
import { groupCounts } from '../../src/scenario/resolve-groups.js';
import { workloadGroupSchema as groupSchema } from '../../src/scenario/scenario-schema.js';
import { checkSchemaPath, leafPaths } from '../../src/scenario/schema-walk.js';
import { fixtureBlk, fixtureIo } from '../model/blk/fixture-blk.js';

const dist = { dist: 'constant', value: 1 } as const;
/**
 * Every field of ModelConfig, written out so that the compiler fails here when config.ts
 * gains a field: the key tree of a resolved config must equal this one.
 */
const SHAPE: ModelConfig = {
  parent: 'vp_vdpa',
  instances: 1,
  strategy: {
    transport: 'per-vf',
    cvq: 'hardware',
    isolation: 'none',
    interrupts: 'msix',
    provisioning: 'netlink',
  },
  device: {
    queuePairs: 1,
    queueSize: 1,
    engines: 1,
    engineService: dist,
    enginePerByte: 0,
    dataPath: 'hardware',
    copyPerByte: 0,
    wakeup: 0,
    hwCvqService: dist,
    dmaRead: 0,
    dmaTags: 1,
    descPrefetch: 1,
    kick: 0,
  },
  blk: fixtureBlk(),
  limits: {
    totalVfs: 0,
    functionPerInstance: 0,
    hwVqs: 0,
    maxQueuesPerInstance: 0,
    msixPerFunction: 0,
    msixPerVf: 0,
    imsEntries: 0,
    irtePerUnit: 0,
    iommuUnits: 0,
    hostCpus: 0,
    vectorsPerCpu: 0,
    pasidBits: 0,
    domainIds: 0,
    deviceMmuContexts: 0,
    vqGroups: 0,
    hwCvq: 0,
    notifyBar: 0,
    notifyPerQueue: 0,
    deviceMemory: 0,
    instanceMemory: 0,
  },
  transport: {
    mmioRead: dist,
    mmioWrite: 0,
    fwEmulation: 0,
    deviceCmdService: dist,
    deviceCmdData: 0,
    ucStore: 0,
    pollInterval: 0,
    vfCreate: dist,
    vendorSlots: 0,
    vendorThrottledSlots: 0,
    vendorService: dist,
    createConfig: 0,
    createService: dist,
    vqCommands: 'serial',
  },
  adminq: {
    queues: 1,
    depth: 1,
    workers: 1,
    policy: 'fifo',
    weights: [1],
    quantum: 1,
    service: Object.fromEntries(COMMAND_CLASSES.map((c) => [c, dist])) as ModelConfig['adminq']['service'],
    mode: 'async',
    driverWait: 'spin',
    retryBackoff: 0,
    retryBackoffFactor: 1,
    retryBackoffMax: 0,
    deviceInflightLimit: 1,
    heavyLimit: 0,
    refusal: 0,
    submit: 0,
  },
  iommu: {
    iotlb: { entries: 1, ways: 0, pageSize: 4096 },
    walk: { levels: 4, guestLevels: 0, memAccess: 0, pwcEntries: 0, concurrency: 0 },
    missPenalty: undefined,
    contextCache: 0,
    contextTableAccesses: 0,
    pasidCache: 0,
    pasidTableAccesses: 0,
    devtlb: { entries: 0, ways: 0 },
    atsRtt: 0,
    deviceMmu: { entries: 0, ways: 0, fetch: 0, keyBuild: 0 },
    mappings: 'static',
    invalidation: 'lazy',
    invalidationLatency: dist,
    invalidationOccupancy: 0,
    atsInvalidation: 0,
    invalidationSubmit: 'batched',
    lazyBatch: 1,
    lazyTimeout: 1,
  },
  interrupts: {
    coalescing: { kind: 'static', maxPackets: 0, maxUsecs: 0 },
    delivery: 'posted',
    exit: 0,
    exitsPerInterrupt: 0,
    posted: 0,
    guestIrq: 0,
    guestPerPacket: 0,
    sharerCheck: 0,
    pollInterval: 0,
    pollPerRing: 0,
  },
  host: { cores: 1, swCvqDecode: dist },
  provisioning: {
    start: 'ready',
    concurrency: 1,
    netlinkService: dist,
    netlinkPerInstance: 0,
    bus: 'vhost-vdpa',
    churn: { create: 0, destroy: 0 },
  },
  fidelity: { mode: 'packet', budget: 1, window: 1 },
  workload: {
    groups: [
      {
        name: 'g',
        count: 1,
        traffic: {
          ratePps: 0,
          arrival: 'poisson',
          onMean: 0,
          offMean: 0,
          packetSize: dist,
          direction: 'both',
          workingSet: 1,
          locality: { kind: 'uniform' },
        },
        dma: undefined,
        device: 'net',
        io: fixtureIo(),
        control: { rate: 0, ops: {}, limit: undefined },
        adminQueue: 0,
      },
    ],
  },
};

/** Key paths of plain objects, down to values (DistSpecs, arrays and the op mix count as values). */
function keyTree(value: unknown, prefix = ''): string[] {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    'dist' in value ||
    'kind' in value
  )
    return [prefix];
  if (prefix.endsWith('.ops')) return [prefix];
  return Object.keys(value).flatMap((k) =>
    keyTree((value as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k),
  );
}

const parse = (scenario: Record<string, unknown>) =>
  scenarioSchema.parse({ name: 'x', duration: '1ms', ...scenario });

describe('resolveConfig', () => {
  it('sets every ModelConfig field (only the documented optional ones may be undefined)', () => {
    const config = resolveConfig(parse({}));
    const groups = config.workload.groups;
    expect(keyTree({ ...config, workload: { groups: [] } })).toEqual(
      keyTree({ ...SHAPE, workload: { groups: [] } }),
    );
    expect(keyTree(groups[0])).toEqual(keyTree(SHAPE.workload.groups[0]));
    const undefinedPaths = keyTree(config).filter(
      (p) =>
        p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], config) === undefined,
    );
    expect(undefinedPaths).toEqual(['iommu.missPenalty']);
    expect(groups[0]?.control.limit).toBeUndefined();
  });

  it('resolves for every parent, each with its deployed CVQ by default', () => {
    for (const parent of PARENTS) {
      const config = resolveConfig(parse({ parent }));
      expect(config.parent).toBe(parent);
      // mlx5 has no CVQ in the device (limits.hwCvq 0): its driver emulates one in software.
      expect(config.strategy.cvq, parent).toBe(config.limits.hwCvq === 0 ? 'software' : 'hardware');
    }
    expect(resolveConfig(parse({ parent: 'mlx5' })).strategy.cvq).toBe('software');
    // Written, the choice stands: none on mlx5, hardware where the study adds a CVQ to the device.
    expect(resolveConfig(parse({ parent: 'mlx5', strategy: { cvq: 'none' } })).strategy.cvq).toBe('none');
    const proposal = parse({ parent: 'mlx5', strategy: { cvq: 'hardware' }, limits: { hwCvq: 1 } });
    expect(resolveConfig(proposal).strategy.cvq).toBe('hardware');
    expect(() => resolveConfig(parse({ parent: 'mlx5', strategy: { cvq: 'hardware' } }))).toThrow(
      /hwCvq is 0/,
    );
  });

  it('layers defaults + platform ← parent profile ← scenario', () => {
    const platformEntries = PLATFORM_PROFILE.params.find((p) => p.path === 'iommu.iotlb.entries')?.value;
    expect(resolveConfig(parse({ parent: 'vp_vdpa' })).iommu.iotlb.entries).toBe(platformEntries);
    const mlx5 = getProfile('mlx5').params.find((p) => p.path === 'limits.totalVfs');
    expect(mlx5).toBeDefined();
    const cvq = { cvq: 'software' };
    expect(resolveConfig(parse({ parent: 'mlx5', strategy: cvq })).limits.totalVfs).toBe(mlx5?.value);
    expect(
      resolveConfig(parse({ parent: 'mlx5', strategy: cvq, limits: { totalVfs: 3 } })).limits.totalVfs,
    ).toBe(3);
  });

  it('maps unit-free scenario keys onto the unit-suffixed model fields', () => {
    const c = resolveConfig(
      parse({
        device: {
          wakeup: '2us',
          enginePerByte: '0.5ns/B',
          engineService: { dist: 'exponential', mean: '1us' },
        },
        limits: { deviceMemory: '1GiB' },
        iommu: { missPenalty: '300ns' },
        provisioning: { churn: { create: '10/s' } },
        interrupts: { coalescing: { maxPackets: 8, maxUsecs: '24us' } },
      }),
    );
    expect(c.device.wakeup).toBe(2000);
    expect(c.device.enginePerByte).toBe(0.5);
    expect(c.device.engineService).toEqual({ dist: 'exponential', mean: 1000 });
    expect(c.limits.deviceMemory).toBe(1024 ** 3);
    expect(c.iommu.missPenalty).toBe(300);
    expect(c.provisioning.churn.create).toBe(10);
    // maxUsecs stays in µs, like virtio-net's max_usecs and the profiles
    expect(c.interrupts.coalescing).toEqual({ kind: 'static', maxPackets: 8, maxUsecs: 24 });
  });

  it('merges partial coalescing and service maps over the profile', () => {
    const base = resolveConfig(parse({}));
    const timerOnly = resolveConfig(parse({ interrupts: { coalescing: { maxUsecs: '8us' } } }));
    expect(timerOnly.interrupts.coalescing).toEqual({ ...base.interrupts.coalescing, maxUsecs: 8 });
    expect(resolveConfig(parse({ interrupts: { coalescing: 'adaptive' } })).interrupts.coalescing).toEqual({
      kind: 'adaptive',
      profile: 'eqe',
    });
    expect(
      resolveConfig(parse({ interrupts: { coalescing: { profile: 'cqe' } } })).interrupts.coalescing,
    ).toEqual({
      kind: 'adaptive',
      profile: 'cqe',
    });
    const one = resolveConfig(parse({ adminq: { service: { CREATE: '5ms' } } }));
    expect(one.adminq.service.CREATE).toEqual({ dist: 'constant', value: 5_000_000 });
    expect(one.adminq.service.FEAT).toEqual(base.adminq.service.FEAT);
    const all = resolveConfig(parse({ adminq: { service: '7us' } }));
    expect(new Set(Object.values(all.adminq.service).map((d) => JSON.stringify(d)))).toEqual(
      new Set([JSON.stringify({ dist: 'constant', value: 7000 })]),
    );
  });

  it('derives DRR weights from the queue count unless given', () => {
    expect(resolveConfig(parse({ adminq: { queues: 3 } })).adminq.weights).toEqual([1, 1, 1]);
    expect(resolveConfig(parse({ adminq: { queues: 2, weights: [3, 1] } })).adminq.weights).toEqual([3, 1]);
  });

  it('gives a scenario without workload one group with every instance and no load', () => {
    const [group, ...rest] = resolveConfig(parse({ instances: 7 })).workload.groups;
    expect(rest).toEqual([]);
    expect(group).toMatchObject({ name: 'default', count: 7, adminQueue: 0 });
    expect(group?.traffic.ratePps).toBe(0);
    expect(group?.control).toEqual({ rate: 0, ops: { 'config-read': 1 }, limit: undefined });
  });

  it('divides a bit rate by the mean packet size', () => {
    const c = resolveConfig(
      parse({
        workload: {
          groups: [{ name: 'a', traffic: { rate: '12Gbps', packetSize: '1500B' } }],
        },
      }),
    );
    expect(c.workload.groups[0]?.traffic.ratePps).toBeCloseTo(1e6, 6);
    const mixed = resolveConfig(
      parse({
        workload: {
          groups: [
            {
              name: 'a',
              traffic: { rate: '8Mbps', packetSize: { dist: 'uniform', min: '500B', max: '1500B' } },
            },
          ],
        },
      }),
    );
    expect(mixed.workload.groups[0]?.traffic.ratePps).toBeCloseTo(1000, 9);
  });
});

describe('groupCounts', () => {
  const groups = (shares: number[]) => shares.map((share, i) => groupSchema.parse({ name: `g${i}`, share }));

  it('hands out instances by largest remainder, ties to the earlier group, always summing to instances', () => {
    expect(groupCounts(groups([0.9, 0.1]), 10_000)).toEqual([9000, 1000]);
    expect(groupCounts(groups([1 / 3, 1 / 3, 1 / 3]), 10)).toEqual([4, 3, 3]);
    expect(groupCounts(groups([0.5, 0.5]), 3)).toEqual([2, 1]);
    expect(groupCounts(groups([0.1, 0.2, 0.7]), 10)).toEqual([1, 2, 7]);
    for (const n of [1, 7, 99, 12_345]) {
      expect(groupCounts(groups([0.15, 0.35, 0.5]), n).reduce((a, b) => a + b, 0)).toBe(n);
    }
  });
});

describe('scenario keys ↔ ModelConfig fields', () => {
  it('every ModelConfig field (every profile parameter) can be set from a scenario', () => {
    for (const { path } of CONFIG_PATHS) {
      if (path === 'workload.groups') continue;
      expect(checkSchemaPath(scenarioSchema, parseKeyPath(path)).ok, path).toBe(true);
    }
  });

  it('every scenario key sets a ModelConfig field, or is one of the documented scenario-only keys', () => {
    const scenarioOnly =
      /^(\$schema|extends|name|description|seed|duration|warmup|replications|workload\.|sweep\.|charts\[\]\.|expect\[\])/;
    const unmapped = leafPaths(scenarioSchema).filter(
      // `coalescing: adaptive` and `service: 50us` are shorthands that set several model fields.
      (p) =>
        !scenarioOnly.test(p) &&
        !['adminq.service', 'interrupts.coalescing'].includes(p) &&
        modelPathInfo(p) === undefined,
    );
    expect(unmapped).toEqual([]);
    expect(leafPaths(scenarioSchema)).toContain('workload.groups[].traffic.rate');
    expect(leafPaths(scenarioSchema)).toContain('interrupts.coalescing.maxUsecs');
  });

  it('no parent profile sets a design choice (so the document may hold the choice defaults)', () => {
    const choices = new Set(CONFIG_PATHS.filter((p) => !p.hardware).map((p) => p.path as string));
    for (const parent of PARENTS) {
      expect(
        getProfile(parent)
          .params.filter((p) => choices.has(p.path))
          .map((p) => p.path),
      ).toEqual([]);
    }
    expect(PLATFORM_PROFILE.params.filter((p) => choices.has(p.path)).map((p) => p.path)).toEqual([]);
  });
});
