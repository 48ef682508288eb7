/**
 * Small queueing models built only on the public engine API (schedule, run), used to validate
 * the kernel against queueing theory: a FIFO G/G/c station, plus the closed forms it is
 * compared with. Statistics come from src/stats, so these tests also exercise Tally and
 * TimeWeighted against known answers.
 */
import { Priority } from '../../src/engine/priority.js';
import { Simulator } from '../../src/engine/simulator.js';
import type { Distribution } from '../../src/random/distribution.js';
import { StreamFactory } from '../../src/random/stream-factory.js';
import { Tally } from '../../src/stats/tally.js';
import { TimeWeighted } from '../../src/stats/time-weighted.js';

export interface StationSpec {
  servers: number;
  interarrival: Distribution;
  service: Distribution;
  /** Statistics cover [warmupNs, warmupNs + measureNs]; arrivals continue until the end. */
  warmupNs: number;
  measureNs: number;
}

/** One replication's steady-state estimates (times in ns, rates per ns). */
export interface StationResult {
  /** Mean wait in queue of customers that arrived in the window and started service. */
  waitNs: number;
  /** Mean time in system of customers that arrived in the window and left. */
  sojournNs: number;
  /** Time-average number in system over the window. */
  inSystem: number;
  /** Arrivals in the window per ns. */
  arrivalRate: number;
  events: number;
  /** The simulator's event fingerprint (for the fingerprint test). */
  fingerprint: string;
}

/**
 * Simulates a FIFO station with `servers` identical servers for one replication, with the
 * arrival and service streams named per component (so replication r is `StreamFactory(seed, r)`).
 * Departures run at HIGH priority: a server freed at an instant serves before an arrival at
 * the same instant looks for one (only matters for the deterministic service times).
 */
export function runStation(spec: StationSpec, seed: number, replication: number): StationResult {
  const streams = new StreamFactory(seed, replication);
  const arrivalRng = streams.stream('station/arrivals');
  const serviceRng = streams.stream('station/service');
  const sim = new Simulator(64);
  const waiting = new Fifo();
  const endNs = spec.warmupNs + spec.measureNs;
  const waits = new Tally();
  const sojourns = new Tally();
  const inSystem = new TimeWeighted(0, 0);
  let busy = 0;
  let arrivalsInWindow = 0;
  const measured = (arrivedNs: number) => arrivedNs >= spec.warmupNs;

  const depart = sim.handler('station/depart', (arrivedNs) => {
    inSystem.add(sim.now, -1);
    if (measured(arrivedNs)) sojourns.add(sim.now - arrivedNs);
    if (waiting.size > 0) startService(waiting.shift());
    else busy--;
  });
  const startService = (arrivedNs: number) => {
    if (measured(arrivedNs)) waits.add(sim.now - arrivedNs);
    sim.schedule(spec.service.sample(serviceRng), depart, arrivedNs, Priority.HIGH);
  };
  const arrive = sim.handler('station/arrive', () => {
    inSystem.add(sim.now, +1);
    if (measured(sim.now)) arrivalsInWindow++;
    sim.schedule(spec.interarrival.sample(arrivalRng), arrive);
    if (busy < spec.servers) {
      busy++;
      startService(sim.now);
    } else {
      waiting.push(sim.now);
    }
  });
  const warmupDone = sim.handler('station/warmup-done', () => inSystem.reset(sim.now));

  sim.schedule(spec.interarrival.sample(arrivalRng), arrive);
  sim.scheduleAt(spec.warmupNs, warmupDone, 0, Priority.LATE);
  const { events } = sim.run({ until: endNs });
  return {
    waitNs: waits.mean,
    sojournNs: sojourns.mean,
    inSystem: inSystem.mean(endNs),
    arrivalRate: arrivalsInWindow / spec.measureNs,
    events,
    fingerprint: sim.fingerprint.value,
  };
}

/** FIFO of arrival times in a growable ring buffer (no per-customer allocation). */
class Fifo {
  private buf = new Float64Array(1024);
  private head = 0;
  size = 0;

  push(x: number): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = x;
    this.size++;
  }

  shift(): number {
    const x = this.buf[this.head] as number;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    return x;
  }

  private grow(): void {
    const next = new Float64Array(this.buf.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) & (this.buf.length - 1)] as number;
    this.buf = next;
    this.head = 0;
  }
}

/**
 * Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = λ/μ
 * (Kleinrock, Queueing Systems vol. 1, eq. 3.40), by the numerically stable Erlang B recursion
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), then C = c·B / (c − a·(1 − B)).
 */
export function erlangC(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/** M/M/c mean wait in queue: Wq = C(c, a) / (c·μ − λ), times in the unit of 1/μ. */
export function mmcMeanWait(servers: number, lambda: number, mu: number): number {
  return erlangC(servers, lambda / mu) / (servers * mu - lambda);
}

/** M/G/1 mean wait by Pollaczek–Khinchine: Wq = λ·E[S²] / (2(1 − ρ)), ρ = λ·E[S]. */
export function mg1MeanWait(lambda: number, serviceMean: number, serviceVariance: number): number {
  const rho = lambda * serviceMean;
  return (lambda * (serviceVariance + serviceMean * serviceMean)) / (2 * (1 - rho));
}
