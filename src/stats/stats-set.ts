import { Counter } from './counter.js';
import { Histogram } from './histogram.js';
import { Tally } from './tally.js';
import { TimeWeighted } from './time-weighted.js';

/**
 * What a StatsSet can restart at the warm-up boundary: anything with a `reset` (a tally, a
 * histogram, a time-weighted level, a component's own per-group table); a per-group table of
 * counts is a plain Float64Array.
 */
export interface Resettable {
  /** Discards the observations so far; a time-weighted level restarts its integral at nowNs. */
  reset(nowNs: number): void;
}
export type Accumulator = Resettable | Float64Array;

/**
 * Per-run registry of named accumulators. Its purpose is the warm-up reset: every
 * statistic created through the set is cleared by one `resetAll(nowNs)` call, so no
 * component can forget to discard its transient-phase observations.
 *
 * Accumulators are created here (not registered after the fact) so a component cannot
 * hold an unregistered one by accident. Names are unique: a duplicate almost always
 * means two components would silently share one statistic, so it throws. Iteration
 * follows registration order (Map semantics), which keeps output deterministic.
 * The set is per run, never module-level, so parallel runs cannot interfere.
 */
export class StatsSet {
  private readonly entries = new Map<string, Accumulator>();

  tally(name: string): Tally {
    return this.register(name, new Tally());
  }

  histogram(name: string, bits?: number): Histogram {
    return this.register(name, new Histogram(bits));
  }

  counter(name: string): Counter {
    return this.register(name, new Counter());
  }

  timeWeighted(name: string, startNs: number, initial?: number): TimeWeighted {
    return this.register(name, new TimeWeighted(startNs, initial));
  }

  /**
   * One count per index (per workload group, per queue): a plain Float64Array, so hot paths
   * add to it without a call; the reset zeroes it like every other accumulator.
   */
  counts(name: string, length: number): Float64Array {
    return this.register(name, new Float64Array(length));
  }

  /**
   * An accumulator of a kind the set does not build itself (per-group histograms and levels
   * kept in flat arrays), cleared with the rest.
   */
  add<T extends Resettable>(name: string, acc: T): T {
    return this.register(name, acc);
  }

  get(name: string): Accumulator | undefined {
    return this.entries.get(name);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Registered names in registration order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  [Symbol.iterator](): IterableIterator<[string, Accumulator]> {
    return this.entries.entries();
  }

  /**
   * Clears every accumulator at simulated time `nowNs`. Time-weighted levels restart
   * their integral at nowNs but keep their current level (see TimeWeighted.reset).
   */
  resetAll(nowNs: number): void {
    for (const acc of this.entries.values()) {
      if (acc instanceof Float64Array) acc.fill(0);
      else acc.reset(nowNs);
    }
  }

  private register<T extends Accumulator>(name: string, acc: T): T {
    if (this.entries.has(name)) throw new Error(`StatsSet: duplicate statistic name '${name}'`);
    this.entries.set(name, acc);
    return acc;
  }
}
