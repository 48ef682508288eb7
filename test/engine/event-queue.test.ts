/**
 * The event queue against a plain sorted list, operation by operation. The queue switches
 * between a heap (small sizes) and buckets of adaptive width with a far heap; none of that may
 * show in the order. Each case drives one regime hard: small sizes, mode switches, same-instant
 * bursts with mixed priorities, far timers, sparse-then-dense density, times near 2^53.
 */
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue.js';
import type { RandomStream } from '../../src/random/random-stream.js';
import { StreamFactory } from '../../src/random/stream-factory.js';

const SEQ_SPAN = 2 ** 45;

/** Reference: entries kept sorted by (time, tie) with binary-search insertion. */
class SortedList {
  private readonly items: { time: number; tie: number; slot: number }[] = [];
  get size(): number {
    return this.items.length;
  }
  push(time: number, tie: number, slot: number): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.items[mid];
      if (m !== undefined && (m.time < time || (m.time === time && m.tie < tie))) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, { time, tie, slot });
  }
  pop() {
    return this.items.shift();
  }
}

interface Regime {
  /** Delay of the next push (ns, integer ≥ 0). */
  delay(rng: RandomStream, step: number): number;
  /** Probability that the next operation is a pop (when non-empty). */
  popShare(step: number, size: number): number;
  priority?(rng: RandomStream): number;
  /** Start time (to test large absolute times). */
  origin?: number;
}

/** What the queue's layout went through during a comparison. */
interface Seen {
  pops: number;
  modes: Set<string>;
  widths: Set<number>;
  maxFar: number;
  /** Largest ring seen, and the far heap's share of the last sample. */
  maxRing: number;
  lastFarShare: number;
  /** Width changes seen between samples, up (wider) and down (narrower). */
  widened: number;
  narrowed: number;
}

/** Runs `steps` operations on both queues, checking every pop; reports the layouts seen. */
function compare(regime: Regime, steps: number, seed: number): Seen {
  const seen: Seen = {
    pops: 0,
    modes: new Set(),
    widths: new Set(),
    maxFar: 0,
    maxRing: 0,
    lastFarShare: 0,
    widened: 0,
    narrowed: 0,
  };
  let lastWidth = 0;
  const rng = new StreamFactory(seed, 0).stream('test/event-queue');
  const q = new EventQueue(16);
  const ref = new SortedList();
  let now = regime.origin ?? 0;
  let seq = 0;
  let slot = 0;
  for (let step = 0; step < steps; step++) {
    if (step % 64 === 0) {
      const layout = q.layout();
      seen.modes.add(layout.mode);
      if (layout.mode === 'buckets') {
        seen.widths.add(layout.widthNs);
        if (lastWidth > 0 && layout.widthNs > lastWidth) seen.widened++;
        if (layout.widthNs < lastWidth) seen.narrowed++;
        lastWidth = layout.widthNs;
      }
      seen.maxFar = Math.max(seen.maxFar, layout.far);
      seen.maxRing = Math.max(seen.maxRing, layout.ringBuckets);
      seen.lastFarShare = layout.far / Math.max(1, layout.far + layout.ring);
    }
    if (ref.size > 0 && rng.random() < regime.popShare(step, ref.size)) {
      const expected = ref.pop();
      const peek = q.peekTime();
      const got = q.pop();
      if (expected === undefined || got !== expected.slot || q.poppedTime !== expected.time) {
        throw new Error(
          `step ${step}: popped slot ${got} at ${q.poppedTime}, expected ${JSON.stringify(expected)}`,
        );
      }
      expect(peek).toBe(expected.time);
      expect(q.poppedTie).toBe(expected.tie);
      now = expected.time;
      seen.pops++;
    } else {
      const time = now + regime.delay(rng, step);
      const tie = (regime.priority?.(rng) ?? 2) * SEQ_SPAN + seq++;
      q.push(time, tie, slot);
      ref.push(time, tie, slot);
      slot++;
    }
    if (q.size !== ref.size) throw new Error(`step ${step}: size ${q.size} vs ${ref.size}`);
  }
  while (ref.size > 0) {
    const expected = ref.pop();
    expect(q.pop()).toBe(expected?.slot);
  }
  expect(q.size).toBe(0);
  expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
  return seen;
}

const exp = (rng: RandomStream, mean: number) => Math.round(rng.exponential(mean));

describe('EventQueue order equals a sorted list', () => {
  it('small queues (heap mode only)', () => {
    const regime: Regime = { delay: (r) => exp(r, 100), popShare: (_s, n) => (n > 15 ? 0.7 : 0.4) };
    const seen = compare(regime, 20_000, 1);
    expect(seen.pops).toBeGreaterThan(5_000);
    expect([...seen.modes]).toEqual(['heap']);
  });

  it('growing and shrinking across the heap/bucket switch many times', () => {
    // Phases of 3000 steps alternate between filling (pop 20%) and draining (pop 90%).
    const regime: Regime = {
      delay: (r) => exp(r, 1000),
      popShare: (step) => (Math.floor(step / 3000) % 2 === 0 ? 0.2 : 0.9),
    };
    const seen = compare(regime, 60_000, 2);
    expect(seen.pops).toBeGreaterThan(20_000);
    expect(seen.modes).toEqual(new Set(['heap', 'buckets']));
  });

  it('same-instant bursts with mixed priorities (unsorted buckets, deep buckets)', () => {
    const regime: Regime = {
      delay: (r) => (r.random() < 0.5 ? 0 : r.below(3)),
      popShare: (step) => (step % 4000 < 2500 ? 0.1 : 0.8),
      priority: (r) => r.below(5),
    };
    const seen = compare(regime, 40_000, 3);
    expect(seen.pops).toBeGreaterThan(10_000);
    expect(seen.widths).toContain(1); // one instant per bucket, hundreds of entries each
  });

  it('far timers beside near events (far heap, pulls into the ring)', () => {
    const regime: Regime = {
      delay: (r) => {
        const u = r.random();
        if (u < 0.1) return r.below(10_000_000); // timers up to 10 ms
        if (u < 0.3) return 0;
        return exp(r, 300);
      },
      popShare: (_s, n) => (n > 2000 ? 0.6 : 0.45),
      priority: (r) => (r.random() < 0.2 ? 1 : 2),
    };
    const seen = compare(regime, 60_000, 4);
    expect(seen.pops).toBeGreaterThan(20_000);
    expect(seen.maxFar).toBeGreaterThan(100);
  });

  it('timers beyond the ring’s reach at a narrow width: the ring grows until they fit', () => {
    // Dense near events (≈ 2 ns apart, so the width narrows to a few ns and 2^14 buckets reach
    // only tens of µs) beside 30% timers 0.5–1 ms ahead: most would sit in the far heap.
    const regime: Regime = {
      delay: (r) => (r.random() < 0.3 ? 500_000 + r.below(500_000) : exp(r, 2)),
      popShare: (_s, n) => (n > 12_000 ? 0.55 : 0.4),
    };
    const seen = compare(regime, 150_000, 6);
    expect(seen.pops).toBeGreaterThan(50_000);
    expect(seen.maxFar).toBeGreaterThan(4096);
    expect(seen.maxRing).toBeGreaterThan(1 << 14);
    // Once grown, the ring holds (almost) every timer: a far heap of 25% or more would mean it stopped short.
    expect(seen.lastFarShare).toBeLessThan(0.25);
  });

  it('sparse then dense then sparse (width widens and narrows)', () => {
    const regime: Regime = {
      delay: (r, step) => exp(r, Math.floor(step / 10_000) % 2 === 0 ? 1e6 : 2),
      popShare: (_s, n) => (n > 1000 ? 0.55 : 0.45),
    };
    const seen = compare(regime, 60_000, 5);
    expect(seen.pops).toBeGreaterThan(20_000);
    expect(seen.narrowed).toBeGreaterThan(0);
    expect(seen.widened).toBeGreaterThan(0);
  });

  it('absolute times near 2^53', () => {
    const regime: Regime = {
      origin: 2 ** 53 - 2 ** 40,
      delay: (r) => (r.random() < 0.05 ? r.below(2 ** 30) : exp(r, 50)),
      popShare: (_s, n) => (n > 500 ? 0.55 : 0.45),
    };
    const seen = compare(regime, 30_000, 6);
    expect(seen.pops).toBeGreaterThan(10_000);
    expect(seen.maxFar).toBeGreaterThan(0);
  });

  it('peekSlot names the entry pop returns, and clear empties the queue', () => {
    const rng = new StreamFactory(7, 0).stream('test/event-queue/peek');
    const q = new EventQueue(16);
    for (let i = 0; i < 1000; i++) q.push(Math.round(rng.exponential(100)), 2 * SEQ_SPAN + i, i);
    let last = -1;
    for (let i = 0; i < 500; i++) {
      const slot = q.peekSlot();
      const time = q.peekTime();
      expect(q.pop()).toBe(slot);
      expect(q.poppedTime).toBe(time);
      expect(time).toBeGreaterThanOrEqual(last);
      last = time;
    }
    q.clear();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
    q.push(5, 0, 42);
    q.push(3, 0, 41);
    expect(q.pop()).toBe(41);
    expect(q.pop()).toBe(42);
  });
});
