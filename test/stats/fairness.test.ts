import { describe, expect, it } from 'vitest';
import { jainIndex } from '../../src/stats/fairness.js';

describe('jainIndex', () => {
  it('gives known values', () => {
    expect(jainIndex([1, 1, 1, 1])).toBe(1);
    expect(jainIndex([1, 0, 0, 0])).toBe(0.25);
    // (1+2+3)² / (3·14) = 36/42.
    expect(jainIndex([1, 2, 3])).toBeCloseTo(36 / 42, 15);
  });

  it('is 1 for empty and all-zero allocations', () => {
    expect(jainIndex([])).toBe(1);
    expect(jainIndex([0, 0, 0])).toBe(1);
  });

  it('is scale-invariant and does not overflow', () => {
    expect(jainIndex([1e200, 1e200])).toBe(1);
    expect(jainIndex([3e300, 0])).toBe(0.5);
  });

  it('rejects negatives and propagates NaN', () => {
    expect(() => jainIndex([1, -1])).toThrow(RangeError);
    expect(jainIndex([1, Number.NaN])).toBeNaN();
  });
});
