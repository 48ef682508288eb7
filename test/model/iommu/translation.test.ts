import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../src/engine/simulator.js';
import { FlushQueues } from '../../../src/model/iommu/flush-queue.js';
import {
  type InvalidationCosts,
  InvalidationQueues,
  LAZY_FLUSH_JOB,
} from '../../../src/model/iommu/invalidation.js';
import { Translator } from '../../../src/model/iommu/translator.js';
import { missCostNs, walkAccesses } from '../../../src/model/iommu/walk.js';
import { constant, makeDistribution } from '../../../src/random/distribution.js';
import { RandomStream } from '../../../src/random/random-stream.js';
import { summarize } from '../../../src/stats/confidence.js';
import { StatsSet } from '../../../src/stats/stats-set.js';
import { isolationModes } from '../../../src/strategies/isolation/index.js';
import { fixtureConfig } from '../data-path/fixture-config.js';

describe('page-walk cost', () => {
  it('single stage: one access per level; nested: (n+1)(m+1) − 1', () => {
    expect(walkAccesses(4, 0, false)).toBe(4);
    expect(walkAccesses(4, 4, false)).toBe(24); // Bhargava et al.: 24 references
    expect(walkAccesses(5, 5, false)).toBe(35);
  });

  it('a paging-structure-cache hit leaves the leaf level', () => {
    expect(walkAccesses(4, 0, true)).toBe(1);
    expect(walkAccesses(4, 4, true)).toBe(9); // (4+1)(1+1) − 1
  });

  it('missPenalty overrides the walk', () => {
    const c = fixtureConfig();
    expect(missCostNs(c.iommu, false)).toBe(4 * 75);
    c.iommu.missPenalty = 300;
    expect(missCostNs(c.iommu, false)).toBe(300);
  });
});

describe('context and PASID caches: a mode pays only the entries its caches miss', () => {
  // A StatsSet per translator: a translator registers its counts in it by name.
  const options = () => ({ allowDevtlb: false, allowDeviceMmu: false, span: 1000, stats: new StatsSet() });

  it('cold: the first miss of a context reads root + context (and PASID dir + entry); warm: the walk alone', () => {
    const c = fixtureConfig();
    const pasid = new Translator(c.iommu, isolationModes.get('pasid-per-instance'), options());
    expect(pasid.translate(5)).toBe((4 + 2 + 2) * 75); // walk + root/context + PASID directory/entry
    expect(pasid.translate(6)).toBe(4 * 75); // same context, same requester: both caches hit
    expect(pasid.translate(1005)).toBe((4 + 2) * 75); // another PASID behind the same function RID
    const rid = new Translator(c.iommu, isolationModes.get('rid-per-vf'), options());
    expect(rid.translate(5)).toBe((4 + 2) * 75); // legacy mode reads its root and context entries too
    expect(rid.translate(1005)).toBe((4 + 2) * 75); // a VF per instance: another requester ID
    expect(rid.translate(6)).toBe(4 * 75);
    const none = new Translator(c.iommu, isolationModes.get('none'), options());
    expect(none.translate(5)).toBe((4 + 2) * 75);
    expect(none.translate(1005)).toBe(4 * 75); // one shared context entry
  });

  it('uniform access over N contexts, C-entry caches: cost per miss = walk + (1 − C/N) × entry reads (replication CI)', () => {
    // Every lookup misses the IOTLB (a new page each time), so each one consults the caches; a
    // uniformly drawn context hits an LRU cache of C entries with probability C/N (LRU under
    // the independent reference model; Che's approximation is exact for uniform popularity).
    const N = 256;
    const C = 64;
    const c = fixtureConfig();
    c.iommu.iotlb.entries = 1;
    c.iommu.pasidCache = C;
    c.iommu.contextCache = C;
    const perMiss = (mode: string, rep: number): number => {
      const stats = new StatsSet();
      const t = new Translator(c.iommu, isolationModes.get(mode), { ...options(), stats });
      const rng = new RandomStream('test/contexts', `contexts-${rep}`);
      for (let i = 0; i < 20_000; i++) t.translate(rng.below(N) * 1000 + (i % 999)); // warm-up
      stats.resetAll(0);
      const n = 50_000;
      for (let i = 0; i < n; i++) t.translate(rng.below(N) * 1000 + (i % 999));
      return t.stallNs / n - 4 * 75;
    };
    const expected = (1 - C / N) * 2 * 75;
    for (const mode of ['pasid-per-instance', 'rid-per-vf']) {
      const xs = [0, 1, 2, 3, 4].map((rep) => perMiss(mode, rep));
      const s = summarize(xs);
      const half = 2.776 * (s.stddev / Math.sqrt(s.n)); // t(0.975, 4)
      expect(Math.abs(s.mean - expected), mode).toBeLessThanOrEqual(half + 1e-9);
    }
    // The PASID modes share the function's requester ID, so only the PASID entries miss.
    const shared = [0, 1, 2].map((rep) => perMiss('none', rep));
    expect(Math.max(...shared)).toBe(0);
  });
});

describe('Translator', () => {
  // These tests are about the IOTLB, ATS, the device MMU and the PWC: the context entry reads
  // of a cold context cache are left out (they are tested above).
  it('charges a walk on a platform miss and nothing on a hit', () => {
    const c = fixtureConfig();
    c.iommu.contextTableAccesses = 0;
    const t = new Translator(c.iommu, isolationModes.get('rid-per-vf'), {
      allowDevtlb: true,
      allowDeviceMmu: true,
      stats: new StatsSet(),
    });
    expect(t.translate(7)).toBe(4 * 75);
    expect(t.translate(7)).toBe(0);
    expect(t.stallNs).toBe(300);
    expect(t.deviceCounters()).toBeUndefined();
  });

  it('registers every count it keeps with its StatsSet: one warm-up reset restarts them all, the cached entries stay', () => {
    const c = fixtureConfig();
    c.iommu.devtlb = { entries: 4, ways: 0 };
    c.iommu.walk.concurrency = 2;
    c.iommu.walk.pwcEntries = 8;
    const stats = new StatsSet();
    const t = new Translator(c.iommu, isolationModes.get('pasid-per-instance'), {
      allowDevtlb: true,
      allowDeviceMmu: true,
      span: 1000,
      stats,
    });
    expect(stats.names()).toEqual([
      'iommu/stall',
      'iommu/iotlb',
      'iommu/pwc',
      'iommu/devtlb',
      'iommu/context-cache',
      'iommu/pasid-cache',
      'iommu/walkers',
    ]);
    for (const k of [5, 6, 1005]) t.translate(k, 0);
    const caches = [t.platform, t.pwc, t.devtlb, t.contextCache, t.pasidCache];
    expect(caches.every((cache) => (cache?.lookups ?? 0) > 0)).toBe(true);
    stats.resetAll(0);
    expect(caches.map((cache) => [cache?.lookups, cache?.hits])).toEqual(caches.map(() => [0, 0]));
    expect([t.stallNs, t.walkers?.walks, t.walkers?.busyNs]).toEqual([0, 0, 0]);
    expect(t.platform.contains(5)).toBe(true);
    expect(t.translate(5, 0)).toBe(0); // still cached: a reset restarts counts, not state
  });

  it('ATS: a device-TLB hit skips the IOMMU; its miss adds the round trip', () => {
    const c = fixtureConfig();
    c.iommu.contextTableAccesses = 0;
    c.iommu.devtlb = { entries: 4, ways: 0 };
    const t = new Translator(c.iommu, isolationModes.get('rid-per-vf'), {
      allowDevtlb: true,
      allowDeviceMmu: true,
      stats: new StatsSet(),
    });
    expect(t.translate(1)).toBe(1000 + 300);
    expect(t.translate(1)).toBe(0);
    expect(t.platform.lookups).toBe(1);
    expect(t.deviceCounters()).toEqual({ hits: 1, lookups: 2 });
  });

  it('device MMU: stage-one miss costs a fetch, stage two always looks up the platform IOTLB', () => {
    const c = fixtureConfig();
    c.iommu.contextTableAccesses = 0;
    const t = new Translator(c.iommu, isolationModes.get('device-mmu'), {
      allowDevtlb: true,
      allowDeviceMmu: true,
      stats: new StatsSet(),
    });
    expect(t.translate(5)).toBe(500 + 300);
    expect(t.translate(5)).toBe(0);
    expect(t.platform.lookups).toBe(2);
    // An IOTLB invalidation leaves the memory keys: mlx5 never flushes its MMU per page (mr.c).
    t.invalidate(5);
    expect(t.translate(5)).toBe(300);
    expect(t.deviceCounters()).toEqual({ hits: 2, lookups: 3 });
  });

  it('device MMU with dynamic mappings: a PA-mode key, nothing cached or fetched in the device', () => {
    const c = fixtureConfig();
    c.iommu.contextTableAccesses = 0;
    c.iommu.mappings = 'dynamic';
    const t = new Translator(c.iommu, isolationModes.get('device-mmu'), {
      allowDevtlb: true,
      allowDeviceMmu: true,
      stats: new StatsSet(),
    });
    expect(t.deviceMmu).toBeUndefined();
    expect(t.translate(5)).toBe(300);
  });

  it('a paging-structure cache shortens misses within one 512-page region', () => {
    const c = fixtureConfig();
    c.iommu.contextTableAccesses = 0;
    c.iommu.walk.pwcEntries = 16;
    const t = new Translator(c.iommu, isolationModes.get('rid-per-vf'), {
      allowDevtlb: false,
      allowDeviceMmu: false,
      stats: new StatsSet(),
    });
    expect(t.translate(1024)).toBe(300);
    expect(t.translate(1025)).toBe(75); // same upper-level table: leaf access only
    expect(t.translate(2048)).toBe(300);
  });
});

describe('invalidation queues: occupancy and latency apart, one queue per IOMMU unit', () => {
  const costs = (o: Partial<InvalidationCosts> = {}): InvalidationCosts => ({
    latency: constant(5_000),
    occupancyNs: 1_000,
    atsNs: 0,
    perDescriptor: false,
    ...o,
  });
  function run(c: InvalidationCosts, units: number, jobs: [number, number, number][]) {
    const sim = new Simulator();
    const done: [number, number, number][] = [];
    const q = new InvalidationQueues(
      sim,
      units,
      c,
      new RandomStream('x', 'y'),
      {
        onInvalidationDone: (job, at) => done.push([job, at, sim.now]),
      },
      new StatsSet(),
    );
    const h = sim.handler('submit', (k) => {
      const [unit, job] = jobs[k] as [number, number, number];
      q.submit(unit, job, 1);
    });
    jobs.forEach(([, , at], k) => {
      sim.scheduleAt(at, h, k);
    });
    sim.run();
    return { done, q };
  }

  it('by hand: a submission (invalidation + wait) holds its unit 2 × occupancy; latency beyond that delays only its submitter', () => {
    // Unit 0: jobs 1–3 at t = 0, each 2 descriptors × 1000 ns: served at 2000, 4000, 6000; each
    // completes 5000 after its service began (the latency beyond its occupancy is its own), at
    // 5000, 7000, 9000 — not 5000, 10 000, 15 000 as if the latency occupied the queue. Unit 1
    // is another queue: job 4 at t = 0 completes at 5000.
    const { done, q } = run(costs(), 2, [
      [0, 1, 0],
      [0, 2, 0],
      [0, 3, 0],
      [1, 4, 0],
    ]);
    expect(done).toEqual([
      [1, 0, 5_000],
      [4, 0, 5_000],
      [2, 0, 7_000],
      [3, 0, 9_000],
    ]);
    expect(q.busyNs).toBe(4 * 2_000);
  });

  it('ATS adds a device-TLB descriptor and its round trip; per-descriptor submission waits for each', () => {
    const ats = run(costs({ atsNs: 1_500 }), 1, [
      [0, 1, 0],
      [0, 2, 0],
    ]);
    // 3 descriptors each: served 3000, 6000; done max(3000, 5000) + 1500 = 6500, then 6000 + 2000 + 1500.
    expect(ats.done.map((d) => d[2])).toEqual([6_500, 9_500]);
    const old = run(costs({ atsNs: 1_500, perDescriptor: true }), 1, [[0, 1, 0]]);
    // Two submissions (IOTLB + wait, device TLB + wait): 4 descriptors, two latencies in turn.
    expect(old.done.map((d) => d[2])).toEqual([4_000 + (10_000 - 4_000) + 1_500]);
  });

  it('saturated 10×: each unit completes 1 / (2 × occupancy) per second, one event per job', () => {
    for (const units of [1, 2]) {
      const sim = new Simulator();
      // A constant latency, so that completions trail services by exactly L − occupancy.
      const c = costs({ latency: constant(8_700), occupancyNs: 357 });
      const stats = new StatsSet();
      const q = new InvalidationQueues(
        sim,
        units,
        c,
        new RandomStream('svc', 's'),
        {
          onInvalidationDone: () => {},
        },
        stats,
      );
      const rng = new RandomStream('arr', 'a');
      const capacity = units / (2 * 357e-9); // per second
      let u = 0;
      const arrive = sim.handler('arrive', () => {
        q.submit(u, 0, 1);
        u = (u + 1) % units;
        sim.schedule(rng.exponential(1e9 / (10 * capacity)), arrive);
      });
      sim.schedule(0, arrive);
      sim.run({ until: 1e6 });
      stats.resetAll(sim.now);
      const before = sim.eventsProcessed;
      sim.run({ until: 3e6 });
      const rate = q.completed / 2e-3;
      // Busy from the first microsecond on: the rate is exact up to the one job in service at each end.
      expect(Math.abs(rate - capacity)).toBeLessThanOrEqual((units * 2) / 2e-3);
      // Events: one per arrival and one per completion, whatever the backlog (≈ 20 µs of work queued per µs).
      expect(sim.eventsProcessed - before).toBeLessThanOrEqual(2 * (10 * capacity * 2e-3) * 1.05 + 10);
    }
  });

  it('sojourn at ρ = 0.5: M/D/1 wait + occupancy + E[max(0, L − occupancy)] (replication CI)', () => {
    // Poisson submissions at λ = 1 / (2 S), S = 2 × 1000 ns per submission, latency L exponential
    // with mean 3000: E[T] = ρS / (2(1 − ρ)) + S + m·e^{−S/m} = 1000 + 2000 + 3000·e^{−2/3}.
    const S = 2_000;
    const m = 3_000;
    const expected = (0.5 * S) / (2 * 0.5) + S + m * Math.exp(-S / m);
    const means: number[] = [];
    for (let r = 0; r < 10; r++) {
      const sim = new Simulator();
      const rng = new RandomStream('arr', `arrivals-${r}`);
      const stats = new StatsSet();
      const q = new InvalidationQueues(
        sim,
        1,
        costs({ latency: makeDistribution({ dist: 'exponential', mean: m }) }),
        new RandomStream('svc', `service-${r}`),
        { onInvalidationDone: () => {} },
        stats,
      );
      const arrive = sim.handler('arrive', () => {
        q.submit(0, 0, 1);
        sim.schedule(rng.exponential(2 * S), arrive);
      });
      sim.schedule(0, arrive);
      sim.run({ until: 1e7 });
      stats.resetAll(sim.now);
      sim.run({ until: 1.1e8 });
      means.push(q.sojournSumNs / q.completed);
    }
    const s = summarize(means);
    // 95% CI of 10 replications (t = 2.262).
    expect(Math.abs(s.mean - expected)).toBeLessThanOrEqual((2.262 * s.stddev) / Math.sqrt(s.n));
  });

  it('lazy flush queue: a full queue or the domain timer flushes the whole domain, one job per flush', () => {
    const sim = new Simulator();
    const c = fixtureConfig();
    const t = new Translator(c.iommu, isolationModes.get('rid-per-vf'), {
      allowDevtlb: false,
      allowDeviceMmu: false,
      span: 100,
      stats: new StatsSet(),
    });
    const jobs: number[] = [];
    const q = new InvalidationQueues(
      sim,
      1,
      { latency: constant(1_000), occupancyNs: 100, atsNs: 0, perDescriptor: false },
      new RandomStream('x', 'y'),
      { onInvalidationDone: (job) => jobs.push(job) },
      new StatsSet(),
    );
    // Domain d holds keys [100 d, 100 d + 100): two domains, a queue of 3 unmaps, a 50 µs timer.
    const fq = new FlushQueues(
      sim,
      t,
      q,
      { domains: 2, keysPerDomain: 100, batch: 3, timeoutNs: 50_000 },
      new StatsSet(),
    );
    for (const k of [1, 2, 50, 99, 150]) t.translate(k); // 1, 2 buffers, 50, 99 rings of domain 0; 150 of domain 1
    const add = sim.handler('add', (d) => fq.add(d));
    sim.scheduleAt(0, add, 0); // arms domain 0's timer: it fires at 50 µs whatever happens meanwhile
    sim.scheduleAt(10, add, 0);
    sim.scheduleAt(20, add, 0); // full: domain 0 flushed now, rings and all; domain 1 untouched
    sim.scheduleAt(30, add, 0);
    sim.run({ until: 25 });
    for (const k of [1, 2, 50, 99]) expect(t.platform.contains(k)).toBe(false);
    expect(t.platform.contains(150)).toBe(true);
    t.translate(50); // refilled after the flush
    sim.run({ until: 49_999 });
    expect(t.platform.contains(50)).toBe(true);
    expect(fq.pendingIn(0)).toBe(1);
    sim.run({ until: 50_000 }); // the timer armed at 0, not by the unmap at 30
    expect(t.platform.contains(50)).toBe(false);
    expect(fq.pendingIn(0)).toBe(0);
    expect(t.platform.contains(150)).toBe(true);
    sim.run();
    expect(fq.flushes).toBe(2);
    expect(q.completed).toBe(2);
    expect(jobs).toEqual([LAZY_FLUSH_JOB, LAZY_FLUSH_JOB]);
  });

  it('one shared domain: a flush drops every instance’s entries', () => {
    const sim = new Simulator();
    const c = fixtureConfig();
    const t = new Translator(c.iommu, isolationModes.get('none'), {
      allowDevtlb: false,
      allowDeviceMmu: false,
      stats: new StatsSet(),
    });
    const q = new InvalidationQueues(
      sim,
      1,
      { latency: constant(1_000), occupancyNs: 100, atsNs: 0, perDescriptor: false },
      new RandomStream('x', 'y'),
      { onInvalidationDone: () => {} },
      new StatsSet(),
    );
    const fq = new FlushQueues(
      sim,
      t,
      q,
      {
        domains: 1,
        keysPerDomain: Number.POSITIVE_INFINITY,
        batch: 1,
        timeoutNs: 50_000,
      },
      new StatsSet(),
    );
    for (const k of [1, 5_000, 1e9]) t.translate(k);
    fq.add(0);
    expect(t.platform.size).toBe(0);
  });
});
