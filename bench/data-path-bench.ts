/**
 * Data-path benchmarks (never a timed test). Run: `npx tsx bench/data-path-bench.ts [name…]`
 * (names: scale, events, memory; default all). For a precise memory figure add `--expose-gc`:
 * `node --expose-gc --import tsx bench/data-path-bench.ts memory`.
 *
 * - scale:  100,000 instances × 1 queue pair × 1 kpps each (10^8 pkt/s offered), per-packet
 *           fidelity, 10 ms of simulated time; target < 60 s wall.
 * - events: 10,000 instances at per-packet fidelity; target ≥ 2 M model events/s.
 * - memory: heap + typed arrays per idle instance, measured around building 1,000,000 idle
 *           instances; target ≤ 4 KiB.
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

function run(config: ModelConfig, untilNs: number, warmupNs = 0) {
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
  const result = ctx.sim.run({ until: untilNs });
  const t2 = performance.now();
  const sink = new RecordingSink();
  dp.collect(sink, untilNs - warmupNs);
  return { buildMs: t1 - t0, runMs: t2 - t1, events: result.events, sink, totals: dp.totals() };
}

function fmt(x: number, digits = 2): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function benchScale(): void {
  const r = run(configFor(100_000, 1000, 320), 10_000_000);
  const m = r.sink.metrics;
  console.log(
    `scale: 100,000 instances × 1 kpps, 10 ms simulated: build ${fmt(r.buildMs / 1000)} s, run ${fmt(r.runMs / 1000)} s ` +
      `(${fmt(r.events)} events, ${fmt(r.events / (r.runMs / 1000) / 1e6)} M events/s); offered ${fmt(r.totals.offered)} ` +
      `pkts, handled ${fmt(r.totals.handled)}, engine_util ${fmt(Number(m.engine_util), 3)}, ` +
      `iotlb_hit_rate ${fmt(Number(m.iotlb_hit_rate), 4)} — target < 60 s`,
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

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all: Record<string, () => void> = { memory: benchMemory, events: benchEvents, scale: benchScale };
for (const [name, fn] of Object.entries(all)) if (wanted.length === 0 || wanted.includes(name)) fn();
