import { describe, expect, it } from 'vitest';
import { Counter } from '../../src/stats/counter.js';

describe('Counter', () => {
  it('counts, rates and resets', () => {
    const c = new Counter();
    c.add();
    c.add(4);
    expect(c.value).toBe(5);
    // 5 events in 2 µs = 2.5 M/s.
    expect(c.rate(2000)).toBe(2.5e6);
    expect(c.rate(0)).toBeNaN();
    expect(() => c.rate(-1)).toThrow(RangeError);
    c.reset();
    expect(c.value).toBe(0);
  });
});
