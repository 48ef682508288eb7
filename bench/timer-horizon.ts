/**
 * Event rate over the course of a run whose timers spread over 1 ms (never a timed test).
 * Run: `npx tsx bench/timer-horizon.ts`.
 *
 * 100,000 instances × 1 kpps (10^8 pkt/s, arrivals ≈ 10 ns apart) on 320 engines, per-packet
 * fidelity, with coalescing `{ maxPackets: 64, maxUsecs: 1000 }`: every queue's first pending
 * completion arms a 1 ms timer, so ≈ 10^5 timers are pending, spread evenly over the next
 * millisecond, among dense near-future events. The event queue's bucket width follows the
 * dense events; its ring must still reach the timers, or they pile up in the far heap and
 * every event pays for it. The run goes in 1 ms slices of simulated time; each slice prints its
 * events per CPU-second, the pending count and where the queue keeps them (the far heap's share
 * is the deterministic part of the figure; the rates carry the machine's noise). A
 * 10,000-instance run first brings the JIT to its steady code; the first slice still pays the
 * first touch of the 100,000 instances' memory, so the drop is taken over the later slices.
 * Target: no slice (best of three runs) more than 20% below the fastest one.
 */
import type { ModelConfig } from '../src/model/config.js';
import { DataPath } from '../src/model/data-path/data-path.js';
import { chooseStrategies } from '../src/strategies/catalogue.js';
import { fixtureConfig, makeTestContext } from '../test/model/data-path/fixture-config.js';

const INSTANCES = 100_000;
const SLICE_NS = 1_000_000;
const SLICES = 12;

function config(instances: number): ModelConfig {
  const c = fixtureConfig();
  c.instances = instances;
  c.device.engines = 320;
  c.interrupts.coalescing = { kind: 'static', maxPackets: 64, maxUsecs: 1000 };
  const g = c.workload.groups[0];
  if (g === undefined) throw new Error('fixture has no group');
  g.count = instances;
  g.traffic.ratePps = 1000;
  return c;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function build(instances: number) {
  const ctx = makeTestContext(config(instances), 1, 0);
  const dp = new DataPath(ctx, chooseStrategies(ctx.config));
  dp.start();
  for (let i = 0; i < instances; i++) dp.activate(i);
  return ctx;
}

build(10_000).sim.run({ until: 3_000_000 });
// Each slice's figure is its best of REPEATS identical runs: the machine is shared, and the
// least disturbed run of a slice is the one that shows what the code costs.
const REPEATS = 3;
const bestMs = new Array<number>(SLICES).fill(Number.POSITIVE_INFINITY);
const sliceEvents = new Array<number>(SLICES).fill(0);
const lines: string[] = [];
for (let rep = 0; rep < REPEATS; rep++) {
  const ctx = build(INSTANCES);
  for (let s = 0; s < SLICES; s++) {
    const c0 = cpuMs();
    const r = ctx.sim.run({ until: (s + 1) * SLICE_NS });
    bestMs[s] = Math.min(bestMs[s] as number, cpuMs() - c0);
    sliceEvents[s] = r.events;
    if (rep > 0) continue;
    const q = ctx.sim.queueLayout();
    lines.push(
      `${ctx.sim.pending} pending, ${((100 * q.far) / Math.max(1, q.far + q.ring)).toFixed(0)}% in the far heap ` +
        `(ring of ${q.ringBuckets} buckets × ${q.widthNs} ns)`,
    );
  }
}
const rates = bestMs.map((ms, s) => (sliceEvents[s] as number) / (ms / 1000));
rates.forEach((rate, s) => {
  console.log(`${String(s + 1).padStart(3)} ms: ${(rate / 1e6).toFixed(2)} M events/CPU-s, ${lines[s]}`);
});
const events = sliceEvents.reduce((a, b) => a + b, 0);
const settled = rates.slice(1);
const fastest = Math.max(...settled);
const slowest = Math.min(...settled);
console.log(
  `timer-horizon: ${events.toLocaleString('en-US')} events; after the first, the slowest 1 ms slice runs at ` +
    `${((100 * slowest) / fastest).toFixed(0)}% of the fastest (drop ${((100 * (fastest - slowest)) / fastest).toFixed(0)}%; ` +
    `best of ${REPEATS} runs per slice) — target drop ≤ 20%`,
);
