/**
 * Data-path benchmarks (never a timed test). Run: `npx tsx bench/data-path-bench.ts [name…]`
 * (names: memory, saturated, events, scale; default all). For a precise memory figure add `--expose-gc`:
 * `node --expose-gc --import tsx bench/data-path-bench.ts memory`.
 *
 * - scale:  100,000 instances × 1 queue pair × 1 kpps each (10^8 pkt/s offered), per-packet
 *           fidelity, 10 ms of simulated time; target < 60 s wall.
 * - events: 10,000 instances at per-packet fidelity; target ≥ 2 M model events/s.
 * - memory: heap + typed arrays per idle instance, measured around building 1,000,000 idle
 *           instances; target ≤ 4 KiB.
 * - saturated: peak heap + typed arrays per instance while 1,000,000 instances × 1 kpps
 *           (10^9 pkt/s, ≈ 200× what the platform's 8 engines serve) run for 10 ms at
 *           per-packet fidelity: rings fill at ≈ 1 packet per instance per ms, so each instance
 *           ends with ≈ 10 packets in flight; sampled every 0.25 ms; target ≤ 1 KiB.
 * The device is sized so that the offered load fits (engines), with the platform defaults
 * otherwise (4 KiB pages, 64-entry IOTLB, static mappings, 32 packets / 16 µs coalescing).
 */

import { Priority } from '../src/engine/priority.js';
import type { ModelConfig } from '../src/model/config.js';
import { DataPath } from '../src/model/data-path/data-path.js';
import { runPhold } from '../src/runner/phold-bench.js';
import { chooseStrategies } from '../src/strategies/catalogue.js';
import { fixtureConfig, makeTestContext, RecordingSink } from '../test/model/data-path/fixture-config.js';

function configFor(instances: number, ratePps: number, engines: number): ModelConfig {
  const c = fixtureConfig();
  c.instances = instances;
  c.device.engines = engines;
  const g = c.workload.groups[0];
  if (g === undefined) throw new Error('fixture has no group');
  g.count = instances;
  g.traffic.ratePps = ratePps;
  return c;
}

/** One run; with `slices`, in that many equal steps, sampling the pending-event count between them. */
function run(config: ModelConfig, untilNs: number, warmupNs = 0, slices = 1) {
  const t0 = performance.now();
  const ctx = makeTestContext(config, 1, 0);
  const dp = new DataPath(ctx, chooseStrategies(ctx.config));
  dp.start();
  for (let i = 0; i < ctx.instances.capacity; i++) dp.activate(i);
  if (warmupNs > 0) {
    const h = ctx.sim.handler('bench/warmup', () => dp.resetStats(ctx.sim.now));
    ctx.sim.scheduleAt(warmupNs, h, 0, Priority.LATE);
  }
  const t1 = performance.now();
  let events = 0;
  let pendingSum = 0;
  for (let i = 1; i <= slices; i++) {
    events += ctx.sim.run({ until: Math.round((untilNs * i) / slices) }).events;
    pendingSum += ctx.sim.pending;
  }
  const t2 = performance.now();
  const sink = new RecordingSink();
  dp.collect(sink, untilNs - warmupNs);
  return {
    buildMs: t1 - t0,
    runMs: t2 - t1,
    events,
    meanPending: pendingSum / slices,
    sink,
    totals: dp.totals(),
  };
}

function fmt(x: number, digits = 2): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function benchScale(): void {
  // Best of two runs (the machine is shared), each in 100 slices so that the pending-event
  // count can be sampled between them; PHOLD then runs at that pending count (10 events per LP)
  // for about as many events, also best of two: the model's event rate against the engine's.
  let best: ReturnType<typeof run> | undefined;
  let pending = 0;
  for (let i = 0; i < 2; i++) {
    const r = run(configFor(100_000, 1000, 320), 10_000_000, 0, 100);
    if (best === undefined || r.runMs < best.runMs) best = r;
    pending = r.meanPending;
  }
  if (best === undefined) return;
  const m = best.sink.metrics;
  const modelRate = best.events / (best.runMs / 1000);
  const lps = Math.max(1, Math.round(pending / 10));
  let phold = 0;
  for (let i = 0; i < 2; i++) {
    const p = runPhold({ lps, epl: 10, untilUs: Math.max(1, best.events / (lps * 10)), seed: 1 + i });
    phold = Math.max(phold, p.events_per_s);
  }
  console.log(
    `scale: 100,000 instances × 1 kpps, 10 ms simulated: build ${fmt(best.buildMs / 1000)} s, run ${fmt(best.runMs / 1000)} s ` +
      `(${fmt(best.events)} events, ${fmt(modelRate / 1e6)} M events/s, ${fmt(pending, 0)} pending on average); offered ` +
      `${fmt(best.totals.offered)} pkts, handled ${fmt(best.totals.handled)}, engine_util ${fmt(Number(m.engine_util), 3)}, ` +
      `iotlb_hit_rate ${fmt(Number(m.iotlb_hit_rate), 4)} — target < 60 s`,
  );
  console.log(
    `scale vs PHOLD: PHOLD at the same pending count (${fmt(lps)} LPs × 10) runs ${fmt(phold / 1e6)} M events/s; ` +
      `the model runs at ${fmt((100 * modelRate) / phold, 0)}% of it — target ≥ 50%`,
  );
}

function benchEvents(): void {
  // 10,000 instances × 2 kpps = 2·10^7 pkt/s on 64 engines (≈ 74% busy). Best of 3 runs: the
  // machine is shared, so the fastest run is the least disturbed one. PHOLD (1,000 LPs × 10,
  // the engine's own benchmark) runs alongside as the reference of what the kernel alone does.
  let best = Number.POSITIVE_INFINITY;
  let last: ReturnType<typeof run> | undefined;
  for (let i = 0; i < 3; i++) {
    last = run(configFor(10_000, 2000, 64), 20_000_000, 2_000_000);
    best = Math.min(best, last.runMs);
  }
  if (last === undefined) return;
  const m = last.sink.metrics;
  const phold = runPhold({ lps: 1000, epl: 10, untilUs: 500, seed: 1 });
  console.log(
    `events: 10,000 instances × 2 kpps, 20 ms simulated: ${fmt(last.events)} events in ${fmt(best / 1000)} s = ` +
      `${fmt(last.events / (best / 1000) / 1e6)} M events/s (interrupts/packet ${fmt(Number(m.interrupts_per_packet), 3)}, ` +
      `engine_util ${fmt(Number(m.engine_util), 3)}; PHOLD reference ${fmt(phold.events_per_s / 1e6)} M events/s) ` +
      '— target ≥ 2 M events/s',
  );
}

function usedBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const u = process.memoryUsage();
  return u.heapUsed + u.arrayBuffers;
}

function benchMemory(): void {
  const n = 1_000_000;
  const config = configFor(n, 1000, 8);
  const before = usedBytes();
  const ctx = makeTestContext(config, 1, 0);
  const dp = new DataPath(ctx, chooseStrategies(ctx.config));
  const after = usedBytes();
  const perInstance = (after - before) / n;
  console.log(
    `memory: ${fmt(n)} idle instances (InstanceTable + DataPath, Poisson workload): ${fmt((after - before) / 2 ** 20, 1)} MiB ` +
      `= ${fmt(perInstance, 1)} bytes per instance — target ≤ 4096 ` +
      `(gc ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'forced' : 'not exposed'})`,
  );
  if (dp.activeInstances !== 0) throw new Error('unexpected');
}

function benchSaturatedMemory(): void {
  const n = 1_000_000;
  const config = configFor(n, 1000, 8);
  const before = usedBytes();
  const ctx = makeTestContext(config, 1, 0);
  const dp = new DataPath(ctx, chooseStrategies(ctx.config));
  dp.start();
  for (let i = 0; i < n; i++) dp.activate(i);
  let peak = 0;
  const sample = () => {
    const u = process.memoryUsage();
    peak = Math.max(peak, u.heapUsed + u.arrayBuffers - before);
  };
  sample();
  const t0 = performance.now();
  for (let t = 1; t <= 40; t++) {
    ctx.sim.run({ until: t * 250_000 });
    sample();
  }
  const wall = (performance.now() - t0) / 1000;
  const inFlight = dp.totals().inFlight;
  console.log(
    `saturated: ${fmt(n)} instances × 1 kpps, 10 ms at per-packet fidelity (${fmt(ctx.sim.eventsProcessed)} events, ` +
      `${fmt(wall)} s): ${fmt(inFlight / n, 2)} packets in flight per instance, peak ${fmt(peak / 2 ** 20, 1)} MiB = ` +
      `${fmt(peak / n, 1)} bytes per instance — target ≤ 1024`,
  );
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all: Record<string, () => void> = {
  memory: benchMemory,
  saturated: benchSaturatedMemory,
  events: benchEvents,
  scale: benchScale,
};
for (const [name, fn] of Object.entries(all)) if (wanted.length === 0 || wanted.includes(name)) fn();
