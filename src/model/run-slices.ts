/**
 * A run processed in slices of simulated time, so that progress can be reported inside it and
 * the run can watch itself: whether a queue grows through the measured window (not in steady
 * state: its latency is then bounded by the window, not a property of the system) and whether
 * the event rate explodes. Slicing changes nothing in the results: `Simulator.run` processes
 * every event with time ≤ `until` in (time, priority, seq) order, so consecutive calls process
 * exactly the events one call would, in the same order, and no event is added.
 */
import type { Simulator } from '../engine/simulator.js';
import type { QueueProbe } from './ports.js';

/** Slices of the warm-up and of the measured window (progress granularity; 3 samples suffice for the checks). */
const WARMUP_SLICES = 8;
const WINDOW_SLICES = 16;
/** Utilisation at which a growing backlog means overload rather than a fluctuation. */
export const SATURATED = 0.99;
/** The event-rate growth (events per simulated ms, last window slice over the first) that is warned about. */
export const EVENT_GROWTH = 10;

/** Told after each slice: simulated time reached and events processed so far. */
export type SliceObserver = (simNs: number, events: number) => void;

interface Samples {
  probe: QueueProbe;
  start: number;
  middle: number;
  end: number;
}

/** What the sliced run saw, for the warnings `verdicts` derives once the metrics are known. */
export interface RunWatch {
  queues: Samples[];
  /** Events per simulated ms in the measured window's first and last slice. */
  firstRate: number;
  lastRate: number;
}

/** Simulated-time boundaries: the warm-up and the window cut into equal slices (integer ns). */
export function sliceEnds(warmupNs: number, durationNs: number): number[] {
  const ends = new Set<number>();
  for (let i = 1; i <= WARMUP_SLICES; i++) ends.add(Math.round((warmupNs * i) / WARMUP_SLICES));
  for (let i = 1; i <= WINDOW_SLICES; i++) ends.add(warmupNs + Math.round((durationNs * i) / WINDOW_SLICES));
  return [...ends].filter((t) => t > 0).sort((a, b) => a - b);
}

/** Runs `sim` to `warmupNs + durationNs` slice by slice, sampling the queues at the window's start, middle and end. */
export function runSliced(
  sim: Simulator,
  warmupNs: number,
  durationNs: number,
  queues: readonly QueueProbe[],
  events: () => number,
  observe: SliceObserver | undefined,
): RunWatch {
  const middle = warmupNs + Math.round((durationNs * (WINDOW_SLICES / 2)) / WINDOW_SLICES);
  const endNs = warmupNs + durationNs;
  const samples: Samples[] = queues.map((probe) => ({ probe, start: 0, middle: 0, end: 0 }));
  const sample = (key: 'start' | 'middle' | 'end') => {
    for (const s of samples) s[key] = s.probe.backlog();
  };
  if (warmupNs === 0) sample('start');
  let firstRate = Number.NaN;
  let lastRate = Number.NaN;
  let prevNs = 0;
  let prevEvents = 0;
  for (const until of sliceEnds(warmupNs, durationNs)) {
    sim.run({ until });
    const n = events();
    if (until > warmupNs) {
      const rate = ((n - prevEvents) * 1e6) / (until - prevNs);
      if (Number.isNaN(firstRate)) firstRate = rate;
      lastRate = rate;
    }
    if (until === warmupNs) sample('start');
    if (until === middle) sample('middle');
    if (until === endNs) sample('end');
    prevNs = until;
    prevEvents = n;
    observe?.(until, n);
  }
  return { queues: samples, firstRate, lastRate };
}

/**
 * The warnings a watched run earns: a queue that rose through both halves of the window (by
 * at least 10 items and 20 %) while its servers were busy ≥ 99 % of the time, and an event
 * rate that grew ≥ 10× from the window's first slice to its last.
 */
export function verdicts(watch: RunWatch, metrics: Readonly<Record<string, number | string>>): string[] {
  const out: string[] = [];
  for (const { probe, start, middle, end } of watch.queues) {
    const u = metrics[probe.utilisation];
    const rising = start < middle && middle < end && end >= 1.2 * start + 10;
    if (rising && typeof u === 'number' && u >= SATURATED) {
      out.push(
        `not in steady state: ${probe.what} rose through the measured window with ${probe.utilisation} ≥ ${SATURATED}; ` +
          'latency is bounded by the window (a longer run reports a larger one), not a steady-state value',
      );
    }
  }
  if (watch.firstRate > 0 && watch.lastRate >= EVENT_GROWTH * watch.firstRate) {
    out.push(
      `events per simulated ms grew ≥ ${EVENT_GROWTH}× through the measured window: work piles up, and a longer run costs more than in proportion`,
    );
  }
  return out;
}
