/**
 * Provisioning bursts: serialized transports take exactly N × the per-instance sequence, the
 * admin queue divides it by its workers, the vendor channel respects its slot counts, and
 * churn keeps the instance accounting consistent.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { InstanceState } from '../../../src/model/instance-table.js';
import { det, fixtureConfig, serviceMap } from './fixture-config.js';
import { runControl } from './harness.js';

function burst(n: number, patch: (c: ModelConfig) => void): ModelConfig {
  const config = fixtureConfig(n);
  config.provisioning.start = 'burst';
  patch(config);
  return config;
}

describe('provisioning bursts', () => {
  it('managed-cap with deterministic costs: makespan is exactly N × the per-instance sequence', () => {
    const n = 50;
    const run = runControl(
      burst(n, (c) => {
        c.strategy.transport = 'managed-cap';
        c.strategy.provisioning = 'managed-cap-create';
      }),
      { durationNs: 1_000_000_000 },
    );
    // 110 200 ns per instance (timeline.test.ts); the one lock never idles while commands wait.
    expect(run.plane.stats.burstLastReadyNs).toBe(n * 110_200);
    expect(run.metrics.instances_ready).toBe(n);
    expect(run.metrics.provision_makespan_ms).toBeCloseTo((n * 110_200) / 1e6, 9);
    expect(run.metrics.provision_rate_per_s).toBeCloseTo(n / ((n * 110_200) / 1e9), 6);
  });

  it('admin-vq with W workers: makespan between N·T/W and N·T/W + T (→ 1/W of the serial time)', () => {
    const n = 200;
    const perInstance = 19 * 20_000; // T: 19 commands of 20 µs, no submission cost
    const makespan = (workers: number) =>
      runControl(
        burst(n, (c) => {
          c.adminq.workers = workers;
          c.adminq.depth = Number.POSITIVE_INFINITY;
          c.adminq.deviceInflightLimit = Number.POSITIVE_INFINITY;
          c.adminq.submitNs = 0;
        }),
        { durationNs: 1_000_000_000 },
      ).plane.stats.burstLastReadyNs;
    expect(makespan(1)).toBe(n * perInstance);
    for (const w of [2, 4, 8]) {
      const m = makespan(w);
      expect(m).toBeGreaterThanOrEqual((n * perInstance) / w);
      expect(m).toBeLessThanOrEqual((n * perInstance) / w + perInstance);
    }
  });

  it('admin-vq with a 32-deep queue: EAGAIN retries back off, count, and everything completes', () => {
    const run = runControl(
      burst(200, (c) => {
        c.adminq.depth = 32;
      }),
      { durationNs: 2_000_000_000 },
    );
    expect(run.metrics.instances_ready).toBe(200);
    expect(run.metrics.adminq_retries_per_s as number).toBeGreaterThan(0);
    expect(run.plane.transport.adminQueue?.peakBusy).toBe(4);
  });

  it('refused commands of a burst do not retry in lockstep: the makespan does not grow with the backoff cap', () => {
    // 200 creations at t = 0, 4 workers, 4 entries, 19 commands of 20 µs: ideal makespan
    // 200 × 380 µs / 4 = 19 ms. Were the 196 refused commands to retry at the same instants
    // (deterministic backoff), each 10 ms wave would refill the 4 entries and the queue would
    // idle until the next: ≈ 50 waves × 10 ms = 0.5 s. Jittered over [5, 10] ms they retry
    // ≈ 26 times per ms, so a freed entry is refilled within ≈ 40 µs of its 380 µs sequence.
    const makespan = (capNs: number) =>
      runControl(
        burst(200, (c) => {
          c.adminq.depth = 4;
          c.adminq.workers = 4;
          c.adminq.submitNs = 0;
          c.adminq.retryBackoffMaxNs = capNs;
        }),
        { durationNs: 5_000_000_000 },
      ).plane.stats.burstLastReadyNs;
    const ideal = (200 * 19 * 20_000) / 4;
    expect(makespan(10_000_000)).toBeLessThan(2 * ideal);
    expect(makespan(1_000_000)).toBeLessThan(1.5 * ideal);
  });

  it('the device in-flight limit answers EAGAIN as well', () => {
    const run = runControl(
      burst(50, (c) => {
        c.adminq.depth = Number.POSITIVE_INFINITY;
        c.adminq.deviceInflightLimit = 8;
      }),
      { durationNs: 2_000_000_000 },
    );
    expect(run.metrics.instances_ready).toBe(50);
    expect(run.plane.stats.retries.value).toBeGreaterThan(0);
  });

  it('vendor channel: never more than 31 commands in flight, never more than 16 heavy ones', () => {
    const run = runControl(
      burst(300, (c) => {
        c.strategy.transport = 'vendor';
        c.strategy.provisioning = 'admin-vq'; // parallel creation, so the channel saturates
        c.adminq.workers = 64;
        c.adminq.depth = Number.POSITIVE_INFINITY;
        c.adminq.service = serviceMap(det(1000));
        c.transport.vendorService = { dist: 'exponential', mean: 1_100_000 };
      }),
      { durationNs: 10_000_000_000 },
    );
    const pool = run.plane.transport.stations.get('vendor/fw-cmd')?.pool;
    expect(run.metrics.instances_ready).toBe(300);
    expect(pool?.peakInUse).toBe(31);
    expect(pool?.peakThrottledInUse).toBe(16);
  });

  it('netlink serializes creations globally: makespan = N × (request + sequence) whatever the transport parallelism', () => {
    const n = 20;
    const run = runControl(
      burst(n, (c) => {
        c.strategy.provisioning = 'netlink';
        c.adminq.workers = 16;
      }),
      { durationNs: 1_000_000_000 },
    );
    expect(run.plane.stats.burstLastReadyNs).toBe(n * (1_000_000 + 19 * 20_500));
  });

  it('provisioning statistics survive the warm-up reset; control statistics do not', () => {
    const run = runControl(
      burst(10, () => {}),
      { warmupNs: 100_000_000, durationNs: 100_000_000 },
    );
    expect(run.metrics.instances_ready).toBe(10);
    expect(run.plane.stats.provisionLatency.count).toBe(10);
    expect(run.metrics.provision_latency_mean_ms as number).toBeGreaterThan(0);
    expect(run.metrics.adminq_wait_mean_us).toBeNaN(); // every command ran before the warm-up ended
  });

  it('churn: destroys READY instances, re-creates ABSENT ones, and the accounting balances', () => {
    const n = 100;
    const config = fixtureConfig(n);
    config.provisioning.churnCreateRate = 2000;
    config.provisioning.churnDestroyRate = 2000;
    const run = runControl(config, { durationNs: 1_000_000_000 });
    const t = run.plane;
    const states = [0, 1, 2, 3, 4].map((s) => run.instances.countInState(s as 0 | 1 | 2 | 3 | 4));
    expect(states.reduce((a, b) => a + b, 0)).toBe(n);
    expect(run.dataPath.deactivations).toBeGreaterThan(100);
    // Resources are held from admission until teardown completes.
    expect(t.ledger.admitted).toBe(
      n - (states[InstanceState.ABSENT] as number) - (states[InstanceState.REJECTED] as number),
    );
    expect(t.provisioner.ready.size).toBe(states[InstanceState.READY]);
    expect(t.provisioner.absent.size).toBe(states[InstanceState.ABSENT]);
    expect(t.ledger.used('device-memory')).toBe(t.ledger.admitted * 4096);
  });
});
