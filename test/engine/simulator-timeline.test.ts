/**
 * Exact, hand-computed timelines of the kernel (the first tier of tests):
 * each expected log below is derived by hand from the (time, priority, seq) rule and the
 * documented `run` boundaries, not captured from a run.
 */
import { describe, expect, it } from 'vitest';
import { Priority } from '../../src/engine/priority.js';
import { type HandlerId, Simulator } from '../../src/engine/simulator.js';

/** A simulator with one handler that logs `time:label` (label = names[arg]). */
function recorder(names: string[] = []) {
  const sim = new Simulator(16);
  const log: string[] = [];
  const note = sim.handler('note', (arg) => {
    log.push(`${sim.now}:${names[arg] ?? arg}`);
  });
  return { sim, log, note };
}

describe('same-time order: priority, then FIFO', () => {
  it('orders one instant by priority, ties in scheduling order', () => {
    const names = ['n1', 'high', 'n2', 'urgent', 'late', 'n3', 'low'];
    const { sim, log, note } = recorder(names);
    sim.scheduleAt(10, note, 0, Priority.NORMAL);
    sim.scheduleAt(10, note, 1, Priority.HIGH);
    sim.scheduleAt(10, note, 2, Priority.NORMAL);
    sim.scheduleAt(10, note, 3, Priority.URGENT);
    sim.scheduleAt(10, note, 4, Priority.LATE);
    sim.scheduleAt(10, note, 5, Priority.NORMAL);
    sim.scheduleAt(10, note, 6, Priority.LOW);
    sim.scheduleAt(9, note, 5, Priority.LATE); // earlier time beats any priority
    sim.run();
    expect(log).toEqual(['9:n3', '10:urgent', '10:high', '10:n1', '10:n2', '10:n3', '10:low', '10:late']);
  });

  it('slots same-instant events scheduled during the instant by the same rule', () => {
    const { sim, log, note } = recorder(['a', 'b', 'c', 'x-urgent', 'y-normal', 'z-late']);
    const spawner: HandlerId = sim.handler('spawn', () => {
      log.push(`${sim.now}:spawn`);
      sim.schedule(0, note, 4, Priority.NORMAL); // after b and c: same priority, later seq
      sim.schedule(0, note, 3, Priority.URGENT); // before b: lower priority number
      sim.schedule(0, note, 5, Priority.LATE);
    });
    sim.scheduleAt(5, note, 0, Priority.HIGH);
    sim.scheduleAt(5, spawner, 0, Priority.NORMAL);
    sim.scheduleAt(5, note, 1, Priority.NORMAL);
    sim.scheduleAt(5, note, 2, Priority.NORMAL);
    sim.run();
    expect(log).toEqual(['5:a', '5:spawn', '5:x-urgent', '5:b', '5:c', '5:y-normal', '5:z-late']);
  });

  it('keeps FIFO among many equal keys (no heap-shape leakage)', () => {
    const { sim, log, note } = recorder();
    for (let i = 0; i < 500; i++) sim.scheduleAt(7, note, i);
    sim.run();
    expect(log).toEqual(Array.from({ length: 500 }, (_, i) => `7:${i}`));
  });

  it('rounds delays to whole ns', () => {
    const { sim, log, note } = recorder(['a', 'b', 'c']);
    sim.schedule(2.4, note, 0); // → 2
    sim.schedule(2.5, note, 1); // → 3 (Math.round: half up)
    sim.schedule(1.6, note, 2); // → 2, after a (FIFO)
    sim.run();
    expect(log).toEqual(['2:a', '2:c', '3:b']);
  });
});

describe('cancel', () => {
  it('cancels a pending event, once', () => {
    const { sim, log, note } = recorder(['a', 'b', 'c']);
    sim.scheduleAt(1, note, 0);
    const hb = sim.scheduleAt(2, note, 1);
    sim.scheduleAt(3, note, 2);
    expect(sim.pending).toBe(3);
    expect(sim.isPending(hb)).toBe(true);
    expect(sim.cancel(hb)).toBe(true);
    expect(sim.isPending(hb)).toBe(false);
    expect(sim.pending).toBe(2);
    expect(sim.cancel(hb)).toBe(false); // already cancelled
    expect(sim.pending).toBe(2);
    const r = sim.run();
    expect(log).toEqual(['1:a', '3:c']);
    expect(r.events).toBe(2); // cancelled events are not counted
    expect(sim.fingerprint.count).toBe(2);
  });

  it('returns false for an event that already ran', () => {
    const { sim, note } = recorder();
    const h = sim.scheduleAt(1, note, 0);
    sim.run();
    expect(sim.isPending(h)).toBe(false);
    expect(sim.cancel(h)).toBe(false);
  });

  it('ignores a stale handle after its slot is reused', () => {
    const { sim, log, note } = recorder(['first', 'second']);
    const h1 = sim.scheduleAt(1, note, 0);
    sim.run({ until: 1 }); // first runs, its slot is freed
    const h2 = sim.schedule(5, note, 1); // the free slot is reused with a new generation
    expect(h2).not.toBe(h1);
    expect(h2 % 2 ** 26).toBe(h1 % 2 ** 26); // same slot: the stale handle really aliases it
    expect(sim.cancel(h1)).toBe(false);
    expect(sim.isPending(h2)).toBe(true);
    sim.run();
    expect(log).toEqual(['1:first', '6:second']);
  });

  it('can cancel a later event at the same instant from a handler', () => {
    const { sim, log, note } = recorder(['a', 'b', 'c']);
    let hb = -1;
    const killer = sim.handler('kill', () => {
      log.push(`${sim.now}:kill`);
      expect(sim.cancel(hb)).toBe(true);
    });
    sim.scheduleAt(4, note, 0);
    sim.scheduleAt(4, killer, 0);
    hb = sim.scheduleAt(4, note, 1);
    sim.scheduleAt(4, note, 2);
    sim.run();
    expect(log).toEqual(['4:a', '4:kill', '4:c']);
  });

  it('rejects things that are not handles', () => {
    const { sim, note } = recorder();
    sim.scheduleAt(1, note, 0);
    for (const h of [-1, 0.5, Number.NaN, 2 ** 60, 12345]) expect(sim.cancel(h)).toBe(false);
    expect(sim.pending).toBe(1);
  });

  it('peekTime skips cancelled heads', () => {
    const { sim, note } = recorder();
    const h = sim.scheduleAt(3, note, 0);
    sim.scheduleAt(8, note, 1);
    sim.cancel(h);
    expect(sim.peekTime()).toBe(8);
    expect(sim.pending).toBe(1);
    sim.cancel(sim.scheduleAt(9, note, 2));
    sim.run();
    expect(sim.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('run boundaries', () => {
  it('runs events at exactly `until`, including ones scheduled during the run, then sets now = until', () => {
    const { sim, log, note } = recorder(['a', 'at-until', 'late', 'spawned', 'chained']);
    const spawn = sim.handler('spawn', () => {
      log.push(`${sim.now}:spawn`);
      sim.schedule(100 - sim.now, note, 3); // lands exactly on until = 100
    });
    const chain = sim.handler('chain', () => {
      log.push(`${sim.now}:chain`);
      sim.schedule(0, note, 4); // same instant, still ≤ until
      sim.schedule(1, note, 2); // 101: beyond until
    });
    sim.scheduleAt(10, note, 0);
    sim.scheduleAt(40, spawn);
    sim.scheduleAt(100, note, 1);
    sim.scheduleAt(100, chain);
    sim.scheduleAt(150, note, 2);
    const r = sim.run({ until: 100 });
    expect(log).toEqual(['10:a', '40:spawn', '100:at-until', '100:chain', '100:spawned', '100:chained']);
    expect(r).toEqual({ events: 6, reason: 'until' });
    expect(sim.now).toBe(100);
    expect(sim.pending).toBe(2);

    // A later call continues from there.
    const r2 = sim.run({ until: 120 });
    expect(r2).toEqual({ events: 1, reason: 'until' });
    expect(log.at(-1)).toBe('101:late');
    expect(sim.now).toBe(120);
    const r3 = sim.run();
    expect(r3).toEqual({ events: 1, reason: 'empty' });
    expect(sim.now).toBe(150); // no `until`: now stays at the last event
    expect(sim.eventsProcessed).toBe(8);
  });

  it('moves now to `until` when the queue runs empty first', () => {
    const { sim, note } = recorder();
    sim.scheduleAt(5, note, 0);
    expect(sim.run({ until: 50 })).toEqual({ events: 1, reason: 'empty' });
    expect(sim.now).toBe(50);
    expect(sim.run({ until: 50 })).toEqual({ events: 0, reason: 'empty' });
    expect(() => sim.run({ until: 49 })).toThrow(RangeError);
  });

  it('stops after maxEvents with now at the last event, not counting cancelled ones', () => {
    const { sim, log, note } = recorder();
    for (const t of [1, 2, 3, 4, 5]) sim.scheduleAt(t, note, t);
    sim.cancel(sim.scheduleAt(2, note, 99));
    expect(sim.run({ maxEvents: 3 })).toEqual({ events: 3, reason: 'maxEvents' });
    expect(log).toEqual(['1:1', '2:2', '3:3']);
    expect(sim.now).toBe(3);
    expect(sim.run({ maxEvents: 10, until: 4 })).toEqual({ events: 1, reason: 'until' });
    expect(sim.now).toBe(4);
    expect(sim.run({ maxEvents: 1 })).toEqual({ events: 1, reason: 'maxEvents' });
    expect(sim.now).toBe(5);
  });

  it('stop() returns after the current event and a later run resumes', () => {
    const { sim, log, note } = recorder();
    const halt = sim.handler('halt', () => {
      log.push(`${sim.now}:halt`);
      sim.stop();
    });
    sim.scheduleAt(1, note, 1);
    sim.scheduleAt(2, halt);
    sim.scheduleAt(2, note, 2); // same instant, after halt: not run by this call
    sim.scheduleAt(3, note, 3);
    expect(sim.run({ until: 10 })).toEqual({ events: 2, reason: 'stopped' });
    expect(sim.now).toBe(2);
    expect(log).toEqual(['1:1', '2:halt']);
    expect(sim.run({ until: 10 })).toEqual({ events: 2, reason: 'empty' });
    expect(log).toEqual(['1:1', '2:halt', '2:2', '3:3']);
    expect(sim.now).toBe(10);
  });
});

describe('argument checks', () => {
  it('rejects times in the past, non-integer times and negative delays', () => {
    const { sim, note } = recorder();
    sim.scheduleAt(10, note);
    sim.run();
    expect(sim.now).toBe(10);
    expect(() => sim.scheduleAt(9, note)).toThrow(RangeError);
    expect(() => sim.scheduleAt(10.5, note)).toThrow(RangeError);
    expect(() => sim.scheduleAt(2 ** 53, note)).toThrow(RangeError);
    expect(() => sim.schedule(-1, note)).toThrow(RangeError);
    expect(() => sim.schedule(Number.NaN, note)).toThrow(RangeError);
    expect(() => sim.schedule(Number.POSITIVE_INFINITY, note)).toThrow(RangeError);
    expect(sim.scheduleAt(10, note)).toBeGreaterThanOrEqual(0); // now itself is fine
    expect(sim.pending).toBe(1);
  });

  it('rejects priorities outside 0..255 and unknown handlers', () => {
    const { sim, note } = recorder();
    for (const p of [-1, 256, 1.5, Number.NaN]) expect(() => sim.schedule(1, note, 0, p)).toThrow(RangeError);
    expect(() => sim.schedule(1, 7)).toThrow(RangeError);
    expect(() => sim.schedule(1, -1)).toThrow(RangeError);
    sim.schedule(1, note, 0, 255);
    expect(sim.pending).toBe(1);
  });

  it('rejects a handler name registered twice', () => {
    const { sim } = recorder();
    expect(() => sim.handler('note', () => {})).toThrow(/twice/);
  });
});
