import { describe, expect, it } from 'vitest';
import { ComputedFifo } from '../../../src/model/primitives/computed-fifo.js';
import { ResourceMeter } from '../../../src/stats/resource-usage.js';

describe('ComputedFifo', () => {
  it('by hand: each server is its own FIFO, start = max(now, free); the meter gets holds, exact waits and the peak', () => {
    const meter = new ResourceMeter({ name: 'q', capacity: 2 }, 0);
    const f = new ComputedFifo(2, meter);
    // Server 0: three requests at t = 0 holding 10 each start at 0, 10, 20; server 1 is idle.
    expect([f.book(0, 0, 10), f.book(0, 0, 10), f.book(0, 0, 10)]).toEqual([0, 10, 20]);
    expect(f.book(1, 0, 10)).toBe(0);
    expect(meter.heldNs).toBe(40);
    expect(meter.queuedNs).toBe(0 + 10 + 20 + 0);
    expect([meter.wait.count, meter.wait.mean]).toEqual([4, 30 / 4]);
    expect(meter.queuePeak).toBe(2); // the second and third wait for server 0 at once
    // At t = 25 the third (start 20) is in service: a request now waits 5 and is alone in the queue.
    expect(f.book(0, 25, 10)).toBe(30);
    expect(meter.queuePeak).toBe(2);
    // After the server frees, a request starts at once.
    expect(f.book(0, 100, 1)).toBe(100);
  });

  it('saturated 10×: a server starts requests back to back, its waits grow as the backlog does, O(1) each', () => {
    const meter = new ResourceMeter({ name: 'q', capacity: 1 }, 0);
    const f = new ComputedFifo(1, meter);
    // Requests every 1 ns holding 10: the k-th (from 0) starts at 10 k and waits 9 k.
    let last = 0;
    for (let k = 0; k < 10_000; k++) last = f.book(0, k, 10);
    expect(last).toBe(10 * 9_999);
    expect(meter.queuedNs).toBe((9 * 9_999 * 10_000) / 2);
    // Just after the last joined, every request since the first 1/10 is still waiting.
    expect(meter.queuePeak).toBe(10_000 - Math.ceil(9_999 / 10));
  });

  it('without a meter it keeps no queue state', () => {
    const f = new ComputedFifo(0);
    expect(f.servers).toBe(1);
    expect([f.book(0, 5, 3), f.book(0, 5, 3)]).toEqual([5, 8]);
  });
});
