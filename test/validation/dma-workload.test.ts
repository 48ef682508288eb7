/**
 * The DMA microbenchmark workload against its closed forms (src/model/data-path/dma-bench.ts).
 *
 * - Hit rate: an LRU cache of C entries under independent uniform references to N > C pages
 *   holds C of them, so a reference hits with probability C/N exactly.
 * - Rate: T requests always outstanding, each taking L = dmaRead + size·perByte + (1 − C/N)·walk,
 *   complete at T / L (Little's law) while nothing else bounds them; a walker pool of k bounds
 *   misses at k / walk, a link share at 1 / (size·perByte).
 *
 * Tolerances: 2 CI half-widths over the replications (≈ 95% each, so a correct model passes
 * both sides) plus the window edge — requests are counted at completion, so the count can be off
 * by at most T (in flight at each edge) out of the window's total.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from './run-yaml.js';

const WALK_NS = 4 * 75; // 4 levels × 75 ns, the platform walk
const READ_NS = 600;

function scenario(opts: {
  window: string;
  outstanding: number;
  size?: string;
  op?: string;
  pattern?: string;
  cache?: string;
  isolation?: string;
  perByte?: string;
  walkers?: number;
  entries?: number;
  duration?: string;
}): string {
  return `
name: dma-closed-form
seed: 7
duration: ${opts.duration ?? '1ms'}
warmup: 200us
replications: 5
parent: vp_vdpa
instances: 1
strategy: { isolation: ${opts.isolation ?? 'rid-per-vf'} }
device: { dmaRead: ${READ_NS}ns, enginePerByte: ${opts.perByte ?? '0ns/B'} }
iommu:
  iotlb: { entries: ${opts.entries ?? 64}, ways: 0, pageSize: 4KiB }
  walk: { levels: 4, memAccess: 75ns, pwcEntries: 0, concurrency: ${opts.walkers ?? 0} }
workload:
  groups:
    - name: bench
      dma:
        op: ${opts.op ?? 'read'}
        size: ${opts.size ?? '64B'}
        window: ${opts.window}
        pattern: ${opts.pattern ?? 'random'}
        outstanding: ${opts.outstanding}
        cache: ${opts.cache ?? 'warm'}
`;
}

/** |measured − expected| within 2 CI half-widths plus a relative edge allowance. */
function expectClose(s: { mean: number; ci95Half: number }, expected: number, edge: number, what: string) {
  expect(Number.isFinite(s.mean), what).toBe(true);
  expect(
    Math.abs(s.mean - expected),
    `${what}: ${s.mean} vs ${expected} ± ${s.ci95Half}`,
  ).toBeLessThanOrEqual(2 * s.ci95Half + edge * Math.abs(expected));
}

describe('DMA workload: closed forms', () => {
  it('hit rate C/N and rate T / (base + miss rate × walk) (Little), for N from 2C to 64C', async () => {
    const T = 16;
    for (const pages of [128, 1024, 4096]) {
      const [p] = await runYaml(scenario({ window: `${pages * 4}KiB`, outstanding: T }));
      const hit = 64 / pages;
      const latency = READ_NS + (1 - hit) * WALK_NS;
      const rate = (T / latency) * 1e9;
      const count = rate * 1e-3;
      expectClose(p!.metric('iotlb_hit_rate'), hit, 0, `hit rate at N = ${pages}`);
      expectClose(p!.metric('dma_latency_mean_ns'), latency, 0, `latency at N = ${pages}`);
      expectClose(p!.metric('dma_transactions_per_s'), rate, T / count, `rate at N = ${pages}`);
    }
  });

  it('cold: the measured window starts with nothing cached; warm: with the window cached', async () => {
    // 16 pages ≤ 64 entries: warm never misses; cold misses each page once.
    const [warm] = await runYaml(scenario({ window: '64KiB', outstanding: 8, cache: 'warm' }));
    const [cold] = await runYaml(scenario({ window: '64KiB', outstanding: 8, cache: 'cold' }));
    expect(warm!.metric('iotlb_hit_rate').mean).toBe(1);
    const lookups = cold!.metric('dma_transactions_per_s').mean * 1e-3;
    // 16 compulsory misses out of the window's lookups (exact up to the T requests at the edge).
    expectClose(cold!.metric('iotlb_hit_rate'), 1 - 16 / lookups, 8 / lookups, 'cold hit rate');
  });

  it('sequential 64 B reads miss once per 4 KiB page: hit rate 1 − 64/4096 beyond the IOTLB reach', async () => {
    const [p] = await runYaml(scenario({ window: '4MiB', outstanding: 8, pattern: 'sequential' }));
    expectClose(p!.metric('iotlb_hit_rate'), 1 - 64 / 4096, 0.001, 'sequential hit rate');
  });

  it('passthrough: no translation, the same rate at every window (the flat no-IOMMU line)', async () => {
    const T = 32;
    for (const window of ['4KiB', '64MiB']) {
      const [p] = await runYaml(scenario({ window, outstanding: T, isolation: 'passthrough' }));
      expect(p!.runs[0]!.metrics.iotlb_hit_rate).toBeUndefined();
      expect(p!.metric('dma_latency_mean_ns').mean).toBe(READ_NS);
      expectClose(p!.metric('dma_transactions_per_s'), (T / READ_NS) * 1e9, T / 53_333, `rate at ${window}`);
    }
  });

  it('k walkers bound misses at k / walk whatever is outstanding (saturated 10×: T = 320)', async () => {
    const pages = 16384; // 64 MiB: hit rate 64/16384
    const miss = 1 - 64 / pages;
    for (const walkers of [1, 4]) {
      const [p] = await runYaml(scenario({ window: '64MiB', outstanding: 320, walkers }));
      const rate = (walkers / (miss * WALK_NS)) * 1e9;
      expectClose(
        p!.metric('dma_transactions_per_s'),
        rate,
        320 / (rate * 1e-3),
        `rate with ${walkers} walkers`,
      );
      // Closed loop: T in flight, so the mean latency is T / rate (Little), most of it queueing for a walker.
      expectClose(
        p!.metric('dma_latency_mean_ns'),
        (320 / rate) * 1e9,
        0.02,
        `latency with ${walkers} walkers`,
      );
      // Cost grows with the work done: two events per request, whatever the queue.
      const events = p!.runs[0]!.metrics.events as number;
      const done = (p!.runs[0]!.metrics.dma_transactions_per_s as number) * 1e-3;
      expect(events / done).toBeGreaterThan(1.9);
      expect(events / done).toBeLessThan(2.1);
    }
  });

  it('the link share bounds large transfers at 1 / (size × perByte): 4 KiB reads at 0.28 ns/B = 28.6 Gb/s', async () => {
    const [p] = await runYaml(
      scenario({ window: '4KiB', size: '4KiB', outstanding: 32, perByte: '0.28ns/B' }),
    );
    expectClose(p!.metric('dma_bandwidth_gbps'), 8 / 0.28, 32 / 870, 'link-bound bandwidth');
  });

  it('writes are posted (no round trip); a read-write is a write then a read, each translated', async () => {
    const [w] = await runYaml(scenario({ window: '4KiB', op: 'write', outstanding: 1, perByte: '1ns/B' }));
    expect(w!.metric('dma_latency_mean_ns').mean).toBeCloseTo(64, 6);
    const [rw] = await runYaml(
      scenario({ window: '4KiB', op: 'read-write', outstanding: 1, perByte: '1ns/B' }),
    );
    expect(rw!.metric('dma_latency_mean_ns').mean).toBeCloseTo(64 + READ_NS + 64, 6);
    // A read-write moves its bytes twice.
    const perS = rw!.metric('dma_transactions_per_s').mean;
    expect(rw!.metric('dma_bandwidth_gbps').mean).toBeCloseTo((perS * 2 * 64 * 8) / 1e9, 6);
  });
});
