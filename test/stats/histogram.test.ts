import { describe, expect, it } from 'vitest';
import { Histogram } from '../../src/stats/histogram.js';
import { makeLcg } from './lcg.js';

/** Exact quantile with the histogram's rank convention: sorted[ceil(q·n) − 1], rank ≥ 1. */
function exactQuantile(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

/** Integers spread log-uniformly over [1, 2^maxExp), the shape of latency data. */
function logSpaced(count: number, maxExp: number, seed: number): number[] {
  const rnd = makeLcg(seed);
  const xs: number[] = [];
  for (let i = 0; i < count; i++) xs.push(Math.floor(2 ** (rnd() * maxExp)));
  return xs;
}

function maxRelativeError(h: Histogram, sorted: readonly number[]): number {
  let worst = 0;
  for (let k = 0; k <= 1000; k++) {
    const q = k / 1000;
    const exact = exactQuantile(sorted, q);
    const err = exact === 0 ? Math.abs(h.quantile(q)) : Math.abs(h.quantile(q) - exact) / exact;
    if (err > worst) worst = err;
  }
  return worst;
}

describe('Histogram', () => {
  it('is NaN when empty', () => {
    const h = new Histogram();
    expect(h.count).toBe(0);
    expect(h.mean).toBeNaN();
    expect(h.min).toBeNaN();
    expect(h.max).toBeNaN();
    expect(h.quantile(0.5)).toBeNaN();
  });

  it('is exact for small integers', () => {
    const h = new Histogram(7);
    const xs: number[] = [];
    // Each value i repeated (i % 3) + 1 times, all below 2^(7+1) = 256.
    for (let i = 0; i < 256; i++) {
      h.addN(i, (i % 3) + 1);
      for (let r = 0; r <= i % 3; r++) xs.push(i);
    }
    for (let k = 0; k <= 200; k++) expect(h.quantile(k / 200)).toBe(exactQuantile(xs, k / 200));
    expect(h.count).toBe(xs.length);
    expect(h.min).toBe(0);
    expect(h.max).toBe(255);
  });

  it('keeps min, max and mean exact', () => {
    const h = new Histogram(4);
    for (const x of [1000, 1001, 123_456_789, 7]) h.add(x);
    expect(h.min).toBe(7);
    expect(h.max).toBe(123_456_789);
    expect(h.mean).toBe((1000 + 1001 + 123_456_789 + 7) / 4);
    expect(h.quantile(0)).toBe(7);
    expect(h.quantile(1)).toBe(123_456_789);
  });

  it('buckets non-integers by floor and clamps to the observed range', () => {
    const h = new Histogram();
    h.add(0.5);
    expect(h.quantile(0.5)).toBe(0.5);
    h.add(3.7);
    expect(h.quantile(1)).toBe(3.7);
    expect(h.quantile(0.5)).toBe(0.5);
  });

  for (const bits of [1, 3, 7, 10]) {
    it(`has quantile relative error <= 2^-${bits} on log-spaced data up to 2^53`, () => {
      const xs = logSpaced(50_000, 53, 1000 + bits);
      const h = new Histogram(bits);
      for (const x of xs) h.add(x);
      const sorted = [...xs].sort((a, b) => a - b);
      const worst = maxRelativeError(h, sorted);
      expect(h.relativeErrorBound).toBe(2 ** -bits);
      expect(worst).toBeLessThanOrEqual(2 ** -bits);
      // Midpoint reporting actually achieves half the advertised bound.
      expect(worst).toBeLessThanOrEqual(2 ** -(bits + 1));
    });
  }

  it('puts values next to powers of two in the right octave', () => {
    const h = new Histogram(7);
    for (const x of [1, 2 ** 53 - 1, 2 ** 53, 2 ** 40 - 1, 2 ** 40, 2 ** 33 - 1, 2 ** 32, 2 ** 32 - 1])
      h.add(x);
    const sorted = [1, 2 ** 32 - 1, 2 ** 32, 2 ** 33 - 1, 2 ** 40 - 1, 2 ** 40, 2 ** 53 - 1, 2 ** 53];
    for (let k = 1; k < sorted.length; k++) {
      const q = k / sorted.length;
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThanOrEqual(2 ** -8);
    }
    // 2^53 − 1 lies in the top bucket of octave 52: midpoint 2^53 − 2^44, below 2^53.
    expect(h.quantile(7 / 8)).toBe(2 ** 53 - 2 ** 44);
  });

  it('uses bounded memory regardless of the number of adds', () => {
    const h = new Histogram(7);
    const rnd = makeLcg(99);
    const draw = () => Math.floor(2 ** (rnd() * 30));
    for (let i = 0; i < 1_000; i++) h.add(draw());
    h.add(2 ** 30 - 1); // make sure the top octave is touched in the first phase
    const early = h.bucketCount;
    for (let i = 0; i < 1_000_000; i++) h.add(draw());
    expect(h.bucketCount).toBe(early);
    expect(h.count).toBe(1_001_001);
    // Even the full 2^64 range is a fixed, small number of buckets.
    h.add(2 ** 64 - 2 ** 20);
    expect(h.bucketCount).toBeLessThanOrEqual((65 - 7) * 128);
  });

  it('merges like a single histogram', () => {
    const xs = logSpaced(10_000, 40, 5);
    const all = new Histogram(6);
    const a = new Histogram(6);
    const b = new Histogram(6);
    xs.forEach((x, i) => {
      all.add(x);
      (i % 2 === 0 ? a : b).add(x);
    });
    b.add(2 ** 50); // forces a to grow during the merge
    all.add(2 ** 50);
    a.merge(b);
    expect(a.count).toBe(all.count);
    expect(a.min).toBe(all.min);
    expect(a.max).toBe(all.max);
    expect(a.mean).toBeCloseTo(all.mean, 6);
    for (let k = 0; k <= 100; k++) expect(a.quantile(k / 100)).toBe(all.quantile(k / 100));
    expect(() => a.merge(new Histogram(7))).toThrow(RangeError);
  });

  it('reset clears observations but keeps capacity', () => {
    const h = new Histogram();
    h.add(1e9);
    const buckets = h.bucketCount;
    h.reset();
    expect(h.count).toBe(0);
    expect(h.quantile(0.5)).toBeNaN();
    expect(h.bucketCount).toBe(buckets);
    h.add(5);
    expect(h.quantile(0.99)).toBe(5);
    expect(h.mean).toBe(5);
  });

  it('rejects invalid input', () => {
    const h = new Histogram();
    expect(() => h.add(-1)).toThrow(RangeError);
    expect(() => h.add(Number.NaN)).toThrow(RangeError);
    expect(() => h.add(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => h.add(2 ** 64)).toThrow(RangeError);
    expect(() => h.addN(1, 1.5)).toThrow(RangeError);
    expect(() => h.quantile(1.1)).toThrow(RangeError);
    expect(() => new Histogram(0)).toThrow(RangeError);
    h.addN(3, 0);
    expect(h.count).toBe(0);
  });
});
