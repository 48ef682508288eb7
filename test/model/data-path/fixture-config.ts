/**
 * A complete, sensible ModelConfig for data-path tests (the scenario layer that resolves real
 * ones is separate), plus a context builder that runs the DataPath without the control plane.
 * Values follow the platform profile where one exists (docs/sources.md); tests override what
 * they depend on, so a profile change does not silently change a test.
 */
import { Priority } from '../../../src/engine/priority.js';
import { Simulator } from '../../../src/engine/simulator.js';
import type { GroupConfig, ModelConfig } from '../../../src/model/config.js';
import { DataPath } from '../../../src/model/data-path/data-path.js';
import type { HostCpuMeter } from '../../../src/model/host-cpu.js';
import { makeModelContext } from '../../../src/model/model-context.js';
import type { MetricSink, ModelContext } from '../../../src/model/ports.js';
import { StreamFactory } from '../../../src/random/stream-factory.js';
import { chooseStrategies } from '../../../src/strategies/catalogue.js';
import { fixtureBlk, fixtureIo } from '../blk/fixture-blk.js';

const us = (x: number): number => x * 1000;
const ms = (x: number): number => x * 1_000_000;
const fixed = (value: number) => ({ dist: 'constant', value }) as const;
const exponential = (mean: number) => ({ dist: 'exponential', mean }) as const;

export function fixtureGroup(overrides: Partial<GroupConfig> = {}): GroupConfig {
  return {
    name: 'g0',
    count: 4,
    traffic: {
      ratePps: 100_000,
      arrival: 'poisson',
      onMean: ms(1),
      offMean: ms(1),
      packetSize: fixed(1500),
      direction: 'both',
      workingSet: 256 * 1024,
      locality: { kind: 'uniform' },
    },
    dma: undefined,
    device: 'net',
    io: fixtureIo(),
    control: { rate: 0, ops: {}, limit: undefined },
    adminQueue: 0,
    ...overrides,
  };
}

export function fixtureConfig(): ModelConfig {
  return {
    parent: 'vp_vdpa',
    instances: 4,
    strategy: {
      transport: 'admin-vq',
      cvq: 'hardware',
      isolation: 'pasid-per-instance',
      interrupts: 'msix',
      provisioning: 'admin-vq',
    },
    blk: fixtureBlk(),
    device: {
      queuePairs: 1,
      queueSize: 256,
      engines: 8,
      engineService: fixed(100),
      enginePerByte: 0.28,
      dataPath: 'hardware',
      copyPerByte: 0,
      wakeup: 0,
      hwCvqService: exponential(us(100)),
      dmaRead: 500,
      descPrefetch: 32,
      dmaTags: 32,
      kick: 150,
    },
    limits: {
      totalVfs: 256,
      hwVqs: 1 << 20,
      maxQueuesPerInstance: 65535,
      msixPerFunction: 2048,
      msixPerVf: 64,
      imsEntries: 16384,
      irtePerUnit: 1 << 30,
      iommuUnits: 1,
      hostCpus: 64,
      vectorsPerCpu: 1 << 30,
      pasidBits: 20,
      domainIds: 65536,
      deviceMmuContexts: 1 << 20,
      hwCvq: 1,
      deviceMemory: 2 ** 40,
      instanceMemory: 1024,
      functionPerInstance: 0,
      vqGroups: 1,
      notifyBar: 2 ** 40,
      notifyPerQueue: 4096,
    },
    transport: {
      mmioRead: fixed(us(1)),
      mmioWrite: 150,
      fwEmulation: 0,
      deviceCmdService: fixed(us(5)),
      deviceCmdData: 256,
      ucStore: 100,
      pollInterval: us(1),
      vfCreate: fixed(ms(400)),
      vendorSlots: 31,
      vendorThrottledSlots: 16,
      vendorService: fixed(ms(1.1)),
      createConfig: 64,
      createService: fixed(ms(1)),
      vqCommands: 'serial',
    },
    adminq: {
      queues: 1,
      depth: 32,
      workers: 4,
      policy: 'fifo',
      weights: [1],
      quantum: 1,
      service: {
        FEAT: fixed(us(50)),
        STATUS: fixed(us(50)),
        GENERATION: fixed(us(50)),
        CONFIG: fixed(us(50)),
        MSI: fixed(us(50)),
        VQ_ADDR: fixed(us(50)),
        VQ_ENABLE: fixed(us(50)),
        VQ_SIZE: fixed(us(50)),
        VQ_NOTIFY: fixed(us(50)),
        CREATE: fixed(us(500)),
        DESTROY: fixed(us(500)),
        LEGACY_CFG_WRITE: fixed(us(50)),
        LEGACY_CFG_READ: fixed(us(50)),
        DEV_PARTS_GET: fixed(us(50)),
        DEV_PARTS_SET: fixed(us(50)),
        DEV_MODE_SET: fixed(us(50)),
      },
      mode: 'async',
      driverWait: 'spin',
      retryBackoff: us(10),
      retryBackoffFactor: 2,
      retryBackoffMax: us(1000),
      deviceInflightLimit: 64,
      heavyLimit: 0,
      refusal: us(5),
      submit: 200,
    },
    iommu: {
      iotlb: { entries: 64, ways: 0, pageSize: 4096 },
      walk: { levels: 4, guestLevels: 0, memAccess: 75, pwcEntries: 0, concurrency: 0 },
      missPenalty: undefined,
      contextCache: 64,
      contextTableAccesses: 2,
      pasidCache: 64,
      pasidTableAccesses: 2,
      devtlb: { entries: 0, ways: 0 },
      atsRtt: us(1),
      deviceMmu: { entries: 4096, ways: 0, fetch: 500, keyBuild: 0 },
      mappings: 'static',
      invalidation: 'lazy',
      invalidationLatency: exponential(us(10)),
      invalidationOccupancy: 357,
      atsInvalidation: 2000,
      invalidationSubmit: 'batched',
      lazyBatch: 256,
      lazyTimeout: ms(10),
    },
    interrupts: {
      coalescing: { kind: 'static', maxPackets: 32, maxUsecs: 16 },
      delivery: 'posted',
      exit: 710,
      exitsPerInterrupt: 2,
      posted: 500,
      guestIrq: us(1),
      guestPerPacket: 500,
      sharerCheck: 100,
      pollInterval: us(10),
      pollPerRing: 100,
    },
    host: { cores: 4, swCvqDecode: exponential(us(5)) },
    provisioning: {
      start: 'ready',
      concurrency: 10,
      netlinkService: exponential(ms(1)),
      netlinkPerInstance: 0,
      bus: 'vhost-vdpa',
      churn: { create: 0, destroy: 0 },
    },
    fidelity: { mode: 'packet', budget: 64, window: 1000 },
    workload: { groups: [fixtureGroup()] },
  };
}

export interface TestContext extends ModelContext {
  readonly hostCpu: HostCpuMeter;
  readonly warnings: Set<string>;
}

/** A context like system.ts builds, without the control plane. */
export function makeTestContext(config: ModelConfig, seed = 1, replication = 0): TestContext {
  const warnings = new Set<string>();
  const ctx = makeModelContext(new Simulator(), new StreamFactory(seed, replication), config, (m) =>
    warnings.add(m),
  );
  return { ...ctx, warnings };
}

/** A sink that keeps what it is given. */
export class RecordingSink implements MetricSink {
  readonly metrics: Record<string, number | string> = {};
  readonly groups: Record<string, Record<string, number>> = {};
  set(metric: string, value: number | string): void {
    this.metrics[metric] = value;
  }
  setGroup(group: string, metric: string, value: number): void {
    const row = this.groups[group] ?? {};
    row[metric] = value;
    this.groups[group] = row;
  }
  num(metric: string): number {
    const v = this.metrics[metric];
    if (typeof v !== 'number') throw new Error(`metric ${metric} not set (${String(v)})`);
    return v;
  }
}

export interface DataPathRun {
  readonly dataPath: DataPath;
  readonly ctx: TestContext;
  readonly sink: RecordingSink;
}

/**
 * Runs the DataPath alone as system.ts would: every instance activated at t = 0, a warm-up
 * reset at `warmupNs` (priority LATE), the measured window, then collect.
 */
export function runDataPath(
  config: ModelConfig,
  opts: { warmupNs: number; durationNs: number; seed?: number; replication?: number },
): DataPathRun {
  const ctx = makeTestContext(config, opts.seed ?? 1, opts.replication ?? 0);
  const dataPath = new DataPath(ctx, chooseStrategies(ctx.config));
  dataPath.start();
  for (let i = 0; i < ctx.instances.capacity; i++) dataPath.activate(i);
  const reset = ctx.sim.handler('test/warmup-end', () => {
    dataPath.resetStats(ctx.sim.now);
    ctx.resources.resetAll(ctx.sim.now);
  });
  ctx.sim.scheduleAt(opts.warmupNs, reset, 0, Priority.LATE);
  ctx.sim.run({ until: opts.warmupNs + opts.durationNs });
  const sink = new RecordingSink();
  dataPath.collect(sink, opts.durationNs);
  return { dataPath, ctx, sink };
}
