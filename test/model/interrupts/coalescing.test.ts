import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../src/engine/simulator.js';
import type { CoalescingConfig } from '../../../src/model/config.js';
import { Coalescer } from '../../../src/model/interrupts/coalescer.js';
import { RandomStream } from '../../../src/random/random-stream.js';
import { summarize } from '../../../src/stats/confidence.js';

/**
 * A driver stub: keeps the pending count of each queue, claims everything at a notification
 * and hands it back after `handleNs` (0 = at once, in the same event).
 */
class Harness {
  readonly sim = new Simulator();
  readonly coalescer: Coalescer;
  readonly pending: number[];
  readonly notifications: { t: number; q: number; k: number }[] = [];
  private readonly handled: number;
  private readonly claimed: number[];

  constructor(config: CoalescingConfig, queues = 1, handleNs = 0) {
    this.pending = new Array<number>(queues).fill(0);
    this.claimed = new Array<number>(queues).fill(0);
    this.coalescer = new Coalescer(this.sim, queues, config, {
      onNotify: (q) => {
        const k = this.pending[q] as number;
        this.notifications.push({ t: this.sim.now, q, k });
        this.pending[q] = 0;
        this.claimed[q] = k;
        if (handleNs === 0) this.finish(q);
        else this.sim.schedule(handleNs, this.handled, q);
      },
    });
    this.handled = this.sim.handler('test/handled', (q) => this.finish(q));
  }

  complete(q: number): void {
    this.pending[q] = (this.pending[q] as number) + 1;
    this.coalescer.onCompletions(q, this.pending[q] as number);
  }

  private finish(q: number): void {
    const k = this.claimed[q] as number;
    this.coalescer.onHandled(q, this.pending[q] as number, k, 1500 * k);
  }
}

/** Completions at the given times (ns) on queue 0. */
function atTimes(h: Harness, times: number[]): void {
  const id = h.sim.handler('test/complete', (q) => h.complete(q));
  for (const t of times) h.sim.scheduleAt(t, id, 0);
}

describe('coalescing: exact timelines (NOTF_COAL semantics)', () => {
  it('notifies at maxPackets or maxUsecs after the first pending completion, whichever first', () => {
    const h = new Harness({ kind: 'static', maxPackets: 3, maxUsecs: 10 });
    // 3 quick completions → packet threshold at t=2000; then one lonely completion at 50 µs
    // → timer at 60 µs; then two at 100/105 µs and the timer at 110 µs.
    atTimes(h, [0, 1000, 2000, 50_000, 100_000, 105_000]);
    h.sim.run();
    expect(h.notifications).toEqual([
      { t: 2000, q: 0, k: 3 },
      { t: 60_000, q: 0, k: 1 },
      { t: 110_000, q: 0, k: 2 },
    ]);
  });

  it('maxPackets 0 or 1, or maxUsecs 0, notifies every completion', () => {
    for (const cfg of [
      { maxPackets: 0, maxUsecs: 16 },
      { maxPackets: 1, maxUsecs: 16 },
      { maxPackets: 32, maxUsecs: 0 },
    ]) {
      const h = new Harness({ kind: 'static', ...cfg });
      atTimes(h, [0, 10, 20]);
      h.sim.run();
      expect(h.notifications.map((n) => [n.t, n.k])).toEqual([
        [0, 1],
        [10, 1],
        [20, 1],
      ]);
    }
  });

  it('masks the vector while an interrupt is in flight and fires at unmasking when a threshold was reached', () => {
    // Handling takes 5 µs; completions every 1 µs with maxPackets 2.
    const h = new Harness({ kind: 'static', maxPackets: 2, maxUsecs: 100 }, 1, 5000);
    atTimes(h, [0, 1000, 2000, 3000, 4000, 20_000]);
    h.sim.run();
    expect(h.notifications).toEqual([
      { t: 1000, q: 0, k: 2 }, // threshold
      { t: 6000, q: 0, k: 3 }, // 2000, 3000 reached 2 while masked; fires at unmask with 4000 too
      { t: 120_000, q: 0, k: 1 }, // lonely completion: its timer
    ]);
  });
});

/** P(S > t) for S ~ Gamma(n, λ) (n integer ≥ 0): Σ_{j<n} e^{−λt}(λt)^j / j!. */
function gammaTail(n: number, lambda: number, t: number): number {
  const x = lambda * t;
  let term = Math.exp(-x);
  let s = 0;
  for (let j = 0; j < n; j++) {
    s += term;
    term *= x / (j + 1);
  }
  return s;
}

/**
 * Closed form of the notification rate for Poisson completions (rate λ per ns) under
 * (K, T): a cycle is the wait for the first completion (1/λ) plus min(S, T), where S is the
 * time of the K−1 further completions, S ~ Gamma(K−1, λ):
 * E[min(S,T)] = (K−1)/λ · P(K, λT) + T · Q(K−1, λT), P/Q the regularized incomplete gammas.
 */
function expectedRate(lambda: number, k: number, t: number): number {
  if (k <= 1 || t === 0) return lambda;
  const eMin = ((k - 1) / lambda) * (1 - gammaTail(k, lambda, t)) + t * gammaTail(k - 1, lambda, t);
  return 1 / (1 / lambda + eMin);
}

/** The same expectation by numerical integration of P(S > s) over [0, T] (Simpson). */
function expectedMinNumeric(lambda: number, k: number, t: number): number {
  const n = 2000;
  const h = t / n;
  let s = gammaTail(k - 1, lambda, 0) + gammaTail(k - 1, lambda, t);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * gammaTail(k - 1, lambda, i * h);
  return (s * h) / 3;
}

describe('coalescing against its closed form (Poisson completions; replication CI)', () => {
  it('the closed form agrees with numerical integration', () => {
    const lambda = 1 / 2000;
    for (const [k, t] of [
      [8, 16_000],
      [32, 16_000],
      [4, 3_000],
    ] as const) {
      const closed = 1 / expectedRate(lambda, k, t) - 1 / lambda;
      expect(closed).toBeCloseTo(expectedMinNumeric(lambda, k, t), 3);
    }
  });

  it.each([
    { rateMpps: 0.5, k: 8, usecs: 16 }, // both thresholds matter
    { rateMpps: 0.1, k: 32, usecs: 16 }, // mostly the timer
    { rateMpps: 2, k: 16, usecs: 64 }, // mostly the packet count
    { rateMpps: 0.5, k: 1, usecs: 16 }, // every packet
    { rateMpps: 0.5, k: 32, usecs: 0 }, // every packet
  ])('λ = $rateMpps Mpps, maxPackets $k, maxUsecs $usecs', ({ rateMpps, k, usecs }) => {
    const lambda = rateMpps / 1000; // per ns
    const horizonNs = 50_000_000;
    const rates: number[] = [];
    for (let r = 0; r < 8; r++) {
      const h = new Harness({ kind: 'static', maxPackets: k, maxUsecs: usecs });
      const rng = new RandomStream('completions', `coal-${r}-${rateMpps}-${k}-${usecs}`);
      const next = h.sim.handler('test/poisson', () => {
        h.complete(0);
        h.sim.schedule(rng.exponential(1 / lambda), next);
      });
      h.sim.schedule(rng.exponential(1 / lambda), next);
      h.sim.run({ until: horizonNs });
      rates.push(h.notifications.length / horizonNs);
    }
    const s = summarize(rates);
    const theory = expectedRate(lambda, k, usecs * 1000);
    // 3 standard errors of 8 replications, plus 0.3% for integer-ns rounding of the
    // Poisson times (≤ 0.5 ns per gap of ≥ 500 ns).
    expect(Math.abs(s.mean - theory)).toBeLessThanOrEqual((3 * s.stddev) / Math.sqrt(s.n) + 0.003 * theory);
  });
});
