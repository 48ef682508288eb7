import { describe, expect, it } from 'vitest';
import { bitsFor, GroupHistograms } from '../../../src/model/control/group-histograms.js';
import { Histogram } from '../../../src/stats/histogram.js';
import { makeLcg } from '../../stats/lcg.js';

describe('GroupHistograms', () => {
  it('agrees with Histogram of the same precision, group by group', () => {
    const rand = makeLcg(3);
    for (const bits of [3, 4, 6]) {
      const flat = new GroupHistograms(5, bits);
      const ref = Array.from({ length: 5 }, () => new Histogram(bits));
      for (let i = 0; i < 20_000; i++) {
        const g = Math.floor(rand() * 5);
        const x = Math.round(-(g + 1) * 30_000 * Math.log(1 - rand()));
        flat.add(g, x);
        (ref[g] as Histogram).add(x);
      }
      for (let g = 0; g < 5; g++) {
        const h = ref[g] as Histogram;
        expect(flat.count(g)).toBe(h.count);
        expect(flat.mean(g)).toBeCloseTo(h.mean, 6);
        for (const q of [0, 0.5, 0.9, 0.99, 1]) expect(flat.quantile(g, q)).toBe(h.quantile(q));
      }
    }
  });

  it('is empty (NaN) for groups without observations and after reset; clamps huge values', () => {
    const flat = new GroupHistograms(2, 3);
    expect(flat.mean(1)).toBeNaN();
    flat.add(0, 2 ** 45);
    flat.add(0, 10);
    expect(flat.quantile(0, 1)).toBe(2 ** 45);
    expect(flat.quantile(0, 0.5)).toBe(10);
    flat.reset();
    expect(flat.count(0)).toBe(0);
    expect(flat.quantile(0, 0.99)).toBeNaN();
  });

  it('precision follows the tenant count', () => {
    expect([bitsFor(1), bitsFor(256), bitsFor(257), bitsFor(4096), bitsFor(10_000)]).toEqual([6, 6, 4, 4, 3]);
  });
});
