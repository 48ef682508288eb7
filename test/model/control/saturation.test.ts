/**
 * The admin queue offered more than it can serve, with the shipped defaults (platform profile,
 * vp_vdpa): the policy must still decide who is served, and the cost must follow the work done.
 *
 * Tolerances: a statistic is the mean over REPLICATIONS independent replications (replication
 * index 0–9 of seed 1); an assertion allows TWO 95 % half-widths of that mean (≈ 4.5 standard
 * errors with t(9) = 2.262, so a correct model fails with probability < 10⁻³), and the
 * half-width itself is asserted small so that the check has power.
 *
 * Load: tenants issue `config-read`s (one CONFIG command each; platform service exponential,
 * mean 20 µs). An instance has one control request outstanding at a time (op-admission.ts), so
 * a tenant of n instances offering more than it is served keeps n commands in the admin queue
 * and the excess waits, counted, in its instances' drivers.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { type ControlRun, replicate, runControl } from './harness.js';
import { platformConfig } from './platform-config.js';
import { cobhamWait } from './queueing-theory.js';

const REPLICATIONS = 10;
const S = 20e-6; // platform adminq.service.CONFIG mean (s)

const managed = { transport: 'admin-vq', provisioning: 'admin-vq', isolation: 'none', interrupts: 'shared' };

interface Tenant {
  name: string;
  count: number;
  queue: number;
  /** Operations per second per instance. */
  rate: number;
}

function tenants(adminq: Record<string, unknown>, groups: Tenant[]): ModelConfig {
  return platformConfig({
    instances: groups.reduce((n, g) => n + g.count, 0),
    // The talk's managed instances share the owner function (vp_vdpa alone makes a VF of each).
    limits: { functionPerInstance: 0 },
    // Shared vectors are not posted (one host IRQ serves queues of several instances).
    interrupts: { delivery: 'exit' },
    strategy: managed,
    adminq,
    workload: {
      groups: groups.map((g) => ({
        name: g.name,
        count: g.count,
        adminQueue: g.queue,
        control: { rate: `${g.rate}/s`, ops: { 'config-read': 1 } },
      })),
    },
  });
}

const opsOf = (run: ControlRun, group: string) => run.groups[group]?.ctrl_ops_per_s as number;
const waitOf = (run: ControlRun, group: string) => run.groups[group]?.adminq_wait_mean_us as number;

describe('drr under saturation, platform defaults (16 workers, 32-entry rings)', () => {
  // 2 × 200 instances × 6000/s = 2.4 M/s offered against 16 / 20 µs = 0.8 M/s: both tenants
  // offer 1.5× the whole device, so both rings stay full and DRR alone decides the shares.
  const saturated = (weights: number[]) => () =>
    tenants({ queues: 2, policy: 'drr', weights }, [
      { name: 'a', count: 200, queue: 0, rate: 6000 },
      { name: 'b', count: 200, queue: 1, rate: 6000 },
    ]);
  const options = { warmupNs: 5_000_000, durationNs: 20_000_000 };

  for (const weights of [
    [3, 1],
    [1, 2],
  ]) {
    it(`weights ${weights.join(':')}: completed operations in the ratio of the weights, the device kept busy`, () => {
      const target = (weights[0] as number) / (weights[1] as number);
      const ratio = replicate(
        REPLICATIONS,
        saturated(weights),
        options,
        (run) => opsOf(run, 'a') / opsOf(run, 'b'),
      );
      // The bound, 5 % of the weight ratio; the half-width must be far inside it to test it.
      expect(ratio.ci95Half / target).toBeLessThan(0.01);
      expect(Math.abs(ratio.mean / target - 1)).toBeLessThan(0.05);
      // Tighter: DRR with unit costs is exact up to one round per fetch sequence; what remains is
      // the ≤ 16 commands in service at each edge of the window (≤ 16 / 4000 of the smaller count).
      expect(Math.abs(ratio.mean - target)).toBeLessThan(2 * ratio.ci95Half + (target * (2 * 16)) / 4000);
      const run = runControl(saturated(weights)(), options);
      expect(run.metrics.adminq_util as number).toBeGreaterThan(0.999);
      expect(run.metrics.adminq_retries_per_s).toBe(0); // nothing answers EAGAIN
    });
  }
});

describe('strict priority and fifo under saturation (one worker)', () => {
  // High tenant: 1000 instances × 10/s = 10 000/s, ρ₁ = 0.2 (light, Poisson). Low tenant: 50
  // instances × 2000/s = 100 000/s against the 40 000/s left over: saturated, 50 commands always
  // outstanding. One worker, so the device is M/G/1 with the low class never empty.
  const rho1 = 0.2;
  const lowInstances = 50;
  const config = (policy: string) => () =>
    tenants({ queues: 2, workers: 1, policy }, [
      { name: 'high', count: 1000, queue: 0, rate: 10 },
      { name: 'low', count: lowInstances, queue: 1, rate: 2000 },
    ]);
  const options = { warmupNs: 20_000_000, durationNs: 500_000_000 };

  it("priority: the high tenant's admin-queue wait is Cobham's non-preemptive formula", () => {
    // Cobham with the low class at its served rate (1 − ρ₁)/S: W₀ = Σ λᵢ E[Sᵢ²] / 2 = S (the
    // worker is always busy, exponential residual), W₁ = W₀ / (1 − ρ₁) = 25 µs.
    const theoryUs = cobhamWait([rho1 / S, (1 - rho1) / S], [S, S], [2 * S * S, 2 * S * S], 0) / 1e-6;
    expect(theoryUs).toBeCloseTo(25, 9);
    const high = replicate(REPLICATIONS, config('priority'), options, (run) => waitOf(run, 'high'));
    expect(high.ci95Half / theoryUs).toBeLessThan(0.05);
    expect(Math.abs(high.mean - theoryUs)).toBeLessThan(2 * high.ci95Half); // 2 half-widths, see header
  });

  it('fifo: one queue, the light tenant waits behind every command of the saturated one (head-of-line)', () => {
    // One FIFO of N = 50 always-present low commands and Poisson high ones: an arrival waits for
    // the N − (1 − ρ₁) low commands not in service, the high ones ahead (ρ₁ W by Little) and the
    // exponential residual S: W = (N + ρ₁) S / (1 − ρ₁) = 1255 µs — fifty times the priority wait.
    const theoryUs = ((lowInstances + rho1) * S) / (1 - rho1) / 1e-6;
    const high = replicate(REPLICATIONS, config('fifo'), options, (run) => waitOf(run, 'high'));
    expect(high.ci95Half / theoryUs).toBeLessThan(0.05);
    expect(Math.abs(high.mean - theoryUs)).toBeLessThan(2 * high.ci95Half);
    const low = replicate(REPLICATIONS, config('fifo'), options, (run) => waitOf(run, 'low'));
    // Both tenants wait in the same line: within the two half-widths combined (and the 1/N a
    // low command does not wait for itself).
    expect(Math.abs(high.mean - low.mean)).toBeLessThan(
      2 * (high.ci95Half + low.ci95Half) + theoryUs / lowInstances,
    );
  });
});

describe('cost at saturation: events follow completions, not backlog × time', () => {
  // The case: 2 workers, deterministic 100 µs (20 000 commands/s), DRR 3 : 1, two tenants
  // of 100 instances each offering 100 000/s (10× the device in total, 5× each).
  const config = () =>
    tenants(
      {
        queues: 2,
        workers: 2,
        policy: 'drr',
        weights: [3, 1],
        service: { dist: 'deterministic', value: '100us' },
      },
      [
        { name: 'a', count: 100, queue: 0, rate: 1000 },
        { name: 'b', count: 100, queue: 1, rate: 1000 },
      ],
    );

  it('events per completed command stay ≤ 15 while the backlog grows 10×, and events grow linearly with time', () => {
    const short = runControl(config(), { durationNs: 200_000_000 });
    const long = runControl(config(), { durationNs: 2_000_000_000 });
    const done = (run: ControlRun, ns: number) => ((run.metrics.ctrl_ops_per_s as number) * ns) / 1e9;
    // Per completion: 10 arrivals (one event each), the command's submission and its completion
    // (2), plus the arrivals' share of the warm-up: ≈ 12, bounded here by 15.
    const perShort = short.sim.fingerprint.count / done(short, 2e8);
    const perLong = long.sim.fingerprint.count / done(long, 2e9);
    expect(perShort).toBeLessThan(15);
    expect(perLong).toBeLessThan(15);
    expect(Math.abs(perLong / perShort - 1)).toBeLessThan(0.02);
    // The backlog (ops waiting in their instances' drivers) grows with time: 180 000/s × t.
    const growth = (long.metrics.ctrl_backlog_max as number) / (short.metrics.ctrl_backlog_max as number);
    expect(growth).toBeGreaterThan(9.5);
    expect(growth).toBeLessThan(10.5);
    // The shares hold at any backlog: 15 000 : 5000 commands/s.
    expect(opsOf(long, 'a')).toBeCloseTo(15_000, -1);
    expect(opsOf(long, 'b')).toBeCloseTo(5000, -1);
    // Only the bounded callers hold commands: 100 per tenant, whatever the backlog.
    expect(long.plane.cmds.peakLive).toBe(200);
  });
});
