import { describe, expect, it } from 'vitest';
import { Priority } from '../../../src/engine/priority.js';
import type { ModelConfig } from '../../../src/model/config.js';
import { DataPath } from '../../../src/model/data-path/data-path.js';
import { makePageSampler } from '../../../src/model/data-path/locality.js';
import { RandomStream } from '../../../src/random/random-stream.js';
import { summarize } from '../../../src/stats/confidence.js';
import { chooseStrategies } from '../../../src/strategies/catalogue.js';
import {
  fixtureConfig,
  fixtureGroup,
  makeTestContext,
  RecordingSink,
  runDataPath,
} from './fixture-config.js';

function withInstances(c: ModelConfig, n: number, ratePps: number): ModelConfig {
  c.instances = n;
  const g = c.workload.groups[0];
  if (g === undefined) throw new Error('fixture');
  g.count = n;
  g.traffic.ratePps = ratePps;
  return c;
}

/** Mean and standard error of a metric over replications. */
function replicate(reps: number, run: (rep: number) => number): { mean: number; se: number } {
  const values: number[] = [];
  for (let r = 0; r < reps; r++) values.push(run(r));
  const s = summarize(values);
  return { mean: s.mean, se: s.stddev / Math.sqrt(s.n) };
}

describe('conservation: offered = handled + dropped + in flight', () => {
  const variants: [string, (c: ModelConfig) => void][] = [
    ['msix, static mappings', () => {}],
    [
      'strict dynamic unmaps',
      (c) => {
        c.iommu.mappings = 'dynamic';
        c.iommu.invalidation = 'strict';
        c.iommu.invalidationLatency = { dist: 'exponential', mean: 200 };
      },
    ],
    [
      'lazy dynamic unmaps, shared vectors, exit delivery',
      (c) => {
        c.iommu.mappings = 'dynamic';
        c.strategy.interrupts = 'shared';
        c.interrupts.delivery = 'exit';
      },
    ],
    ['polling', (c) => (c.strategy.interrupts = 'polling')],
    [
      'adaptive coalescing, batch fidelity',
      (c) => {
        c.interrupts.coalescing = { kind: 'adaptive', profile: 'cqe' };
        c.fidelity = { mode: 'batch', budget: 16, window: 1000 };
      },
    ],
    ['vduse', (c) => (c.device.dataPath = 'vduse')],
    [
      'software (vdpa_sim)',
      (c) => {
        c.device.dataPath = 'software';
        c.iommu.iotlb.entries = 2048;
      },
    ],
  ];
  it.each(variants)('%s (overloaded, with drops)', (_name, tweak) => {
    // 20 instances × 200 kpps on 2 engines with 32-entry rings: the device saturates and drops.
    const c = withInstances(fixtureConfig(), 20, 200_000);
    c.device.engines = 2;
    c.device.queueSize = 32;
    tweak(c);
    const ctx = makeTestContext(c);
    const dp = new DataPath(ctx, chooseStrategies(ctx.config));
    dp.start();
    for (let i = 0; i < 20; i++) dp.activate(i);
    let before = dp.totals();
    for (const t of [1e6, 2e6, 3e6]) {
      // The window identity: offered_w + in flight at start = handled_w + dropped_w + in flight at end.
      dp.resetStats(ctx.sim.now);
      ctx.sim.run({ until: t });
      const after = dp.totals();
      expect(after.offered).toBe(after.handled + after.dropped + after.inFlight);
      const sink = new RecordingSink();
      dp.collect(sink, 1e6);
      const offered = sink.num('offered_pps') / 1e3; // packets in the 1 ms window
      const handled = sink.num('throughput_pps') / 1e3;
      const dropped = sink.num('drop_rate') * offered;
      expect(Math.round(offered + before.inFlight)).toBe(Math.round(handled + dropped + after.inFlight));
      before = after;
    }
    expect(before.dropped).toBeGreaterThan(0);
    expect(before.handled).toBeGreaterThan(0);
  });
});

describe("Little's law on the virtqueues", () => {
  it('mean descriptors outstanding = throughput × mean latency (within the window-boundary bound)', () => {
    const c = withInstances(fixtureConfig(), 50, 50_000);
    c.device.engines = 6; // 2.5 Mpps × ≈ 2.2 µs of engine time: ρ ≈ 0.9, queueing matters
    const warmupNs = 2e6;
    const durationNs = 30e6;
    const ctx = makeTestContext(c);
    const dp = new DataPath(ctx, chooseStrategies(ctx.config));
    dp.start();
    for (let i = 0; i < 50; i++) dp.activate(i);
    let inFlightAtReset = 0;
    const reset = ctx.sim.handler('test/reset', () => {
      dp.resetStats(ctx.sim.now);
      inFlightAtReset = dp.totals().inFlight;
    });
    ctx.sim.scheduleAt(warmupNs, reset, 0, Priority.LATE);
    ctx.sim.run({ until: warmupNs + durationNs });
    const end = ctx.sim.now;
    const L = dp.stats.ringLevel.mean(end);
    const all = dp.stats.allLatency();
    const lambdaPerNs = all.count / durationNs;
    const lambdaW = lambdaPerNs * all.mean;
    // Over a finite window the two sides differ only by packets straddling its ends: each
    // contributes at most its sojourn (≤ the largest latency) to one side and not the other.
    const bound = ((inFlightAtReset + dp.totals().inFlight) * all.max) / durationNs;
    expect(Math.abs(L - lambdaW)).toBeLessThanOrEqual(bound);
    expect(L).toBeGreaterThan(1);
  });
});

describe('workload: merged arrival processes', () => {
  it('poisson: offered rate = instances × rate (replication CI)', () => {
    const n = 200;
    const rate = 10_000;
    const { mean, se } = replicate(6, (rep) => {
      const r = runDataPath(withInstances(fixtureConfig(), n, rate), {
        warmupNs: 0,
        durationNs: 5e6,
        replication: rep,
      });
      return r.sink.num('offered_pps');
    });
    // 3 standard errors of 6 replications.
    expect(Math.abs(mean - n * rate)).toBeLessThanOrEqual(3 * se);
  });

  it('constant: every instance sends exactly rate × T packets per period-aligned window', () => {
    const c = withInstances(fixtureConfig(), 100, 100_000); // period 10 µs
    (c.workload.groups[0] as { traffic: { arrival: string } }).traffic.arrival = 'constant';
    const r = runDataPath(c, { warmupNs: 0, durationNs: 1e6 });
    // Each instance has one arrival per 10 µs period, at a random phase: 100 per instance in 1 ms.
    expect(r.dataPath.totals().offered).toBe(100 * 100);
  });

  it('onoff: offered rate = rate × on/(on + off) (replication CI)', () => {
    const c0 = withInstances(fixtureConfig(), 200, 20_000);
    const t = (c0.workload.groups[0] as { traffic: ModelConfig['workload']['groups'][0]['traffic'] }).traffic;
    t.arrival = 'onoff';
    t.onMean = 100_000;
    t.offMean = 300_000;
    const { mean, se } = replicate(8, (rep) => {
      const r = runDataPath(structuredClone(c0), { warmupNs: 0, durationNs: 10e6, replication: rep });
      return r.sink.num('offered_pps');
    });
    // 3 SE of 8 replications (the on/off modulation makes the count overdispersed; replications capture it).
    expect(Math.abs(mean - 200 * 20_000 * 0.25)).toBeLessThanOrEqual(3 * se);
  });

  it('common random numbers: strategies see the same offered load in each replication', () => {
    const offered = (interrupts: 'msix' | 'shared' | 'polling', rep: number) => {
      const c = withInstances(fixtureConfig(), 30, 50_000);
      c.strategy.interrupts = interrupts;
      c.device.engines = interrupts === 'polling' ? 2 : 8; // even a different device
      return runDataPath(c, { warmupNs: 1e6, durationNs: 2e6, replication: rep }).sink.num('offered_pps');
    };
    expect(offered('shared', 0)).toBe(offered('msix', 0));
    expect(offered('polling', 0)).toBe(offered('msix', 0));
    expect(offered('msix', 1)).not.toBe(offered('msix', 0));
  });

  it('Zipf pages: sampled frequencies follow p_k ∝ 1/(k+1)^s', () => {
    const sampler = makePageSampler({ kind: 'zipf', exponent: 1 }, 50);
    const rng = new RandomStream('zipf', 'seed');
    const counts = new Float64Array(50);
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const k = sampler.sample(rng);
      counts[k] = (counts[k] as number) + 1;
    }
    for (const k of [0, 1, 9, 49]) {
      const p = sampler.probability(k);
      // Binomial: 4 standard deviations.
      expect(Math.abs((counts[k] as number) - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)));
    }
  });
});

describe('metrics and life cycle', () => {
  it('per-group metrics are written for every group', () => {
    const c = fixtureConfig();
    c.instances = 30;
    c.workload.groups = [
      fixtureGroup({ name: 'victim', count: 20 }),
      fixtureGroup({ name: 'noisy', count: 10 }),
    ];
    const noisy = c.workload.groups[1];
    if (noisy !== undefined) noisy.traffic = { ...noisy.traffic, ratePps: 300_000 };
    const r = runDataPath(c, { warmupNs: 1e6, durationNs: 4e6 });
    for (const g of ['victim', 'noisy']) {
      expect(Object.keys(r.sink.groups[g] ?? {}).sort()).toEqual(
        [
          'drop_rate',
          'interrupts_per_packet',
          'latency_mean_us',
          'latency_p99_us',
          'offered_pps',
          'throughput_pps',
        ].sort(),
      );
    }
    const v = r.sink.groups.victim?.offered_pps ?? 0;
    const n = r.sink.groups.noisy?.offered_pps ?? 0;
    expect(v + n).toBeCloseTo(r.sink.num('offered_pps'), 6);
    expect(n / v).toBeGreaterThan(1);
  });

  it('warm-up: in-flight packets are counted at completion, not as offered', () => {
    const c = withInstances(fixtureConfig(), 4, 100_000);
    const r = runDataPath(c, { warmupNs: 1e6, durationNs: 1e6 });
    const t = r.dataPath.totals();
    // handled in window ≥ offered in window − in flight at end, and every packet is accounted once.
    const offeredW = r.sink.num('offered_pps') / 1e3;
    const handledW = r.sink.num('throughput_pps') / 1e3;
    expect(handledW).toBeGreaterThan(0);
    expect(offeredW).toBeLessThan(t.offered);
    expect(r.sink.num('latency_p50_us')).toBeGreaterThan(0);
  });

  it('deactivate stops an instance’s traffic; activate is idempotent', () => {
    const c = withInstances(fixtureConfig(), 2, 100_000);
    const ctx = makeTestContext(c);
    const dp = new DataPath(ctx, chooseStrategies(ctx.config));
    dp.start();
    dp.activate(0);
    dp.activate(0);
    expect(dp.activeInstances).toBe(1);
    ctx.sim.run({ until: 1e6 });
    const offered = dp.totals().offered;
    expect(offered).toBeGreaterThan(50); // ≈ 100 for instance 0 alone
    dp.deactivate(0);
    ctx.sim.run({ until: 2e6 });
    expect(dp.totals().offered).toBe(offered);
    expect(dp.totals().inFlight).toBe(0); // what was in flight completed
  });

  it('vduse: host CPU instead of translation; no IOTLB metrics', () => {
    const c = withInstances(fixtureConfig(), 10, 50_000);
    c.device.dataPath = 'vduse';
    c.device.copyPerByte = 0.1;
    c.device.wakeup = 5000;
    const r = runDataPath(c, { warmupNs: 1e6, durationNs: 2e6 });
    expect(r.sink.metrics.iotlb_hit_rate).toBeUndefined();
    expect(r.ctx.hostCpu.busy).toBeGreaterThan(0);
    expect([...r.ctx.warnings].some((w) => w.includes('vduse'))).toBe(true);
  });

  it('lazy dynamic unmaps, one shared domain: one flush per lazyBatch unmaps (±1 at the window edges)', () => {
    const c = withInstances(fixtureConfig(), 20, 100_000);
    c.strategy.isolation = 'none';
    c.iommu.mappings = 'dynamic';
    c.iommu.invalidation = 'lazy';
    c.iommu.lazyTimeout = 1e9; // the queue fills long before its timer
    const r = runDataPath(c, { warmupNs: 1e6, durationNs: 10e6 });
    const unmaps = r.sink.num('throughput_pps') * 10e-3;
    expect(r.dataPath.driver.lazy?.flushes ?? 0).toBeGreaterThanOrEqual(Math.floor(unmaps / 256));
    expect(r.dataPath.driver.lazy?.flushes ?? 0).toBeLessThanOrEqual(Math.ceil(unmaps / 256));
  });

  it('lazy dynamic unmaps, a domain per instance below 256 unmaps per timeout: each timer flushes its domain', () => {
    // 10 kpps per instance: 100 unmaps per 10 ms, so no queue fills. A domain's timer, armed by
    // the first unmap after the last flush, fires 10 ms later: a cycle lasts T + the wait for that
    // unmap (mean 100 µs), so over 50 ms each of the 20 domains flushes ⌊50 / 10.x⌋ = 4 or 5 times.
    const c = withInstances(fixtureConfig(), 20, 10_000);
    c.iommu.mappings = 'dynamic';
    c.iommu.invalidation = 'lazy';
    const r = runDataPath(c, { warmupNs: 1e6, durationNs: 50e6 });
    expect(r.dataPath.driver.lazy?.flushes ?? 0).toBeGreaterThanOrEqual(20 * 4);
    expect(r.dataPath.driver.lazy?.flushes ?? 0).toBeLessThanOrEqual(20 * 5);
  });

  it('device-mmu and ATS report devtlb_hit_rate; pasid-per-vq tags per VQ group, so it needs more IOTLB entries only when the data VQs are in different groups', () => {
    const hit = (isolation: ModelConfig['strategy']['isolation'], devtlb = 0, vqGroups = 1) => {
      const c = withInstances(fixtureConfig(), 8, 50_000);
      c.strategy.isolation = isolation;
      c.limits.vqGroups = vqGroups;
      c.iommu.devtlb = { entries: devtlb, ways: 0 };
      c.device.queuePairs = 4;
      const g = c.workload.groups[0];
      if (g !== undefined) g.traffic.workingSet = 16 * 4096;
      return runDataPath(c, { warmupNs: 1e6, durationNs: 4e6 }).sink;
    };
    expect(hit('device-mmu').num('devtlb_hit_rate')).toBeGreaterThan(0.5);
    expect(hit('rid-per-vf', 256).num('devtlb_hit_rate')).toBeGreaterThan(0.5);
    const perInstance = hit('pasid-per-instance');
    // 9 groups: the 8 data VQs each in their own address space (the per-VQ proposal).
    expect(hit('pasid-per-vq', 0, 9).num('iotlb_hit_rate')).toBeLessThan(perInstance.num('iotlb_hit_rate'));
    // mlx5's 2 groups: every data VQ in group 0, the same keys and the same run as per-instance.
    const twoGroups = hit('pasid-per-vq', 0, 2);
    expect(twoGroups.num('iotlb_hit_rate')).toBe(perInstance.num('iotlb_hit_rate'));
    expect(twoGroups.num('throughput_pps')).toBe(perInstance.num('throughput_pps'));
  });
});
