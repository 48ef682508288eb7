/**
 * A complete ModelConfig for control-plane tests, with round deterministic costs so that
 * timelines can be computed by hand. Values are in the profile's canonical units and near the
 * platform profile's defaults (MMIO read 1 µs, write 150 ns [[so-mmio-read]],
 * [[intel-forum-uc-writes]]; firmware command 1.1 ms, 31/16 slots [[mlx5-vdpa-suspend-2024]],
 * [[linux-mlx5-cmd]]; VF creation 0.4 s [[nmstate-vf-creation]]; admin queue depth 32
 * [[linux-nvme-admin]]), but tests override what they study.
 * Each call returns a fresh object: tests mutate it freely.
 */
import type { CommandClass, GroupConfig, ModelConfig } from '../../../src/model/config.js';
import { COMMAND_CLASSES } from '../../../src/model/config.js';
import type { DistSpec } from '../../../src/random/distribution.js';
import { fixtureBlk, fixtureIo } from '../blk/fixture-blk.js';

export const det = (value: number): DistSpec => ({ dist: 'deterministic', value });
export const expo = (mean: number): DistSpec => ({ dist: 'exponential', mean });

export function group(name: string, count: number, patch: Partial<GroupConfig> = {}): GroupConfig {
  return {
    name,
    count,
    traffic: {
      ratePps: 0,
      arrival: 'poisson',
      onMean: 0,
      offMean: 0,
      packetSize: det(1500),
      direction: 'both',
      workingSet: 262_144,
      locality: { kind: 'uniform' },
    },
    dma: undefined,
    device: 'net',
    io: fixtureIo(),
    control: { rate: 0, ops: {}, limit: undefined },
    adminQueue: 0,
    ...patch,
  };
}

export function serviceMap(spec: DistSpec): Record<CommandClass, DistSpec> {
  return Object.fromEntries(COMMAND_CLASSES.map((c) => [c, spec])) as Record<CommandClass, DistSpec>;
}

export function fixtureConfig(instances = 1): ModelConfig {
  return {
    parent: 'vp_vdpa',
    instances,
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
      engineService: det(500),
      enginePerByte: 0,
      dataPath: 'hardware',
      copyPerByte: 0,
      wakeup: 0,
      hwCvqService: det(10_000),
      dmaRead: 500,
      descPrefetch: 32,
      dmaTags: 32,
      kick: 100,
    },
    limits: {
      totalVfs: 127,
      hwVqs: 1_000_000,
      maxQueuesPerInstance: 17,
      msixPerFunction: 1_000_000,
      msixPerVf: 64,
      imsEntries: 1_000_000,
      irtePerUnit: 65_536,
      iommuUnits: 16,
      hostCpus: 64,
      vectorsPerCpu: 200,
      pasidBits: 20,
      domainIds: 1_000_000,
      deviceMmuContexts: 1_000_000,
      hwCvq: 1,
      deviceMemory: 2 ** 40,
      instanceMemory: 4096,
      functionPerInstance: 0,
      vqGroups: 1,
      notifyBar: 2 ** 40,
      notifyPerQueue: 4096,
    },
    transport: {
      mmioRead: det(1000),
      mmioWrite: 150,
      fwEmulation: 2000,
      deviceCmdService: det(5000),
      deviceCmdData: 256,
      ucStore: 100,
      pollInterval: 1000,
      vfCreate: det(400_000_000),
      vendorSlots: 31,
      vendorThrottledSlots: 16,
      vendorService: det(1_100_000),
      createConfig: 64,
      createService: det(50_000),
      vqCommands: 'serial',
    },
    adminq: {
      queues: 1,
      depth: 32,
      workers: 4,
      policy: 'fifo',
      weights: [1],
      quantum: 1,
      service: serviceMap(det(20_000)),
      mode: 'async',
      driverWait: 'spin',
      retryBackoff: 10_000,
      retryBackoffFactor: 2,
      retryBackoffMax: 1_000_000,
      deviceInflightLimit: 1024,
      heavyLimit: 0,
      refusal: 5000,
      submit: 500,
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
      atsRtt: 1000,
      deviceMmu: { entries: 256, ways: 0, fetch: 1000, keyBuild: 1000 },
      mappings: 'static',
      invalidation: 'lazy',
      invalidationLatency: det(10_000),
      invalidationOccupancy: 357,
      atsInvalidation: 2000,
      invalidationSubmit: 'batched',
      lazyBatch: 256,
      lazyTimeout: 10_000_000,
    },
    interrupts: {
      coalescing: { kind: 'static', maxPackets: 32, maxUsecs: 16 },
      delivery: 'posted',
      exit: 710,
      exitsPerInterrupt: 3,
      posted: 200,
      guestIrq: 1000,
      guestPerPacket: 100,
      sharerCheck: 50,
      pollInterval: 10_000,
      pollPerRing: 50,
    },
    host: { cores: 4, swCvqDecode: det(5000) },
    provisioning: {
      start: 'ready',
      concurrency: 1024,
      netlinkService: det(1_000_000),
      netlinkPerInstance: 0,
      bus: 'vhost-vdpa',
      churn: { create: 0, destroy: 0 },
    },
    fidelity: { mode: 'packet', budget: 64, window: 1000 },
    workload: { groups: [group('g0', instances)] },
  };
}
