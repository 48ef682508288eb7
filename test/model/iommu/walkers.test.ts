/** The walker pool's choice: the walker freed last before a miss is ready, else the first to free. */
import { describe, expect, it } from 'vitest';
import { Walkers } from '../../../src/model/iommu/walkers.js';

describe('Walkers', () => {
  it('in ready order, k walkers run k walks at once and queue the rest (a k-server FIFO)', () => {
    const w = new Walkers(2);
    // Four misses at t = 0 of 100 ns each: two start at once, two wait 100 ns.
    expect([0, 0, 0, 0].map((t) => w.walk(t, 100))).toEqual([0, 0, 100, 100]);
    expect(w.walks).toBe(4);
    expect(w.busyNs).toBe(400);
    expect(w.waitNs).toBe(200);
  });

  it('a miss takes the walker freed last before it is ready, leaving earlier-freed ones for earlier misses', () => {
    const w = new Walkers(2);
    w.walk(0, 100); // walker A busy [0, 100); walker B idle since 0
    // A chain's next walk, ready when its first ends (150): A, free since 100, takes it, not B.
    expect(w.walk(150, 100)).toBe(0);
    // Computed later but ready earlier (another engine's service): B is still free, no wait.
    // Had the first miss taken the earliest-free walker (B), this one would wait for A until 100.
    expect(w.walk(50, 100)).toBe(0);
    // Both busy now (A until 250, B until 150): a miss ready at 120 waits for B, the first to free.
    expect(w.walk(120, 100)).toBe(30);
  });

  it('counts restart at a reset; the walkers keep their schedule', () => {
    const w = new Walkers(1);
    w.walk(0, 100);
    w.reset();
    expect([w.walks, w.busyNs, w.waitNs]).toEqual([0, 0, 0]);
    expect(w.walk(50, 100)).toBe(50);
  });
});
