/**
 * Packet arrival processes of one workload group, each ONE pending event for the whole group
 * however many instances it has (docs/model.md, "Instances and the workload"; rates are per instance):
 *
 * - `poisson`: the superposition of n independent Poisson streams of rate r is a Poisson
 *   stream of rate n·r whose every arrival belongs to a uniformly chosen instance.
 * - `constant`: instance i sends at φ_i + k/r with a random phase φ_i; the merged stream walks
 *   the instances in phase order, cycle after cycle (n phases sorted once: 12 bytes/instance).
 * - `onoff`: each instance alternates exponential on and off periods and sends Poisson at rate
 *   r while on. All three kinds of transition are exponential races, so the group is one
 *   Markov process: the next event comes at rate r·on + on/onMean + off/offMean and is an
 *   arrival at a uniformly chosen on instance, an on→off or an off→on switch of a uniformly
 *   chosen instance. The on set is a partition of one permutation (8 bytes/instance).
 *   Initial states are drawn from the stationary probability onMean/(onMean+offMean).
 *
 * Every draw comes from the group's own stream and the process ignores whether instances are
 * ready: the data path discards arrivals of instances that are not (thinning). So two
 * strategies see identical offered load in each replication (common random numbers).
 * Times are kept as fractional ns and rounded only when scheduled, so rounding never drifts.
 */

import type { RandomStream } from '../../random/random-stream.js';
import { NS_PER_S } from '../../util/units.js';
import type { TrafficConfig } from '../config.js';

export interface ArrivalProcess {
  /** Time of the next event (fractional ns). */
  readonly nextNs: number;
  /** Consumes the event at `nextNs`: the instance that receives a packet, or −1 for an internal transition. */
  fire(): number;
}

class PoissonArrivals implements ArrivalProcess {
  nextNs = 0; // initialised so V8 stores it as an unboxed double (see stats/time-weighted.ts)
  private readonly meanNs: number;
  constructor(
    private readonly first: number,
    private readonly count: number,
    ratePps: number,
    private readonly rng: RandomStream,
  ) {
    this.meanNs = NS_PER_S / (count * ratePps);
    this.nextNs = rng.exponential(this.meanNs);
  }
  fire(): number {
    const instance = this.first + this.rng.below(this.count);
    this.nextNs += this.rng.exponential(this.meanNs);
    return instance;
  }
}

class ConstantArrivals implements ArrivalProcess {
  nextNs = 0; // initialised so V8 stores it as an unboxed double (see stats/time-weighted.ts)
  private readonly periodNs: number;
  private readonly phase: Float64Array;
  private readonly order: Int32Array;
  private j = 0;
  private cycle = 0;
  constructor(
    private readonly first: number,
    count: number,
    ratePps: number,
    rng: RandomStream,
  ) {
    this.periodNs = NS_PER_S / ratePps;
    const raw = new Float64Array(count);
    for (let i = 0; i < count; i++) raw[i] = rng.random() * this.periodNs;
    this.order = new Int32Array(count);
    for (let i = 0; i < count; i++) this.order[i] = i;
    this.order.sort((a, b) => (raw[a] as number) - (raw[b] as number) || a - b);
    this.phase = new Float64Array(count);
    for (let i = 0; i < count; i++) this.phase[i] = raw[this.order[i] as number] as number;
    this.nextNs = this.phase[0] as number;
  }
  fire(): number {
    const instance = this.first + (this.order[this.j] as number);
    if (++this.j === this.order.length) {
      this.j = 0;
      this.cycle++;
    }
    this.nextNs = this.cycle * this.periodNs + (this.phase[this.j] as number);
    return instance;
  }
}

class OnOffArrivals implements ArrivalProcess {
  nextNs = 0;
  /** perm[0, on) are the instances that are on; pos is the inverse permutation. */
  private readonly perm: Int32Array;
  private readonly pos: Int32Array;
  private on = 0;
  private readonly ratePerNs: number;
  private readonly offRatePerNs: number;
  private readonly onRatePerNs: number;
  constructor(
    private readonly first: number,
    private readonly count: number,
    traffic: TrafficConfig,
    private readonly rng: RandomStream,
  ) {
    this.ratePerNs = traffic.ratePps / NS_PER_S;
    this.offRatePerNs = 1 / traffic.onMean; // on → off
    this.onRatePerNs = 1 / traffic.offMean; // off → on
    this.perm = new Int32Array(count);
    this.pos = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      this.perm[i] = i;
      this.pos[i] = i;
    }
    const pOn = traffic.onMean / (traffic.onMean + traffic.offMean);
    for (let i = 0; i < count; i++) if (rng.random() < pOn) this.switchOn(i);
    this.advance();
  }
  fire(): number {
    const arrivals = this.ratePerNs * this.on;
    const offs = this.offRatePerNs * this.on;
    const ons = this.onRatePerNs * (this.count - this.on);
    // One uniform picks both the kind of event and (by its position within the kind) the instance.
    const u = this.rng.random() * (arrivals + offs + ons);
    let instance = -1;
    if (u < arrivals) {
      instance = this.first + (this.perm[Math.min(this.on - 1, Math.floor(u / this.ratePerNs))] as number);
    } else if (u - arrivals < offs) {
      this.switchOff(
        this.perm[Math.min(this.on - 1, Math.floor((u - arrivals) / this.offRatePerNs))] as number,
      );
    } else {
      const k = Math.min(this.count - this.on - 1, Math.floor((u - arrivals - offs) / this.onRatePerNs));
      this.switchOn(this.perm[this.on + k] as number);
    }
    this.advance();
    return instance;
  }
  private advance(): void {
    const total =
      this.ratePerNs * this.on + this.offRatePerNs * this.on + this.onRatePerNs * (this.count - this.on);
    this.nextNs += total > 0 ? this.rng.exponential(1 / total) : Number.POSITIVE_INFINITY;
  }
  private switchOn(i: number): void {
    this.swap(this.pos[i] as number, this.on++);
  }
  private switchOff(i: number): void {
    this.swap(this.pos[i] as number, --this.on);
  }
  private swap(a: number, b: number): void {
    const x = this.perm[a] as number;
    const y = this.perm[b] as number;
    this.perm[a] = y;
    this.perm[b] = x;
    this.pos[y] = a;
    this.pos[x] = b;
  }
}

/** The group's arrival process, or undefined when it offers no data traffic. */
export function makeArrivalProcess(
  traffic: TrafficConfig,
  firstInstance: number,
  count: number,
  rng: RandomStream,
): ArrivalProcess | undefined {
  if (count <= 0 || !(traffic.ratePps > 0)) return undefined;
  switch (traffic.arrival) {
    case 'poisson':
      return new PoissonArrivals(firstInstance, count, traffic.ratePps, rng);
    case 'constant':
      return new ConstantArrivals(firstInstance, count, traffic.ratePps, rng);
    case 'onoff':
      if (!(traffic.onMean > 0)) return undefined;
      // Never off: a plain Poisson stream.
      if (!(traffic.offMean > 0)) return new PoissonArrivals(firstInstance, count, traffic.ratePps, rng);
      return new OnOffArrivals(firstInstance, count, traffic, rng);
  }
}
