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
import { platformConfig } from './platform-config.js';

function burst(n: number, patch: (c: ModelConfig) => void): ModelConfig {
  const config = fixtureConfig(n);
  config.provisioning.start = 'burst';
  // Host vectors for large bursts (64 × 200 admit 3,200 instances of 4 vectors).
  config.limits.vectorsPerCpu = 2_000;
  // Registration under vdpa_dev_lock takes no time here (one zero-length event per instance),
  // so a burst shows its transport alone; provisioning-locks.test.ts times the lock.
  config.provisioning.netlinkService = det(0);
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
          c.adminq.submit = 0;
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

  it('admin-vq with a 32-deep queue and 200 creations at once: submitters wait for entries, FIFO, at O(1) events', () => {
    const run = runControl(
      burst(200, (c) => {
        c.adminq.depth = 32;
      }),
      { durationNs: 2_000_000_000 },
    );
    expect(run.metrics.instances_ready).toBe(200);
    expect(run.metrics.adminq_retries_per_s).toBe(0); // a full ring is waited for, not refused
    expect(run.plane.transport.adminQueue?.peakBusy).toBe(4);
    // After the first submissions (500 ns), 4 workers × 20 µs serve 200 × 19 commands back to
    // back — a freed entry goes to a waiter in the completion's own event.
    expect(run.plane.stats.burstLastReadyNs).toBe(500 + (200 * 19 * 20_000) / 4);
    // Per command: its submission (submit > 0) and its completion; per instance its
    // registration; plus the burst's start and the harness's warm-up boundary.
    expect(run.sim.fingerprint.count).toBe(200 * 19 * 2 + 200 + 2);
  });

  it('provisioning.concurrency: at most C creations at once, so the makespan is ⌈N / C⌉ sequences', () => {
    const sequence = 19 * (500 + 20_000); // one instance over an idle admin queue
    for (const [n, concurrency] of [
      [50, 5],
      [50, 7],
      [50, 1],
    ] as const) {
      const run = runControl(
        burst(n, (c) => {
          c.provisioning.concurrency = concurrency;
          c.adminq.workers = 8; // ≥ C: the callers bind, not the device
        }),
        { durationNs: 2_000_000_000 },
      );
      expect(run.metrics.instances_ready).toBe(n);
      expect(run.plane.stats.burstLastReadyNs).toBe(Math.ceil(n / concurrency) * sequence);
      expect(run.plane.transport.adminQueue?.peakBusy).toBe(concurrency);
    }
  });

  it('results do not move with the retry backoff when nothing answers EAGAIN (platform defaults)', () => {
    // 1000 creations over the platform's admin queue (one 32-entry ring, 16 workers, 10
    // orchestrator callers), and with every creation requested at once (1000 callers: the ring
    // stays full): makespan identical, to the ns, for backoff caps of 1 ms, 100 ms and 1 s.
    for (const concurrency of [undefined, 1000]) {
      const makespans = ['1ms', '100ms', '1s'].map((cap) => {
        const config = platformConfig({
          instances: 1000,
          // Managed instances sharing the owner function (the talk's proposal; vp_vdpa alone
          // makes a VF of each), their vectors shared, so not posted.
          limits: { hwVqs: 1048576, functionPerInstance: 0 },
          interrupts: { delivery: 'exit' },
          strategy: {
            transport: 'admin-vq',
            provisioning: 'admin-vq',
            isolation: 'none',
            interrupts: 'shared',
          },
          provisioning: { start: 'burst', ...(concurrency === undefined ? {} : { concurrency }) },
          adminq: { retryBackoffMax: cap },
        });
        const run = runControl(config, { durationNs: 60_000_000_000 });
        expect(run.metrics.instances_ready).toBe(1000);
        expect(run.plane.stats.retries.value).toBe(0);
        return run.plane.stats.burstLastReadyNs;
      });
      expect(new Set(makespans).size, `concurrency ${concurrency ?? 'default'}: ${makespans}`).toBe(1);
    }
  });

  it('the device in-flight limit bounds what the device fetches: never more in service, nothing refused', () => {
    const run = runControl(
      burst(50, (c) => {
        c.adminq.depth = Number.POSITIVE_INFINITY;
        c.adminq.workers = 16;
        c.adminq.deviceInflightLimit = 8;
      }),
      { durationNs: 2_000_000_000 },
    );
    expect(run.metrics.instances_ready).toBe(50);
    expect(run.plane.transport.adminQueue?.peakBusy).toBe(8);
    expect(run.plane.stats.retries.value).toBe(0);
  });

  it('EAGAIN from a heavy-command limit: every instance completes, refusals per command do not grow with the backlog', () => {
    // 64 orchestrator callers, 8 workers, at most 2 heavy commands at once (13 of an instance's
    // 19 commands are heavy, so the heavy pool binds). Only commands the callers hold can be
    // refused, so refusals per completed command depend on the callers, not on how many
    // creations wait behind them: a burst ten times larger costs the same per command.
    const refusalsPerCommand = (n: number) => {
      const run = runControl(
        burst(n, (c) => {
          c.provisioning.concurrency = 64;
          c.adminq.workers = 8;
          c.adminq.heavyLimit = 2;
        }),
        { durationNs: 60_000_000_000 },
      );
      expect(run.metrics.instances_ready).toBe(n);
      const commands = n * 19;
      const refusals = run.plane.stats.retries.value;
      // Events: the start and the warm-up boundary, two per command (submission, completion),
      // one per instance (its registration) and three per refusal (the refusal, the end of the
      // backoff, the new submission) — none per instant spent waiting.
      expect(run.sim.fingerprint.count).toBe(2 + 2 * commands + n + 3 * refusals);
      // Heavy commands never run more than two at once: ≥ n · 13 · 20 µs / 2 of heavy work.
      expect(run.plane.stats.burstLastReadyNs).toBeGreaterThanOrEqual((n * 13 * 20_000) / 2);
      return refusals / commands;
    };
    const small = refusalsPerCommand(1000);
    const large = refusalsPerCommand(10_000);
    expect(small).toBeGreaterThan(0);
    // ≈ 1.2 refusals per command in both; the smaller burst spends a larger share of its run in
    // the ramp-down (fewer than 64 callers left, fewer refusals): 5 % covers it.
    expect(Math.abs(large / small - 1)).toBeLessThan(0.05);
    expect(large).toBeLessThan(2);
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
    config.provisioning.churn.create = 2000;
    config.provisioning.churn.destroy = 2000;
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
