/** The event queue's building blocks, checked directly on small hand-made inputs. */
import { describe, expect, it } from 'vitest';
import { BucketRing } from '../../src/engine/bucket-ring.js';
import { KeyHeap } from '../../src/engine/key-heap.js';
import { sortByKey } from '../../src/engine/sort-by-key.js';

function drained(
  ring: BucketRing,
  b: number,
): { time: number[]; tie: number[]; slot: number[]; sorted: boolean } {
  const k = ring.countAt(b);
  const time = new Float64Array(k);
  const tie = new Float64Array(k);
  const slot = new Int32Array(k);
  const sorted = ring.drain(b, time, tie, slot);
  return { time: [...time], tie: [...tie], slot: [...slot], sorted };
}

describe('BucketRing', () => {
  it('keeps insertion order across chunks and reports sortedness', () => {
    const ring = new BucketRing(5, 16);
    for (let i = 0; i < 40; i++) ring.append(3, 100, i, i); // 40 entries: three chunks
    ring.append(7, 50, 9, 100);
    ring.append(7, 20, 1, 101);
    expect(ring.total).toBe(42);
    const a = drained(ring, 3);
    expect(a.slot).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(a.sorted).toBe(true);
    const b = drained(ring, 7);
    expect(b).toEqual({ time: [50, 20], tie: [9, 1], slot: [100, 101], sorted: false });
    expect(ring.total).toBe(0);
  });

  it('finds the next occupied bucket cyclically, including the start word’s low bits last', () => {
    const ring = new BucketRing(6, 16); // 64 buckets, two bitmap words
    expect(ring.nextOccupied(0)).toBe(-1);
    ring.append(5, 1, 0, 0);
    ring.append(40, 1, 0, 1);
    expect(ring.nextOccupied(0)).toBe(5);
    expect(ring.nextOccupied(6)).toBe(40);
    expect(ring.nextOccupied(41)).toBe(5); // wraps past the end
    expect(ring.nextOccupied(7)).toBe(40);
    drained(ring, 40);
    expect(ring.nextOccupied(6)).toBe(5); // only bucket 5 left: found after a full lap
    expect(ring.occupiedCount()).toBe(1);
  });

  it('detach/take hands back every entry once, in order, while entries are re-filed', () => {
    const ring = new BucketRing(5, 16);
    for (let i = 0; i < 35; i++) ring.append(2, i, i, i);
    const k = ring.detach(2);
    expect(k).toBe(35);
    expect(ring.countAt(2)).toBe(0);
    const slots: number[] = [];
    for (let i = 0; i < k; i++) {
      const slot = ring.take();
      expect(ring.takenTime).toBe(slot);
      slots.push(slot);
      ring.append(9, ring.takenTime, ring.takenTie, slot); // re-file while taking
    }
    expect(slots).toEqual(Array.from({ length: 35 }, (_, i) => i));
    expect(drained(ring, 9).slot).toEqual(slots);
  });

  it('grows its chunk pool when the capacity hint is exceeded', () => {
    const ring = new BucketRing(5, 16);
    for (let i = 0; i < 5000; i++) ring.append(i % 32, i, i, i);
    expect(ring.total).toBe(5000);
    expect(drained(ring, 31).slot).toEqual(Array.from({ length: 156 }, (_, j) => 31 + 32 * j));
  });
});

describe('sortByKey', () => {
  it('sorts by time, then tie, carrying the slot along', () => {
    const time = Float64Array.from([5, 3, 5, 1, 3, 5]);
    const tie = Float64Array.from([2, 9, 1, 0, 4, 3]);
    const slot = Int32Array.from([0, 1, 2, 3, 4, 5]);
    sortByKey(time, tie, slot, 6);
    expect([...slot]).toEqual([3, 4, 1, 2, 0, 5]);
    expect([...time]).toEqual([1, 3, 3, 5, 5, 5]);
  });
});

describe('KeyHeap', () => {
  it('pops by (time, tie) and grows past its initial capacity', () => {
    const h = new KeyHeap(16);
    const keys = Array.from({ length: 100 }, (_, i) => [(i * 37) % 10, (i * 53) % 100, i] as const);
    for (const [t, k, s] of keys) h.push(t, k, s);
    const expected = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
    const got: number[] = [];
    while (h.n > 0) got.push(h.pop());
    expect(got).toEqual(expected);
  });
});
