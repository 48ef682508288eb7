/**
 * Strict invalidation on the data path (driver.ts, iommu/invalidation.ts): each handled buffer
 * is unmapped through its IOMMU unit's invalidation queue, which a submission holds for its
 * descriptors' occupancy, while the ≈ 9 µs qi_submit_sync latency only delays its submitter.
 *
 * The cited configuration [[nv-kernels-strict-lazy]]: 8 NVMe SSDs on a two-socket host (two
 * IOMMU units), 4 KiB random reads, 16.4 M IOPS with lazy invalidation and 2.8 M with strict
 * (≈ 5.9× lower). The occupancy default (357 ns per descriptor) is derived from this very
 * measurement, so this is a consistency check of the mechanism, not a held-out validation: it
 * fails if the latency occupies the queue (as the old model did: 1 / 10 µs = 100 k/s per unit,
 * a 80× loss) or if a queue's unmaps are not serialised behind their submitter.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { fixtureConfig, runDataPath } from './fixture-config.js';

const OCCUPANCY = 357; // ns per descriptor: the platform default
const UNITS = 2;
const INSTANCES = 64; // 64 RX queues: 64 / 8.7 µs ≈ 7.4 M submissions/s, so the latency does not bind
const OFFERED_PPS = 16.4e6; // the lazy measurement, offered in full

function cited(invalidation: 'strict' | 'lazy'): ModelConfig {
  const c = fixtureConfig();
  c.instances = INSTANCES;
  c.strategy.isolation = 'pasid-per-instance';
  c.limits.iommuUnits = UNITS;
  c.iommu.mappings = 'dynamic';
  c.iommu.invalidation = invalidation;
  c.iommu.invalidationLatency = { dist: 'exponential', mean: 8700 };
  c.iommu.invalidationOccupancy = OCCUPANCY;
  // Translation and the device are free, so invalidation alone can bind.
  c.iommu.missPenalty = 0;
  c.device.engines = 64;
  c.device.engineService = { dist: 'constant', value: 10 };
  c.device.enginePerByte = 0;
  c.device.dmaRead = 100;
  c.interrupts.coalescing = { kind: 'static', maxPackets: 0, maxUsecs: 0 };
  c.interrupts.guestIrq = 0;
  c.interrupts.guestPerPacket = 0;
  const g = c.workload.groups[0];
  if (g === undefined) throw new Error('fixture');
  c.workload.groups[0] = {
    ...g,
    count: INSTANCES,
    traffic: {
      ...g.traffic,
      ratePps: OFFERED_PPS / INSTANCES,
      direction: 'rx',
      packetSize: { dist: 'constant', value: 4096 },
    },
  };
  return c;
}

describe('strict invalidation: the queue occupancy binds, not the completion latency', () => {
  it('the cited configuration loses 16.4 / 2.8 ≈ 5.9× against lazy', () => {
    const window = 2e6;
    const lazy = runDataPath(cited('lazy'), { warmupNs: 500_000, durationNs: window }).sink;
    const strict = runDataPath(cited('strict'), { warmupNs: 500_000, durationNs: window }).sink;
    const lazyPps = lazy.num('throughput_pps');
    const strictPps = strict.num('throughput_pps');
    // Lazy carries the offered load (Poisson arrivals: 3 standard deviations of the count).
    const sd = Math.sqrt(OFFERED_PPS * (window / 1e9)) / (window / 1e9);
    expect(Math.abs(lazyPps - OFFERED_PPS)).toBeLessThanOrEqual(3 * sd);
    // Strict: a unit completes at most one submission (invalidation + wait descriptor) per
    // 2 × 357 ns, up to one submission per unit at each end of the window; and it is busy almost
    // always (32 submitters per unit, each away only for its latency: a finite-source queue,
    // idle only when every submitter of a unit is spinning at once).
    const capacity = UNITS / (2 * OCCUPANCY * 1e-9);
    expect(strictPps).toBeLessThanOrEqual(capacity + (2 * UNITS) / (window / 1e9));
    expect(strictPps).toBeGreaterThan(0.99 * capacity);
    expect(strict.num('invalidation_queue_util')).toBeGreaterThan(0.99);
    // The band of the measurement: 16.4 and 2.8 are given to ±0.05 M, so 16.35/2.85 … 16.45/2.75.
    const loss = lazyPps / strictPps;
    expect(loss).toBeGreaterThanOrEqual(16.35 / 2.85);
    expect(loss).toBeLessThanOrEqual(16.45 / 2.75);
  });

  it('with fewer submitters than latency × capacity, the latency binds each one: queues / latency', () => {
    // 4 instances, one RX queue each, each submitter spinning 8.7 µs per unmap: 4 / 8.7 µs ≈
    // 460 k/s, far below the units' 2.8 M/s, so the queues are mostly idle.
    const c = cited('strict');
    c.instances = 4;
    const g = c.workload.groups[0];
    if (g === undefined) throw new Error('fixture');
    c.workload.groups[0] = { ...g, count: 4 };
    c.iommu.invalidationLatency = { dist: 'constant', value: 8700 };
    const s = runDataPath(c, { warmupNs: 500_000, durationNs: 2e6 }).sink;
    // A submission completes max(latency, its occupancy) = 8.7 µs after it is written when its
    // unit is idle, and at most 8.7 µs + one other submission's occupancy when two meet on a unit
    // (4 submitters, 2 units): the latency occupies only its submitter.
    const slack = 4 / 2e-3; // one unmap per submitter at each end of the window
    expect(s.num('throughput_pps')).toBeLessThanOrEqual(4 / 8.7e-6 + slack);
    expect(s.num('throughput_pps')).toBeGreaterThanOrEqual(4 / (8.7e-6 + 2 * OCCUPANCY * 1e-9) - slack);
    expect(s.num('invalidation_queue_util')).toBeLessThan(0.5);
  });
});
