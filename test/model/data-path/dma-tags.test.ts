/**
 * Outstanding DMA requests (dma-tags.ts, engines.ts): an engine keeps up to `device.dmaTags`
 * requests in flight, so its throughput is Little's law — tags / request latency — until its
 * serial work (engine service + bytes over the link) binds, and a translation stall costs
 * throughput only when the tags run out.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { DmaTags } from '../../../src/model/data-path/dma-tags.js';
import { fixtureConfig, runDataPath } from './fixture-config.js';

describe('DmaTags', () => {
  it('starts at most T requests at once; the tag released first is reused', () => {
    const t = new DmaTags(1, 2);
    const done: number[] = [];
    for (let j = 0; j < 5; j++) {
      const start = t.acquire(0, 0);
      done.push(start + 100 + 10 * j);
      t.release(0, start + 100 + 10 * j);
    }
    // Requests 0 and 1 start at 0 (done 100, 110); 2 takes the tag freed at 100 (done 220);
    // 3 the one freed at 110 (done 240); 4 the one freed at 220 (done 360).
    expect(done).toEqual([100, 110, 220, 240, 360]);
  });
});

const L = 1000; // DMA round trip (dmaRead), ns
const K = 16; // descriptors per fetch

/**
 * One engine serving one TX queue offered 10× what it can carry, so every fetch takes K
 * descriptors (the 256-entry ring stays full); translations are free unless `missNs` is given,
 * and then every buffer page is a new one.
 */
function saturated(
  tags: number,
  workNs: number,
  opts: { perByte?: number; missNs?: number } = {},
): ModelConfig {
  const c = fixtureConfig();
  c.instances = 1;
  c.strategy.isolation = 'none';
  c.device.engines = 1;
  c.device.dmaRead = L;
  c.device.dmaTags = tags;
  c.device.descPrefetch = K;
  c.device.enginePerByte = opts.perByte ?? 0;
  c.iommu.missPenalty = opts.missNs ?? 0;
  c.interrupts.coalescing = { kind: 'static', maxPackets: 0, maxUsecs: 0 };
  // A free guest driver: its per-packet handling (500 ns) would otherwise cap the queue at 2 Mpps.
  c.interrupts.guestIrq = 0;
  c.interrupts.guestPerPacket = 0;
  const g = c.workload.groups[0];
  if (g === undefined) throw new Error('fixture');
  g.count = 1;
  g.traffic.ratePps = 30_000_000;
  g.traffic.direction = 'tx';
  g.traffic.packetSize = { dist: 'constant', value: 1000 };
  g.traffic.workingSet = opts.missNs === undefined ? 4096 : 4096 * 65_536;
  c.workload.groups[0] = { ...g };
  // The engine's own work per packet: engineService (per-packet service draw) + bytes × perByte.
  c.device.engineService = { dist: 'constant', value: workNs };
  return c;
}

const WINDOW = 10e6;
/** Packets per second from the run, and the window-boundary bound: two turns of packets. */
function throughput(c: ModelConfig): { pps: number; slack: number } {
  const r = runDataPath(c, { warmupNs: 200_000, durationNs: WINDOW });
  expect(r.sink.num('drop_rate')).toBeGreaterThan(0.5); // the load really is 10× or more
  return { pps: r.sink.num('throughput_pps'), slack: (2 * K * 1e9) / WINDOW };
}

describe("an engine's DMA concurrency: throughput = tags / latency until the work binds", () => {
  // A turn: the fetch's two dependent reads (2L), then K buffer DMAs of L each, T at a time,
  // each followed by its serial work c once its data is in.
  it('DMA-bound (T·c ≤ L): turn = 2L + ⌈K/T⌉·L + T·c', () => {
    for (const tags of [1, 4, 8]) {
      const c = 10;
      const turn = 2 * L + Math.ceil(K / tags) * L + tags * c;
      const { pps, slack } = throughput(saturated(tags, c));
      expect(Math.abs(pps - (K * 1e9) / turn), `${tags} tags`).toBeLessThanOrEqual(slack);
    }
  });

  it('work-bound (tags plenty): turn = 3L + K·c, whether the engine or the link is the work', () => {
    const engine = throughput(saturated(64, 500));
    const link = throughput(saturated(64, 0, { perByte: 0.5 })); // 1000 B × 0.5 ns/B = 500 ns
    const expected = (K * 1e9) / (3 * L + K * 500);
    expect(Math.abs(engine.pps - expected)).toBeLessThanOrEqual(engine.slack);
    expect(Math.abs(link.pps - expected)).toBeLessThanOrEqual(link.slack);
  });

  it('with enough tags a buffer miss costs no throughput beyond the first of a turn; with one tag each costs its stall', () => {
    const miss = 300;
    // Plenty of tags: only the first packet's stall is on the turn's critical path.
    const hidden = throughput(saturated(64, 500, { missNs: miss }));
    expect(hidden.pps).toBeLessThanOrEqual((K * 1e9) / (3 * L + K * 500) + hidden.slack);
    expect(hidden.pps).toBeGreaterThanOrEqual((K * 1e9) / (3 * L + miss + K * 500) - hidden.slack);
    // One tag: every buffer DMA waits for the previous one, stall included: turn = 2L + K(L + s) + c.
    const serial = throughput(saturated(1, 10, { missNs: miss }));
    const expected = (K * 1e9) / (2 * L + K * (L + miss) + 10);
    // Ring pages stay cached (3 pages, touched every turn); a buffer hits with probability ≤ 64/65,536.
    expect(Math.abs(serial.pps - expected)).toBeLessThanOrEqual(serial.slack + 1e-3 * expected);
  });
});
