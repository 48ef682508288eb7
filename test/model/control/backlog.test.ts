/**
 * Bounded callers and the counted backlog (op-admission.ts, `ctrl_backlog_*`): an instance has
 * one control request outstanding; what a tenant offers beyond what it is served waits in its
 * instances' drivers, where it is counted — as operations outstanding, whose time-average obeys
 * Little's law — and costs no event while it waits.
 */
import { describe, expect, it } from 'vitest';
import { det, fixtureConfig, group } from './fixture-config.js';
import { replicate, runControl } from './harness.js';

describe('one control request outstanding per instance', () => {
  it("an instance offered 10× its hardware CVQ's rate completes one op per service time; the rest is backlog", () => {
    const config = (instances: number) => {
      const c = fixtureConfig(instances);
      c.device.hwCvqService = det(10_000); // 100 000 commands/s per instance
      c.workload.groups = [
        group('g0', instances, { control: { rate: 1_000_000, ops: { 'mac-set': 1 }, limit: undefined } }),
      ];
      return c;
    };
    for (const instances of [1, 3]) {
      const run = runControl(config(instances), { warmupNs: 1_000_000, durationNs: 10_000_000 });
      // One at a time, back to back: 1000 per instance in the 10 ms window (± the one in service
      // at each edge).
      expect(Math.abs((run.metrics.ctrl_ops_per_s as number) - instances * 100_000)).toBeLessThanOrEqual(
        instances * 100,
      );
      // The backlog grows at 900 000/s per instance: ≈ 9900 per instance at the end of 11 ms,
      // a Poisson count (standard deviation ≈ 105 per instance; allowed: 5 of them).
      const max = run.metrics.ctrl_backlog_max as number;
      expect(Math.abs(max - instances * 9900)).toBeLessThan(5 * Math.sqrt(instances * 11_000));
      // Operations wait in the driver, not in the device: one command at a time per instance.
      expect(run.plane.cmds.peakLive).toBeLessThanOrEqual(instances);
      expect(run.groups.g0?.ctrl_backlog_max).toBe(max);
    }
  });
});

describe('ctrl_backlog_mean obeys Little’s law', () => {
  it('time-average operations outstanding = completion rate × mean latency (software CVQ, ρ ≈ 0.3)', () => {
    // 1000 instances × 30 op/s of MAC sets (decode on a host core, 5 µs, then one 20 µs CONFIG
    // command) and 1000 × 30 config reads (one CONFIG command), on 4 admin workers: ρ ≈ 0.3.
    // Little's law L = λ W holds for the window up to the operations in flight at its edges
    // (≈ L = 1.4 out of 60 000 per second: < 0.01 %).
    const config = () => {
      const c = fixtureConfig(2000);
      c.strategy.cvq = 'software';
      c.adminq.submit = 0;
      c.workload.groups = [
        group('a', 1000, { control: { rate: 30, ops: { 'mac-set': 1 }, limit: undefined } }),
        group('b', 1000, {
          adminQueue: 0,
          control: { rate: 30, ops: { 'config-read': 1 }, limit: undefined },
        }),
      ];
      return c;
    };
    const options = { warmupNs: 50_000_000, durationNs: 1_000_000_000 };
    const gap = replicate(10, config, options, (run) => {
      const little =
        ((run.metrics.ctrl_ops_per_s as number) * (run.metrics.ctrl_latency_mean_us as number)) / 1e6;
      return (run.metrics.ctrl_backlog_mean as number) - little;
    });
    const run = runControl(config(), options);
    const mean = run.metrics.ctrl_backlog_mean as number;
    expect(mean).toBeGreaterThan(0.5); // ≈ 60 000/s × ≈ 23 µs ≈ 1.4 outstanding
    // The difference is zero up to the edge effect: within 2 half-widths and 1 % of L.
    expect(Math.abs(gap.mean)).toBeLessThan(2 * gap.ci95Half + 0.01 * mean);
    // Per tenant: the group levels add up to the aggregate.
    const sum = (run.groups.a?.ctrl_backlog_mean as number) + (run.groups.b?.ctrl_backlog_mean as number);
    expect(sum).toBeCloseTo(mean, 9);
  });
});
