/**
 * The block data path against queueing theory: one instance, one backend worker, open-loop
 * Poisson requests (M/D/1 and M/M/1 mean latency), a closed loop (Little's law and the exact
 * throughput of a saturated server), and 10× overload (completions at capacity, refusals, and a
 * cost per completion that does not grow with the backlog).
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/stats/confidence.js';
import { blkFleet, blkGroup, metric, runBlk } from './blk-run.js';
import { fixtureBlk } from './fixture-blk.js';

const US = 1000;
const D = 10 * US;
const REPS = 8;
const WARMUP = 5_000_000;
const DURATION = 100_000_000;

function meanLatencyUs(
  service: 'deterministic' | 'exponential',
  ratePerS: number,
): { mean: number; se: number } {
  const values: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const c = blkFleet([blkGroup('disk', 1, { rate: ratePerS })]);
    c.blk = fixtureBlk({
      workers: 1,
      service:
        service === 'deterministic' ? { dist: 'deterministic', value: D } : { dist: 'exponential', mean: D },
    });
    values.push(metric(runBlk(c, DURATION, WARMUP, r), 'blk_latency_mean_us'));
  }
  const s = summarize(values);
  return { mean: s.mean, se: s.stddev / Math.sqrt(s.n) };
}

describe('blk requests: open-loop Poisson on one worker', () => {
  it('match M/D/1 at ρ = 0.5: W = D + ρD / (2(1 − ρ)) = 15 µs', () => {
    const { mean, se } = meanLatencyUs('deterministic', 50_000);
    // 4 standard errors of 8 replications (≈ 5,000 requests each), plus the histogram's ≤ 0.8 % bucket error.
    expect(Math.abs(mean - 15)).toBeLessThan(4 * se + 0.008 * 15);
  });

  it('match M/M/1 at ρ = 0.5: W = 1 / (μ − λ) = 20 µs', () => {
    const { mean, se } = meanLatencyUs('exponential', 50_000);
    // 4 standard errors of 8 replications, plus the histogram's bucket error.
    expect(Math.abs(mean - 20)).toBeLessThan(4 * se + 0.008 * 20);
  });

  it('at 10× capacity complete at 1/D, refuse what the ring cannot hold, and cost O(1) events per completion', () => {
    const events: number[] = [];
    for (const duration of [DURATION / 10, DURATION / 5]) {
      const c = blkFleet([blkGroup('disk', 1, { rate: 1_000_000 })]);
      c.blk = fixtureBlk({ workers: 1, service: { dist: 'deterministic', value: D } });
      const out = runBlk(c, duration, WARMUP);
      // The worker never idles: exactly one completion per D (± one request at each edge of the window).
      expect(Math.abs(metric(out, 'blk_iops') * (duration / 1e9) - duration / D)).toBeLessThanOrEqual(2);
      // 1 M/s offered, 100 k/s served: 90 % of requests find the 256-entry ring full.
      expect(metric(out, 'blk_refused_rate')).toBeCloseTo(0.9, 2);
      // Queueing: a request waits for the 255 ahead of it in the ring.
      expect(metric(out, 'blk_latency_mean_us')).toBeCloseTo((256 * D) / US, -1);
      events.push(metric(out, 'events') / (metric(out, 'blk_iops') * (duration / 1e9)));
    }
    // Arrivals (10 per completion), the backend's and the interrupt's events: bounded, not growing with time.
    expect(events[0]).toBeLessThan(14);
    expect(Math.abs((events[1] as number) - (events[0] as number))).toBeLessThan(0.1);
  });
});

describe('blk requests: closed loop', () => {
  it.each([1, 4, 32])("iodepth %i obeys Little's law (IOPS = iodepth / latency)", (iodepth) => {
    const c = blkFleet([blkGroup('disk', 1, { iodepth })]);
    c.blk = fixtureBlk({ workers: 2, service: { dist: 'exponential', mean: D } });
    const out = runBlk(c, DURATION, WARMUP);
    const iops = metric(out, 'blk_iops');
    const latencyS = metric(out, 'blk_latency_mean_us') / 1e6;
    // L = λW holds exactly in a window up to its edges: iodepth requests straddle each edge
    // (≤ iodepth / ~10,000 completions), plus the histogram's 0.8 % bucket error on W.
    expect(Math.abs(iops * latencyS - iodepth) / iodepth).toBeLessThan(0.01 + iodepth / 5000);
  });

  it('saturates two deterministic workers at exactly 2/D with iodepth 4 (latency 2D)', () => {
    const c = blkFleet([blkGroup('disk', 1, { iodepth: 4 })]);
    c.blk = fixtureBlk({ workers: 2, service: { dist: 'deterministic', value: D } });
    const out = runBlk(c, DURATION, WARMUP);
    expect(Math.abs(metric(out, 'blk_iops') - 2e9 / D)).toBeLessThanOrEqual(2 / (DURATION / 1e9));
    expect(metric(out, 'blk_latency_mean_us')).toBeCloseTo((2 * D) / US, 6);
  });
});

describe('blk backend utilisation and the steady-state check', () => {
  const STEADY = 'not in steady state: block requests in flight';

  it('is ρ = λD / c at ρ = 0.5, and a stable backend is not flagged', () => {
    const values: number[] = [];
    for (let r = 0; r < REPS; r++) {
      const c = blkFleet([blkGroup('disk', 1, { rate: 50_000 })]);
      c.blk = fixtureBlk({ workers: 1, service: { dist: 'deterministic', value: D } });
      const out = runBlk(c, DURATION, WARMUP, r);
      values.push(metric(out, 'blk_backend_util'));
      expect(out.warnings.some((w) => w.startsWith(STEADY))).toBe(false);
    }
    const s = summarize(values);
    // 4 standard errors of 8 replications: the busy fraction of a window is λ̂D, λ̂ Poisson.
    expect(Math.abs(s.mean - 0.5)).toBeLessThan((4 * s.stddev) / Math.sqrt(s.n));
  });

  it('at 2× capacity with room in the rings: busy 100 %, a growing backlog, and the run says so', () => {
    // 20 disks × 10 k/s = 200 k/s offered to one 10 µs worker (100 k/s): the backlog grows by
    // 100 k/s × 20 ms = 2000 requests, below the 20 × 256 ring slots, so nothing is refused.
    const c = blkFleet([blkGroup('disk', 20, { rate: 10_000 })]);
    c.blk = fixtureBlk({ workers: 1, service: { dist: 'deterministic', value: D } });
    const out = runBlk(c, 20_000_000, 1_000_000);
    expect(metric(out, 'blk_backend_util')).toBeGreaterThan(0.999);
    expect(metric(out, 'blk_refused_rate')).toBe(0);
    expect(out.warnings.some((w) => w.startsWith(STEADY))).toBe(true);
  });
});
