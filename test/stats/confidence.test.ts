import { describe, expect, it } from 'vitest';
import { studentT975, summarize } from '../../src/stats/confidence.js';

describe('studentT975', () => {
  it('matches published quantiles', () => {
    const known: [number, number][] = [
      [1, 12.7062],
      [2, 4.3027],
      [4, 2.7764],
      [9, 2.2622],
      [10, 2.2281],
      [30, 2.0423],
      [60, 2.0003],
      [120, 1.9799],
    ];
    for (const [df, t] of known) expect(studentT975(df)).toBeCloseTo(t, 4);
  });

  it('is accurate just past the table and tends to z', () => {
    // scipy.stats.t.ppf(0.975, df)
    expect(Math.abs(studentT975(31) - 2.039513446396408)).toBeLessThan(1e-7);
    expect(Math.abs(studentT975(40) - 2.021075390306273)).toBeLessThan(1e-7);
    expect(Math.abs(studentT975(1000) - 1.9623390808264083)).toBeLessThan(1e-9);
    expect(studentT975(Number.POSITIVE_INFINITY)).toBe(1.959963984540054);
    expect(studentT975(1e12)).toBeCloseTo(1.959964, 6);
  });

  it('is monotone decreasing in df', () => {
    let prev = Number.POSITIVE_INFINITY;
    for (let df = 1; df <= 500; df++) {
      const t = studentT975(df);
      expect(t).toBeLessThan(prev);
      prev = t;
    }
  });

  it('rounds fractional small df down and rejects df < 1', () => {
    expect(studentT975(4.7)).toBe(studentT975(4));
    expect(() => studentT975(0.5)).toThrow(RangeError);
    expect(() => studentT975(Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('summarises a known sample', () => {
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(3);
    expect(s.stddev).toBeCloseTo(1.5811, 4);
    expect(s.ci95Half).toBeCloseTo(1.9632, 4);
    expect(s.min).toBe(1);
    expect(s.max).toBe(5);
  });

  it('handles n < 2', () => {
    expect(summarize([7])).toEqual({ n: 1, mean: 7, ci95Half: 0, min: 7, max: 7, stddev: 0 });
    const empty = summarize([]);
    expect(empty.n).toBe(0);
    expect(empty.mean).toBeNaN();
    expect(empty.ci95Half).toBe(0);
    expect(empty.min).toBeNaN();
  });

  it('is poisoned by NaN', () => {
    const s = summarize([1, Number.NaN, 3]);
    expect(s.n).toBe(3);
    for (const v of [s.mean, s.ci95Half, s.min, s.max, s.stddev]) expect(v).toBeNaN();
  });
});
