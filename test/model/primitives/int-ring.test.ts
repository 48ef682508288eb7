import { describe, expect, it } from 'vitest';
import { IntRing } from '../../../src/model/primitives/int-ring.js';

describe('IntRing', () => {
  it('is a FIFO across growth and wrap-around', () => {
    const r = new IntRing(4);
    const out: number[] = [];
    let next = 0;
    // Interleave pushes and shifts so the head wraps before and after each doubling.
    for (let round = 0; round < 50; round++) {
      for (let k = 0; k < 3; k++) r.push(next++);
      out.push(r.shift());
    }
    while (r.length > 0) out.push(r.shift());
    expect(out).toEqual([...Array(next).keys()]);
  });

  it('answers -1 when empty and keeps stamps with their ids', () => {
    const r = new IntRing(2, { stamps: true });
    expect(r.shift()).toBe(-1);
    expect(r.peek()).toBe(-1);
    for (let i = 0; i < 9; i++) r.push(i, 1000 + i * 0.5);
    const seen: Array<[number, number]> = [];
    while (r.length > 0) {
      const stamp = r.peekStamp();
      seen.push([r.shift(), stamp]);
    }
    expect(seen).toEqual([...Array(9).keys()].map((i) => [i, 1000 + i * 0.5]));
  });
});
