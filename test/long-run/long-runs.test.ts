/**
 * Long runs. (1) Memory: a run's peak resident memory grows by at most 20 % when its simulated
 * duration grows tenfold — state is bounded by the model's size (queues, instances, streaming
 * statistics), never by simulated time — for a data-path and a control-plane scenario. (2) One
 * hour simulated on the quickstart device (vp_vdpa, admin-vq transport; 64 instances at 1
 * control op/s, to keep the test's cost at a few seconds) finishes without numeric drift: time stays an exact integer of nanoseconds,
 * every count is a safe integer, and the control-op rate over the hour equals the rate over
 * its first six minutes within the Poisson standard error.
 *
 * Headroom (why nothing overflows): simulated time is integer ns in a double, exact to 2^53 ns
 * = 104 days; the engine's tie key holds a 45-bit sequence number, 3.5e13 events per run;
 * counters are doubles, exact to 2^53. The test prints each margin for the hour-long run.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const MEASURE = join(import.meta.dirname, 'measure-run.ts');

interface Measured {
  rssBeforeKiB: number;
  peakRssKiB: number;
  wallMs: number;
  spec: { warmupNs: number; durationNs: number };
  metrics: Record<string, number | string>;
}

function measure(file: string, point: number, sets: string[]): Measured {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', MEASURE, join(REPO, file), String(point), ...sets],
    {
      cwd: REPO,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').pop() as string) as Measured;
}

const MiB = (kib: number) => (kib / 1024).toFixed(1);

// Data path: the tiny example's 2 MiB-page point at 16 instances (100 kpps each);
// control plane: the quickstart's admin-vq point (800-instance burst, then 1 op/s each).
const CASES = [
  {
    name: 'data path (tiny, 16 instances)',
    file: 'scenarios/examples/tiny.yaml',
    point: 1,
    sets: ['instances=16', 'warmup=1ms'],
    short: '20ms',
    long: '200ms',
  },
  {
    name: 'control plane (quickstart, admin-vq)',
    file: 'scenarios/quickstart.yaml',
    point: 3,
    sets: [],
    short: '20s',
    long: '200s',
  },
];

describe('long runs', () => {
  it.each(CASES)(
    '$name: peak memory grows ≤ 20 % for 10× the simulated duration',
    ({ file, point, sets, short, long }) => {
      const a = measure(file, point, [...sets, `duration=${short}`]);
      const b = measure(file, point, [...sets, `duration=${long}`]);
      console.log(
        `${file} point ${point}: ${short}: peak RSS ${MiB(a.peakRssKiB)} MiB (${MiB(a.rssBeforeKiB)} before the run), ` +
          `${a.metrics.events} events, ${a.wallMs.toFixed(0)} ms; ${long}: peak RSS ${MiB(b.peakRssKiB)} MiB ` +
          `(${MiB(b.rssBeforeKiB)} before), ${b.metrics.events} events, ${b.wallMs.toFixed(0)} ms; ` +
          `growth ${(((b.peakRssKiB - a.peakRssKiB) / a.peakRssKiB) * 100).toFixed(1)} %`,
      );
      // The long run really did ten times the work (otherwise the comparison says nothing).
      expect(Number(b.metrics.events)).toBeGreaterThan(5 * Number(a.metrics.events));
      expect(b.peakRssKiB).toBeLessThanOrEqual(1.2 * a.peakRssKiB);
    },
    600_000,
  );

  it('one hour simulated on the quickstart device: no drift, no overflow', () => {
    const hour = measure('scenarios/quickstart.yaml', 3, ['instances=64', 'duration=3600s']);
    const tenth = measure('scenarios/quickstart.yaml', 3, ['instances=64', 'duration=360s']);
    const m = hour.metrics;
    // Integer time: the window is exactly one hour of nanoseconds, and so is its report.
    expect(hour.spec.durationNs).toBe(3_600_000_000_000);
    expect(Number.isSafeInteger(hour.spec.warmupNs + hour.spec.durationNs)).toBe(true);
    expect(m.sim_time_ms).toBe(hour.spec.durationNs / 1e6);
    for (const [name, v] of Object.entries(m)) {
      if (
        name === 'events' ||
        name === 'instances_ready' ||
        name === 'instances_rejected' ||
        name === 'vectors_used'
      )
        expect(Number.isSafeInteger(v), `${name} = ${v}`).toBe(true);
    }
    // No drift: ops per second over the hour vs over its first six minutes. Each count is
    // Poisson-like (64 instances × 1/s), so the rates' difference has standard error
    // sqrt(r/T1 + r/T2); 4 standard errors.
    const r1 = Number(m.ctrl_ops_per_s);
    const r2 = Number(tenth.metrics.ctrl_ops_per_s);
    const se = Math.sqrt(r1 / 3600 + r2 / 360);
    expect(Math.abs(r1 - r2)).toBeLessThan(4 * se);
    expect(r1).toBeGreaterThan(60);
    const events = Number(m.events);
    const endNs = hour.spec.warmupNs + hour.spec.durationNs;
    console.log(
      `1 h quickstart (admin-vq): ${events} events in ${(hour.wallMs / 1000).toFixed(1)} s wall, peak RSS ` +
        `${MiB(hour.peakRssKiB)} MiB (6 min: ${MiB(tenth.peakRssKiB)} MiB); ctrl ${r1.toFixed(2)} ops/s over 1 h vs ` +
        `${r2.toFixed(2)} over 6 min (SE ${se.toFixed(2)}); headroom: time ${(2 ** 53 / endNs).toFixed(0)}× ` +
        `(2^53 ns = ${(2 ** 53 / 86_400e9).toFixed(1)} days), event sequence ${(2 ** 45 / events).toExponential(2)}×, ` +
        `counters ${(2 ** 53 / events).toExponential(2)}×`,
    );
  }, 900_000);
});
