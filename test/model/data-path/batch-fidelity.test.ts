/**
 * Batch fidelity against per-packet fidelity. Batch mode serves a whole turn (budget 64) in one
 * service event and takes arrivals and coalescing timers in 1 µs windows; its documented error
 * (docs/model.md, "Fidelity") is throughput within 0.5% and mean latency within 5%. Both modes
 * draw the same packets from the same streams, so every comparison here is paired (common
 * random numbers) and the differences are the fidelity's bias, not sampling noise.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { summarize } from '../../../src/stats/confidence.js';
import { fixtureConfig, runDataPath } from './fixture-config.js';

function config(mode: 'packet' | 'batch', instances: number, ratePps: number): ModelConfig {
  const c = fixtureConfig();
  c.instances = instances;
  c.fidelity = { mode, budget: 64, window: 1000 };
  const g = c.workload.groups[0];
  if (g === undefined) throw new Error('fixture');
  g.count = instances;
  g.traffic.ratePps = ratePps;
  return c;
}

interface Measured {
  thr: number;
  lat: number;
  offered: number[];
  events: number;
}

function measure(reps: number, make: () => ModelConfig, warmupNs: number, durationNs: number): Measured {
  const thr: number[] = [];
  const lat: number[] = [];
  const offered: number[] = [];
  let events = 0;
  for (let rep = 0; rep < reps; rep++) {
    const r = runDataPath(make(), { warmupNs, durationNs, replication: rep });
    thr.push(r.sink.num('throughput_pps'));
    lat.push(r.sink.num('latency_mean_us'));
    offered.push(r.sink.num('offered_pps'));
    events += r.ctx.sim.eventsProcessed;
  }
  return { thr: summarize(thr).mean, lat: summarize(lat).mean, offered, events };
}

describe('fidelity: batch events against per-packet events', () => {
  it('a busy device that keeps up: same throughput, mean latency within 5% (measured ≈ 4%)', () => {
    // 200 instances × 50 kpps = 10 Mpps on 16 engines (busy all the time, so turns of several
    // packets form), 2 MiB pages (no translation misses), 5 replications each.
    const make = (mode: 'packet' | 'batch') => () => {
      const c = config(mode, 200, 50_000);
      c.device.engines = 16;
      const g = c.workload.groups[0];
      if (g !== undefined) g.traffic.workingSet = 8192;
      c.iommu.iotlb.pageSize = 2 * 1024 * 1024;
      return c;
    };
    const packet = measure(5, make('packet'), 2e6, 8e6);
    const batch = measure(5, make('batch'), 2e6, 8e6);
    // The same packets are offered: windows end on multiples of 1 µs, and so do the warm-up
    // and the run, so not one arrival changes sides of a boundary.
    expect(batch.offered).toEqual(packet.offered);
    expect(Math.abs(batch.thr - packet.thr) / packet.thr).toBeLessThanOrEqual(0.005);
    // Latency is biased up by design: a turn's packets complete together at its end (≈ 2% here,
    // measured with a 1 ns window), and an arrival waits for its window's end (0.5 µs on average,
    // 1.6% of the ≈ 32 µs mean); coalescing timers fire at the nearest boundary (no bias).
    expect(Math.abs(batch.lat - packet.lat) / packet.lat).toBeLessThanOrEqual(0.05);
    // Arrivals alone are ≈ 1 of the ≈ 3.4 events per packet in per-packet mode, and ≈ 10 arrive
    // per window, so batch mode must save at least a quarter of the events.
    expect(batch.events).toBeLessThan(0.75 * packet.events);
  });

  it('offered 10× its capacity: ≥ 5× fewer events, throughput within 0.5%, latency within 5%', () => {
    // 20,000 instances × 5 kpps = 10^8 pkt/s on the platform's 8 engines (≈ 5 Mpps with
    // translation misses): rings fill and most arrivals are dropped, which per-packet mode pays
    // one event each for and batch mode ≈ 100 per window. The 64-entry IOTLB misses on 4 in 10
    // lookups here, as at 100,000 instances. (Where engines share a small IOTLB with partial
    // locality — 2,000 instances — batch mode's back-to-back turns hit more often and its
    // throughput is 5.7% high: docs/model.md documents that regime.)
    const packet = measure(2, () => config('packet', 20_000, 5000), 1e6, 3e6);
    const batch = measure(2, () => config('batch', 20_000, 5000), 1e6, 3e6);
    expect(batch.offered).toEqual(packet.offered);
    expect(batch.events * 5).toBeLessThanOrEqual(packet.events);
    expect(Math.abs(batch.thr - packet.thr) / packet.thr).toBeLessThanOrEqual(0.005);
    expect(Math.abs(batch.lat - packet.lat) / packet.lat).toBeLessThanOrEqual(0.05);
  });
});
