import { Simulator } from '../engine/simulator.js';
import { StreamFactory } from '../random/stream-factory.js';
import { NS_PER_US } from '../util/units.js';

export interface PholdOptions {
  /** Logical processes. */
  lps: number;
  /** Events each LP starts with. */
  epl: number;
  /** Stop time in µs (mean delay is 1 µs). */
  untilUs: number;
  seed: number;
}

export interface PholdResult {
  lps: number;
  epl: number;
  until: number;
  events: number;
  /** Wall time of the event loop only (set-up excluded), seconds. */
  wall_s: number;
  events_per_s: number;
  fingerprint: string;
}

const MEAN_DELAY_NS = NS_PER_US;

/**
 * PHOLD on the real engine API: `lps` logical processes each start with `epl` events at
 * exponential(mean 1 µs) times; each processed event schedules exactly one new event for a
 * uniformly random LP at now + exponential(mean 1 µs); the run stops at `untilUs`. The same
 * workload as `../shared/bench/des-baseline.c`, so the two event rates compare directly.
 * Lives in the runner layer because it reads the wall clock.
 */
export function runPhold(options: PholdOptions): PholdResult {
  const { lps, epl, untilUs, seed } = options;
  const sim = new Simulator(lps * epl + 16);
  const rng = new StreamFactory(seed, 0).stream('bench/phold');
  const received = new Uint32Array(lps);
  const hop = sim.handler('phold/hop', (lp: number) => {
    received[lp] = (received[lp] as number) + 1;
    sim.schedule(rng.exponential(MEAN_DELAY_NS), hop, rng.below(lps));
  });
  for (let lp = 0; lp < lps; lp++) {
    for (let k = 0; k < epl; k++) sim.schedule(rng.exponential(MEAN_DELAY_NS), hop, lp);
  }
  const t0 = process.hrtime.bigint();
  const { events } = sim.run({ until: Math.round(untilUs * NS_PER_US) });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    lps,
    epl,
    until: untilUs,
    events,
    wall_s: wall,
    events_per_s: events / wall,
    fingerprint: sim.fingerprint.value,
  };
}
