import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../src/engine/simulator.js';
import { InvalidationQueue, LAZY_FLUSH_JOB, LazyFlush } from '../../../src/model/iommu/invalidation.js';
import { Translator } from '../../../src/model/iommu/translator.js';
import { missCostNs, walkAccesses } from '../../../src/model/iommu/walk.js';
import { constant, makeDistribution } from '../../../src/random/distribution.js';
import { RandomStream } from '../../../src/random/random-stream.js';
import { isolationModes } from '../../../src/strategies/isolation/index.js';
import { fixtureConfig } from '../data-path/fixture-config.js';

describe('page-walk cost', () => {
  it('single stage: one access per level; nested: (n+1)(m+1) − 1', () => {
    expect(walkAccesses(4, 0, false, false, 2)).toBe(4);
    expect(walkAccesses(4, 4, false, false, 2)).toBe(24); // Bhargava et al.: 24 references
    expect(walkAccesses(5, 5, false, false, 0)).toBe(35);
  });

  it('a paging-structure-cache hit leaves the leaf level; scalable mode adds the PASID table', () => {
    expect(walkAccesses(4, 0, true, false, 2)).toBe(1);
    expect(walkAccesses(4, 4, true, false, 2)).toBe(9); // (4+1)(1+1) − 1
    expect(walkAccesses(4, 0, false, true, 2)).toBe(6);
  });

  it('missPenalty overrides the walk', () => {
    const c = fixtureConfig();
    expect(missCostNs(c.iommu, true, false)).toBe(6 * 75);
    c.iommu.missPenalty = 300;
    expect(missCostNs(c.iommu, true, false)).toBe(300);
  });
});

describe('Translator', () => {
  it('charges a walk on a platform miss and nothing on a hit', () => {
    const c = fixtureConfig();
    const t = new Translator(c.iommu, isolationModes.get('rid-per-vf'), {
      allowDevtlb: true,
      allowDeviceMmu: true,
    });
    expect(t.translate(7)).toBe(4 * 75);
    expect(t.translate(7)).toBe(0);
    expect(t.stallNs).toBe(300);
    expect(t.deviceCounters()).toBeUndefined();
  });

  it('ATS: a device-TLB hit skips the IOMMU; its miss adds the round trip', () => {
    const c = fixtureConfig();
    c.iommu.devtlb = { entries: 4, ways: 0 };
    const t = new Translator(c.iommu, isolationModes.get('rid-per-vf'), {
      allowDevtlb: true,
      allowDeviceMmu: true,
    });
    expect(t.translate(1)).toBe(1000 + 300);
    expect(t.translate(1)).toBe(0);
    expect(t.platform.lookups).toBe(1);
    expect(t.deviceCounters()).toEqual({ hits: 1, lookups: 2 });
  });

  it('device MMU: stage-one miss costs a fetch, stage two always looks up the platform IOTLB', () => {
    const c = fixtureConfig();
    const t = new Translator(c.iommu, isolationModes.get('device-mmu'), {
      allowDevtlb: true,
      allowDeviceMmu: true,
    });
    expect(t.translate(5)).toBe(500 + 300);
    expect(t.translate(5)).toBe(0);
    expect(t.platform.lookups).toBe(2);
    t.invalidate(5);
    expect(t.translate(5)).toBe(800);
  });

  it('a paging-structure cache shortens misses within one 512-page region', () => {
    const c = fixtureConfig();
    c.iommu.walk.pwcEntries = 16;
    const t = new Translator(c.iommu, isolationModes.get('rid-per-vf'), {
      allowDevtlb: false,
      allowDeviceMmu: false,
    });
    expect(t.translate(1024)).toBe(300);
    expect(t.translate(1025)).toBe(75); // same upper-level table: leaf access only
    expect(t.translate(2048)).toBe(300);
  });
});

describe('invalidation queue', () => {
  it('is one FIFO server: waits add up under contention', () => {
    const sim = new Simulator();
    const done: [number, number, number][] = [];
    const q = new InvalidationQueue(sim, constant(10_000), new RandomStream('x', 'y'), {
      onInvalidationDone: (job, at) => done.push([job, at, sim.now]),
    });
    const h = sim.handler('submit', (job) => q.submit(job));
    sim.scheduleAt(0, h, 1);
    sim.scheduleAt(0, h, 2);
    sim.scheduleAt(5_000, h, 3);
    sim.run();
    expect(done).toEqual([
      [1, 0, 10_000],
      [2, 0, 20_000],
      [3, 5_000, 30_000],
    ]);
    expect(q.completed).toBe(3);
    expect(q.sojournSumNs).toBe(10_000 + 20_000 + 25_000);
  });

  it('M/M/1 sojourn: mean 1/(μ − λ) (replication CI)', () => {
    // λ = 0.05/µs, μ = 0.1/µs ⇒ E[T] = 20 µs.
    const means: number[] = [];
    for (let r = 0; r < 10; r++) {
      const sim = new Simulator();
      const rng = new RandomStream('arr', `arrivals-${r}`);
      const q = new InvalidationQueue(
        sim,
        makeDistribution({ dist: 'exponential', mean: 10_000 }),
        new RandomStream('svc', `service-${r}`),
        {
          onInvalidationDone: () => {},
        },
      );
      const arrive = sim.handler('arrive', () => {
        q.submit(0);
        sim.schedule(rng.exponential(20_000), arrive);
      });
      sim.schedule(0, arrive);
      sim.run({ until: 1e7 });
      q.resetCounters();
      sim.run({ until: 2.1e8 });
      means.push(q.sojournSumNs / q.completed);
    }
    const m = means.reduce((a, b) => a + b, 0) / means.length;
    const sd = Math.sqrt(means.reduce((a, b) => a + (b - m) ** 2, 0) / (means.length - 1));
    // 3 standard errors of 10 replications.
    expect(Math.abs(m - 20_000)).toBeLessThanOrEqual((3 * sd) / Math.sqrt(means.length));
  });

  it('lazy flush: a full batch or the timeout flushes, one job per batch', () => {
    const sim = new Simulator();
    const c = fixtureConfig();
    const t = new Translator(c.iommu, isolationModes.get('rid-per-vf'), {
      allowDevtlb: false,
      allowDeviceMmu: false,
    });
    const jobs: number[] = [];
    const q = new InvalidationQueue(sim, constant(1_000), new RandomStream('x', 'y'), {
      onInvalidationDone: (job) => jobs.push(job),
    });
    const lazy = new LazyFlush(sim, t, q, 3, 50_000);
    for (const k of [1, 2, 3, 4]) t.translate(k);
    const add = sim.handler('add', (k) => lazy.add(k));
    sim.scheduleAt(0, add, 1);
    sim.scheduleAt(10, add, 2);
    sim.scheduleAt(20, add, 3); // full: flush now
    sim.scheduleAt(30, add, 4); // flushed by the timeout at 30 + 50 µs
    sim.run({ until: 25 });
    expect(t.platform.contains(1) || t.platform.contains(2) || t.platform.contains(3)).toBe(false);
    expect(t.platform.contains(4)).toBe(true);
    sim.run({ until: 50_029 });
    expect(t.platform.contains(4)).toBe(true);
    sim.run({ until: 50_030 });
    expect(t.platform.contains(4)).toBe(false);
    sim.run();
    expect(q.completed).toBe(2);
    expect(jobs).toEqual([LAZY_FLUSH_JOB, LAZY_FLUSH_JOB]);
  });
});
