/** The resource registry on hand-computed timelines: utilisation, queue, waits, warm-up reset. */
import { describe, expect, it } from 'vitest';
import { ResourceUsage } from '../../src/stats/resource-usage.js';
import { TimeWeighted } from '../../src/stats/time-weighted.js';

describe('ResourceUsage', () => {
  it('reports utilisation, mean and peak queue and the recorded waits over the window', () => {
    const usage = new ResourceUsage(0);
    const m = usage.register({ name: 'servers', capacity: 2, queueCapacity: 8 });
    // 0–10: one of two servers busy; 10–20: both, one request waiting 10–15 (waited 5).
    m.held.set(0, 1);
    m.held.set(10, 2);
    m.join(10);
    m.leave(15, 5);
    m.held.set(20, 0);
    const [row] = usage.collect(20, 20);
    // ∫held = 1·10 + 2·10 = 30 of capacity 2 × 20 = 40.
    expect(row).toEqual({
      resource: 'servers',
      role: 'server',
      capacity: 2,
      utilisation: 30 / 40,
      queueMean: 5 / 20,
      queueMax: 1,
      queueCapacity: 8,
      waitMeanUs: 5 / 1000,
    });
  });

  it("falls back to Little's law for a queue whose waits are not recorded one by one", () => {
    const usage = new ResourceUsage(0);
    const m = usage.register({ name: 'fifo', capacity: 1 });
    m.join(0);
    m.join(0);
    m.leave(10); // waited 10
    m.leave(30); // waited 30: ∫queue = 2·10 + 1·20 = 40 over 2 departures
    expect(usage.collect(40, 40)[0]?.waitMeanUs).toBe(20 / 1000);
  });

  it('adds time-charged use, adopts an owner level, and restarts everything at the warm-up', () => {
    const usage = new ResourceUsage(0);
    const own = new TimeWeighted(0, 0);
    const adopted = usage.register({ name: 'adopted', capacity: 1, held: own });
    const charged = usage.register({ name: 'cores', capacity: 4 });
    own.set(0, 1);
    charged.heldNs = 1000;
    usage.resetAll(100); // the warm-up: levels keep their value, sums and integrals restart
    charged.heldNs += 200;
    const rows = usage.collect(200, 100);
    expect(rows.map((r) => [r.resource, r.utilisation])).toEqual([
      ['adopted', 1],
      ['cores', 200 / (4 * 100)],
    ]);
    expect(adopted.held).toBe(own);
    expect(rows[1]?.waitMeanUs).toBeNaN(); // nothing queued, nothing recorded
  });

  it('refuses a second resource of the same name and a capacity that is not positive', () => {
    const usage = new ResourceUsage(0);
    usage.register({ name: 'a', capacity: 1 });
    expect(() => usage.register({ name: 'a', capacity: 1 })).toThrow(/registered twice/);
    expect(() => usage.register({ name: 'b', capacity: 0 })).toThrow(/capacity must be > 0/);
  });
});
