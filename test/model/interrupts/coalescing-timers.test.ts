import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../src/engine/simulator.js';
import { EventTimers, TickTimers } from '../../../src/model/interrupts/coalescing-timers.js';

/** Arms timers from events at given times; records (time, queue) of every firing. */
function drive(
  make: (sim: Simulator, fire: (q: number) => void) => EventTimers | TickTimers,
  arms: [atNs: number, q: number, delayNs: number][],
  disarms: [atNs: number, q: number][] = [],
) {
  const sim = new Simulator();
  const fired: [number, number][] = [];
  const timers = make(sim, (q) => fired.push([sim.now, q]));
  const arm = sim.handler('test/arm', (i) => {
    const a = arms[i] as [number, number, number];
    timers.arm(a[1], a[2]);
  });
  const disarm = sim.handler('test/disarm', (q) => timers.disarm(q));
  for (const [i, [at]] of arms.entries()) sim.scheduleAt(at, arm, i);
  for (const [at, q] of disarms) sim.scheduleAt(at, disarm, q);
  sim.run();
  return { fired, events: sim.eventsProcessed - arms.length - disarms.length };
}

describe('coalescing timers', () => {
  it('per-event timers fire exactly, one event each, and a disarmed one never', () => {
    const r = drive(
      (sim, fire) => new EventTimers(sim, 4, fire),
      [
        [0, 0, 16_000],
        [300, 1, 16_000],
        [700, 2, 16_000],
      ],
      [[5000, 1]],
    );
    expect(r.fired).toEqual([
      [16_000, 0],
      [16_700, 2],
    ]);
    expect(r.events).toBe(2);
  });

  it('tick timers fire at the nearest window boundary after now, every queue due there in one event, in arming order', () => {
    const r = drive(
      (sim, fire) => new TickTimers(sim, 8, 1000, 16_000, fire),
      [
        [0, 3, 16_000], // due 16,000: a boundary
        [300, 1, 16_000], // due 16,300: nearest boundary 16,000
        [499, 2, 16_000], // due 16,499 → 16,000
        [501, 4, 16_000], // due 16,501 → 17,000
        [16_900, 5, 200], // due 17,100 → 17,000
        [17_800, 6, 100], // due 17,900 → 18,000 (after now)
        [18_200, 7, 100], // due 18,300 → nearest is 18,000, already past: the next, 19,000
      ],
    );
    expect(r.fired).toEqual([
      [16_000, 3],
      [16_000, 1],
      [16_000, 2],
      [17_000, 4],
      [17_000, 5],
      [18_000, 6],
      [19_000, 7],
    ]);
    expect(r.events).toBe(4);
  });

  it('tick timers: disarming unlinks a queue, and the last one out cancels its tick', () => {
    const r = drive(
      (sim, fire) => new TickTimers(sim, 4, 1000, 16_000, fire),
      [
        [0, 0, 8000],
        [10, 1, 8000],
        [20, 2, 8000],
        [100, 3, 9000],
      ],
      [
        [50, 1],
        [200, 3],
        [8500, 2],
      ],
    );
    expect(r.fired).toEqual([
      [8000, 0],
      [8000, 2],
    ]);
    expect(r.events).toBe(1);
  });

  it('tick timers refuse a delay beyond the one their ring was sized for', () => {
    const sim = new Simulator();
    const t = new TickTimers(sim, 1, 1000, 16_000, () => {});
    expect(() => t.arm(0, 17_000)).toThrow(RangeError);
  });
});
