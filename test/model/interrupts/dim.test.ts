import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../src/engine/simulator.js';
import { Coalescer } from '../../../src/model/interrupts/coalescer.js';
import {
  DIM_DEFAULT_PROFILE,
  DIM_NEVENTS,
  DIM_PROFILES,
  DimTable,
} from '../../../src/model/interrupts/dim.js';

/** Feeds one DIM decision window of DIM_NEVENTS interrupts spanning `us` µs and `packets` packets. */
function window(dim: DimTable, q: number, t0: number, us: number, packets: number): number {
  const step = (us * 1000) / DIM_NEVENTS;
  for (let i = 1; i <= DIM_NEVENTS; i++)
    dim.onEvent(q, t0 + i * step, packets / DIM_NEVENTS, (1500 * packets) / DIM_NEVENTS);
  return t0 + us * 1000;
}

describe('DIM (net_dim port)', () => {
  it('starts at profile 1 and takes RX/TX values from the net_dim tables', () => {
    const dim = new DimTable(2, 'cqe');
    expect(dim.ix[0]).toBe(DIM_DEFAULT_PROFILE);
    expect([dim.maxNs(0), dim.maxPackets(0)]).toEqual([8000, 128]); // RX CQE profile 1: (8 µs, 128)
    expect([dim.maxNs(1), dim.maxPackets(1)]).toEqual([8000, 64]); // TX CQE profile 1: (8 µs, 64)
    expect(DIM_PROFILES.eqe.rx[4]).toEqual([256, 256]);
  });

  it('decides once per DIM_NEVENTS interrupts', () => {
    const dim = new DimTable(1, 'eqe');
    let t = window(dim, 0, 0, 1000, 10_000); // first window: nothing to compare with → "better", step right
    expect(dim.ix[0]).toBe(2);
    // 63 more events change nothing.
    for (let i = 1; i < DIM_NEVENTS; i++) dim.onEvent(0, t + i, 1, 1500);
    expect(dim.ix[0]).toBe(2);
    t += 1000;
    expect(dim.onEvent(0, t + 1_000_000, 100, 150_000)).toBe(true);
  });

  it('keeps stepping right while throughput improves, parks at the top edge until traffic changes', () => {
    const dim = new DimTable(1, 'eqe');
    let t = 0;
    // Every window 100% better: 1 → 2 → 3 → 4, then the edge parks it.
    for (const packets of [1000, 2000, 4000, 8000]) t = window(dim, 0, t, 1000, packets);
    const packets = 8000;
    expect(dim.ix[0]).toBe(4);
    for (let w = 0; w < 5; w++) t = window(dim, 0, t, 1000, packets); // same traffic: stays parked
    expect(dim.ix[0]).toBe(4);
    window(dim, 0, t, 1000, packets / 4); // a significant change leaves the parking, stepping left
    expect(dim.ix[0]).toBe(3);
  });

  it('turns back when throughput drops, and stays within the 5 profiles', () => {
    const dim = new DimTable(1, 'eqe');
    let t = window(dim, 0, 0, 1000, 10_000); // → 2
    t = window(dim, 0, t, 1000, 20_000); // better → 3
    expect(dim.ix[0]).toBe(3);
    t = window(dim, 0, t, 1000, 5_000); // worse → turn left → 2
    expect(dim.ix[0]).toBe(2);
    for (let w = 0; w < 50; w++) {
      t = window(dim, 0, t, 1000, w % 3 === 0 ? 5000 : 15_000);
      expect(dim.ix[0]).toBeGreaterThanOrEqual(0);
      expect(dim.ix[0]).toBeLessThanOrEqual(4);
    }
  });

  it('drives the coalescer thresholds per queue', () => {
    const sim = new Simulator();
    const c = new Coalescer(sim, 2, { kind: 'adaptive', profile: 'eqe' }, { onNotify: () => {} });
    expect(c.maxPackets(0)).toBe(256);
    expect(c.maxNs(0)).toBe(8000);
    expect(c.maxPackets(1)).toBe(128);
    const dim = c.dim as DimTable;
    window(dim, 0, 0, 1000, 10_000);
    expect(c.maxNs(0)).toBe(64_000); // RX EQE profile 2
    expect(c.maxNs(1)).toBe(8000); // queue 1 untouched
  });
});
