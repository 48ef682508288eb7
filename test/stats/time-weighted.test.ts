import { describe, expect, it } from 'vitest';
import { TimeWeighted } from '../../src/stats/time-weighted.js';

describe('TimeWeighted', () => {
  it('averages a hand-computed step function', () => {
    // Level 0 on [0,10), 2 on [10,30), 5 on [30,40), 1 on [40,50]:
    // integral = 0 + 40 + 50 + 10 = 100 over 50 ns ⇒ mean 2.
    const tw = new TimeWeighted();
    tw.set(10, 2);
    tw.add(30, 3);
    tw.set(40, 1);
    expect(tw.value).toBe(1);
    expect(tw.integral(50)).toBe(100);
    expect(tw.mean(50)).toBe(2);
    expect(tw.max).toBe(5);
  });

  it('honours startNs and the initial level', () => {
    const tw = new TimeWeighted(100, 4);
    expect(tw.mean(100)).toBe(4); // zero elapsed ⇒ current level
    tw.set(110, 0);
    expect(tw.integral(120)).toBe(40);
    expect(tw.mean(120)).toBe(2);
  });

  it('reset keeps the level but restarts the integral and peak', () => {
    const tw = new TimeWeighted(0, 0);
    tw.set(0, 10);
    tw.set(50, 3);
    tw.reset(100);
    expect(tw.value).toBe(3);
    expect(tw.integral(100)).toBe(0);
    expect(tw.max).toBe(3);
    expect(tw.mean(100)).toBe(3);
    // Still at level 3 for 20 ns, then 1 for 20 ns: (60 + 20) / 40 = 2.
    tw.set(120, 1);
    expect(tw.integral(140)).toBe(80);
    expect(tw.mean(140)).toBe(2);
  });

  it('rejects time going backwards', () => {
    const tw = new TimeWeighted(0, 1);
    tw.set(10, 2);
    expect(() => tw.set(5, 1)).toThrow(RangeError);
    expect(() => tw.mean(9)).toThrow(RangeError);
    expect(() => tw.reset(Number.NaN)).toThrow(RangeError);
  });
});
