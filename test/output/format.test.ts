import { describe, expect, it } from 'vitest';
import { formatCell, formatNumber } from '../../src/output/format.js';

describe('CSV number formatting', () => {
  it('writes the shortest round-trip text', () => {
    expect(formatNumber(512)).toBe('512');
    expect(formatNumber(0.1)).toBe('0.1');
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatNumber(1e21)).toBe('1e+21');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(123456789.125)).toBe('123456789.125');
    for (const x of [Math.PI, 1 / 3, 2 ** 53, -5e-324, 1.7976931348623157e308]) {
      expect(Number(formatNumber(x))).toBe(x);
    }
  });

  it('writes empty cells for NaN and missing values, named infinities, 0 for -0', () => {
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatCell(undefined)).toBe('');
    expect(formatCell(null)).toBe('');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(formatNumber(-0)).toBe('0');
    expect(formatCell(true)).toBe('true');
    expect(formatCell('msix-vectors')).toBe('msix-vectors');
  });
});
