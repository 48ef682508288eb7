import { describe, expect, it } from 'vitest';
import { Tally } from '../../src/stats/tally.js';
import { makeLcg } from './lcg.js';

describe('Tally', () => {
  it('is empty-safe', () => {
    const t = new Tally();
    expect(t.count).toBe(0);
    expect(t.sum).toBe(0);
    expect(t.mean).toBeNaN();
    expect(t.min).toBeNaN();
    expect(t.max).toBeNaN();
    expect(t.variance).toBe(0);
    expect(t.stddev).toBe(0);
  });

  it('computes a hand-checked small case', () => {
    const t = new Tally();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) t.add(x);
    expect(t.count).toBe(8);
    expect(t.sum).toBe(40);
    expect(t.mean).toBe(5);
    // Σ(x-5)² = 9+1+1+1+0+0+4+16 = 32; sample variance 32/7.
    expect(t.variance).toBeCloseTo(32 / 7, 14);
    expect(t.stddev).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(t.min).toBe(2);
    expect(t.max).toBe(9);
  });

  it('has zero variance for a single observation', () => {
    const t = new Tally();
    t.add(42);
    expect(t.mean).toBe(42);
    expect(t.variance).toBe(0);
  });

  it('matches a two-pass computation on a large sequence with a big offset', () => {
    const rnd = makeLcg(12345);
    const xs: number[] = [];
    // Large mean, small spread: the case where Σx² - n·mean² would cancel badly.
    for (let i = 0; i < 200_000; i++) xs.push(1e9 + rnd() * 100);
    const t = new Tally();
    for (const x of xs) t.add(x);
    let sum = 0;
    for (const x of xs) sum += x;
    const mean = sum / xs.length;
    let ss = 0;
    for (const x of xs) ss += (x - mean) ** 2;
    const variance = ss / (xs.length - 1);
    // Both sides carry ~n·ε rounding; agreement to 1e-12 is far beyond what matters.
    expect(Math.abs(t.mean - mean) / mean).toBeLessThan(1e-12);
    expect(Math.abs(t.variance - variance) / variance).toBeLessThan(1e-6);
    expect(t.min).toBe(xs.reduce((a, b) => Math.min(a, b)));
    expect(t.max).toBe(xs.reduce((a, b) => Math.max(a, b)));
  });

  it('merge equals adding everything to one tally', () => {
    const rnd = makeLcg(7);
    const all = new Tally();
    const a = new Tally();
    const b = new Tally();
    for (let i = 0; i < 1000; i++) {
      const x = rnd() * 50;
      all.add(x);
      (i % 3 === 0 ? a : b).add(x);
    }
    a.merge(b);
    expect(a.count).toBe(all.count);
    expect(a.mean).toBeCloseTo(all.mean, 12);
    expect(a.variance).toBeCloseTo(all.variance, 9);
    expect(a.min).toBe(all.min);
    expect(a.max).toBe(all.max);
    const empty = new Tally();
    empty.merge(all);
    expect(empty.variance).toBe(all.variance);
  });

  it('reset clears everything', () => {
    const t = new Tally();
    t.add(1);
    t.add(3);
    t.reset();
    expect(t.count).toBe(0);
    expect(t.mean).toBeNaN();
    t.add(10);
    expect(t.mean).toBe(10);
    expect(t.min).toBe(10);
    expect(t.max).toBe(10);
  });
});
