/**
 * Analytic validation of the admin queue (queueing theory): each statistic is the mean over 10
 * independent replications (replication index 0–9 of seed 1), and each assertion allows
 * TWO 95 % half-widths of that mean (≈ 4.5 standard errors with t(9) = 2.262): a correct model
 * fails such a check with probability < 10⁻³, while the half-width itself is asserted to be a
 * few percent of the target so the check has power. Warm-up 20 ms removes the empty-start bias
 * (at ρ = 0.7 the relaxation time is well under a millisecond).
 *
 * Commands come from `config-read` operations (exactly one CONFIG command each) at
 * `control.rate` per instance on 10 000 instances per tenant: the superposition is Poisson. An
 * instance has one control request outstanding at a time (op-admission.ts); at ≤ 14/s per
 * instance and waits of tens of µs an arrival finds its instance busy with probability < 10⁻³,
 * well inside the tolerances. Depth and the device in-flight limit are unbounded, submission
 * cost 0.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import type { DistSpec } from '../../../src/random/distribution.js';
import { det, expo, fixtureConfig, group, serviceMap } from './fixture-config.js';
import { replicate, runControl } from './harness.js';
import { cobhamWait, mmcWait, pkWait } from './queueing-theory.js';

const REPLICATIONS = 10;
const WARMUP_NS = 20_000_000;
const US = 1e-6;

function adminqConfig(
  workers: number,
  service: DistSpec,
  tenants: { name: string; perSecond: number; queue: number }[],
  perTenant = 10_000,
): ModelConfig {
  const config = fixtureConfig(perTenant * tenants.length);
  // Host vectors for every tenant's instances (each delivered message holds one, posted or
  // not; 64 × 200 would admit 3,200): this measures the admin queue.
  config.limits.vectorsPerCpu = 2_000;
  config.adminq.workers = workers;
  config.adminq.depth = Number.POSITIVE_INFINITY;
  config.adminq.deviceInflightLimit = Number.POSITIVE_INFINITY;
  config.adminq.submit = 0;
  config.adminq.service = serviceMap(service);
  config.adminq.queues = Math.max(1, ...tenants.map((t) => t.queue + 1));
  config.adminq.weights = Array(config.adminq.queues).fill(1);
  config.workload.groups = tenants.map((t) =>
    group(t.name, perTenant, {
      adminQueue: t.queue,
      control: { rate: t.perSecond / perTenant, ops: { 'config-read': 1 }, limit: undefined },
    }),
  );
  return config;
}

const waitUs =
  (group?: string) =>
  (run: { metrics: Record<string, number | string>; groups: Record<string, Record<string, number>> }) =>
    group === undefined
      ? (run.metrics.adminq_wait_mean_us as number)
      : (run.groups[group]?.adminq_wait_mean_us as number);

describe('admin queue against queueing theory', () => {
  it('fifo, c = 4 workers, exponential service: mean wait = Erlang C (M/M/4, ρ = 0.7)', () => {
    const mu = 1 / (20 * US); // 50 000 /s per worker
    const lambda = 0.7 * 4 * mu; // 140 000 /s
    const theoryUs = mmcWait(4, lambda, mu) / US; // ≈ 7.14 µs
    const r = replicate(
      REPLICATIONS,
      () => adminqConfig(4, expo(20_000), [{ name: 't', perSecond: lambda, queue: 0 }]),
      { warmupNs: WARMUP_NS, durationNs: 500_000_000 },
      waitUs(),
    );
    expect(r.ci95Half / theoryUs).toBeLessThan(0.05); // precise enough to test anything
    expect(Math.abs(r.mean - theoryUs)).toBeLessThan(2 * r.ci95Half); // 2 half-widths, see header
  });

  it('one worker, deterministic service: mean wait = Pollaczek–Khinchine (M/D/1, ρ = 0.7)', () => {
    const s = 20 * US;
    const lambda = 0.7 / s; // 35 000 /s
    const theoryUs = pkWait(lambda, s, s * s) / US; // 23.33 µs
    const r = replicate(
      REPLICATIONS,
      () => adminqConfig(1, det(20_000), [{ name: 't', perSecond: lambda, queue: 0 }]),
      { warmupNs: WARMUP_NS, durationNs: 500_000_000 },
      waitUs(),
    );
    expect(r.ci95Half / theoryUs).toBeLessThan(0.05);
    expect(Math.abs(r.mean - theoryUs)).toBeLessThan(2 * r.ci95Half);
  });

  it("priority, one worker: each class's mean wait = Cobham's non-preemptive formula", () => {
    const s = 20 * US;
    const lambdas = [0.3 / s, 0.4 / s]; // ρ1 = 0.3 (queue 0, high), ρ2 = 0.4 (queue 1)
    const high = cobhamWait(lambdas, [s, s], [2 * s * s, 2 * s * s], 0) / US; // 20 µs
    const low = cobhamWait(lambdas, [s, s], [2 * s * s, 2 * s * s], 1) / US; // 66.7 µs
    const config = () => {
      const c = adminqConfig(1, expo(20_000), [
        { name: 'high', perSecond: lambdas[0] as number, queue: 0 },
        { name: 'low', perSecond: lambdas[1] as number, queue: 1 },
      ]);
      c.adminq.policy = 'priority';
      return c;
    };
    const options = { warmupNs: WARMUP_NS, durationNs: 500_000_000 };
    const rHigh = replicate(REPLICATIONS, config, options, waitUs('high'));
    expect(rHigh.ci95Half / high).toBeLessThan(0.05);
    expect(Math.abs(rHigh.mean - high)).toBeLessThan(2 * rHigh.ci95Half);
    const rLow = replicate(REPLICATIONS, config, options, waitUs('low'));
    expect(rLow.ci95Half / low).toBeLessThan(0.05);
    expect(Math.abs(rLow.mean - low)).toBeLessThan(2 * rLow.ci95Half);
  });
});

describe('admin-queue QoS', () => {
  it('drr with saturated tenants: throughput shares equal the weight shares (1 : 2 : 5)', () => {
    const weights = [1, 2, 5];
    // One worker at 10 µs = 100 000 commands/s; each tenant offers 150 000/s: all backlogged.
    const config = () => {
      // 100 instances per tenant suffice: saturation needs no Poisson superposition.
      const c = adminqConfig(
        1,
        det(10_000),
        weights.map((_, q) => ({ name: `t${q}`, perSecond: 150_000, queue: q })),
        100,
      );
      c.adminq.policy = 'drr';
      c.adminq.weights = weights;
      return c;
    };
    const options = { warmupNs: WARMUP_NS, durationNs: 100_000_000 };
    for (let q = 0; q < weights.length; q++) {
      const share = replicate(REPLICATIONS, config, options, (run) => {
        const ops = weights.map((_, k) => run.groups[`t${k}`]?.ctrl_ops_per_s as number);
        return (ops[q] as number) / ops.reduce((a, b) => a + b, 0);
      });
      const expected = (weights[q] as number) / 8;
      // DRR with unit costs is exact up to one round (8 commands) in 10 000: the half-width is
      // tiny, so allow it or 1e-3 (one round in the window), whichever is larger.
      expect(Math.abs(share.mean - expected)).toBeLessThan(Math.max(2 * share.ci95Half, 1e-3));
    }
    const jain = replicate(3, config, options, (run) => run.metrics.adminq_fairness_jain as number);
    expect(jain.mean).toBeGreaterThan(0.999); // throughput / weight equal across tenants
  });

  it('fifo serves every tenant from queue 0 whatever adminQueue says, and warns once', () => {
    const config = adminqConfig(1, det(10_000), [
      { name: 'a', perSecond: 1000, queue: 0 },
      { name: 'b', perSecond: 1000, queue: 1 },
    ]);
    const run = runControl(config, { durationNs: 10_000_000 });
    expect([...(run.plane.transport.adminQueue?.tenantQueue ?? [])]).toEqual([0, 0]);
    expect(run.warnings.filter((w) => w.includes("group 'b' adminQueue 1"))).toHaveLength(1);
  });

  it("token bucket: a tenant's long-run rate = min(offered, limit), composed with drr", () => {
    const config = () => {
      const c = adminqConfig(4, det(20_000), [
        { name: 'capped', perSecond: 1000, queue: 0 },
        { name: 'under', perSecond: 300, queue: 1 },
      ]);
      c.adminq.policy = 'drr';
      (c.workload.groups[0] as { control: { limit: unknown } }).control.limit = { rate: 400, burst: 8 };
      (c.workload.groups[1] as { control: { limit: unknown } }).control.limit = { rate: 500, burst: 8 };
      return c;
    };
    const options = { warmupNs: 1_000_000_000, durationNs: 10_000_000_000 };
    const capped = replicate(
      REPLICATIONS,
      config,
      options,
      (run) => run.groups.capped?.ctrl_ops_per_s as number,
    );
    // Offered 1000/s > 400/s: the bucket admits exactly one token per 2.5 ms once backlogged,
    // so the count in a 10 s window is 4000 ± 1: the half-width is ~0; allow one token (0.1/s).
    expect(Math.abs(capped.mean - 400)).toBeLessThan(Math.max(2 * capped.ci95Half, 0.1));
    const under = replicate(
      REPLICATIONS,
      config,
      options,
      (run) => run.groups.under?.ctrl_ops_per_s as number,
    );
    // Offered 300/s < 500/s: Poisson count over 10 s, SE ≈ √3000 / 10 ≈ 5.5/s per replication.
    expect(under.ci95Half).toBeLessThan(10);
    expect(Math.abs(under.mean - 300)).toBeLessThan(2 * under.ci95Half);
  });
});
