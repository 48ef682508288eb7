/** Unit tests of the control plane's building blocks. */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../src/engine/simulator.js';
import { GroupLevels } from '../../../src/model/control/group-levels.js';
import { KeyedLocks } from '../../../src/model/control/keyed-locks.js';
import { pollUntilDoneNs } from '../../../src/model/control/poll.js';
import { TokenBuckets } from '../../../src/model/control/token-bucket.js';
import { IndexedSet } from '../../../src/model/primitives/indexed-set.js';
import { IntRing } from '../../../src/model/primitives/int-ring.js';
import { SlotPool } from '../../../src/model/primitives/slot-pool.js';
import { makeDistribution } from '../../../src/random/distribution.js';
import { StreamFactory } from '../../../src/random/stream-factory.js';
import { provisioningMethods } from '../../../src/strategies/provisioning/index.js';
import { qosPolicies } from '../../../src/strategies/qos/index.js';
import { transports } from '../../../src/strategies/transports/index.js';
import { makeLcg } from '../../stats/lcg.js';
import { fixtureConfig, group } from './fixture-config.js';

describe('IntRing and IndexedSet', () => {
  it('IntRing is FIFO across growth', () => {
    const q = new IntRing(4);
    for (let i = 0; i < 3; i++) q.push(i);
    expect(q.shift()).toBe(0);
    for (let i = 3; i < 40; i++) q.push(i);
    const out: number[] = [];
    while (q.length > 0) out.push(q.shift());
    expect(out).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    expect(q.shift()).toBe(-1);
  });

  it('IndexedSet adds, deletes and enumerates', () => {
    const s = new IndexedSet(10);
    for (const i of [3, 5, 7]) s.add(i);
    s.delete(3);
    expect(s.size).toBe(2);
    expect(new Set([s.at(0), s.at(1)])).toEqual(new Set([5, 7]));
    expect(s.has(3)).toBe(false);
  });

  it('IndexedSet add and delete say whether they changed the set (an activation counted once)', () => {
    const s = new IndexedSet(4);
    expect([s.add(2), s.add(2), s.size]).toEqual([true, false, 1]);
    expect([s.delete(2), s.delete(2), s.delete(1), s.size]).toEqual([true, false, false, 0]);
  });
});

describe('SlotPool', () => {
  it('never exceeds its slots or throttled slots, grants in FIFO order per class', () => {
    const rand = makeLcg(7);
    const held: { id: number; heavy: boolean }[] = [];
    const granted: number[] = [];
    const heavyOf = new Map<number, boolean>();
    const pool = new SlotPool(31, 16, (id) => {
      granted.push(id);
      held.push({ id, heavy: heavyOf.get(id) as boolean });
    });
    let next = 0;
    for (let step = 0; step < 20_000; step++) {
      if (rand() < 0.55) {
        const heavy = rand() < 0.6;
        heavyOf.set(next, heavy);
        pool.acquire(next++, heavy);
      } else if (held.length > 0) {
        const [h] = held.splice(Math.floor(rand() * held.length), 1);
        pool.release((h as { heavy: boolean }).heavy);
      }
      if (pool.inUse > 31 || pool.throttledInUse > 16 || pool.inUse !== held.length) {
        throw new Error(
          `invariant broken at step ${step}: ${pool.inUse} in use, ${pool.throttledInUse} throttled`,
        );
      }
    }
    expect(pool.peakInUse).toBe(31);
    expect(pool.peakThrottledInUse).toBe(16);
    const light = granted.filter((id) => !heavyOf.get(id));
    expect(light).toEqual([...light].sort((a, b) => a - b)); // light commands never overtake each other
  });
});

describe('KeyedLocks and GroupLevels', () => {
  it('KeyedLocks: one holder per key, waiters granted FIFO per key, keys independent, ids past the initial size', () => {
    const granted: number[] = [];
    const locks = new KeyedLocks(3, (id) => granted.push(id));
    locks.acquire(0, 10);
    locks.acquire(0, 11);
    locks.acquire(1, 20);
    locks.acquire(0, 5000); // beyond the initial `next` array: it grows
    locks.acquire(1, 21);
    expect(granted).toEqual([10, 20]);
    expect(locks.waiting).toBe(3);
    locks.release(1); // key 1 hands over to 21 only
    expect(granted).toEqual([10, 20, 21]);
    locks.release(0);
    locks.release(0);
    expect(granted).toEqual([10, 20, 21, 11, 5000]);
    locks.release(0); // nobody waits: key 0 is free again
    locks.acquire(0, 12);
    expect(granted.at(-1)).toBe(12);
    expect(locks.waiting).toBe(0);
  });

  it('GroupLevels: per-group time averages and peaks, levels kept across a reset', () => {
    const levels = new GroupLevels(2);
    levels.add(0, 0, 2); // group 0: 2 on [0, 10), 1 on [10, 30)
    levels.add(1, 5, 1); // group 1: 1 on [5, 30)
    levels.add(0, 10, -1);
    expect(levels.mean(0, 30)).toBeCloseTo((2 * 10 + 1 * 20) / 30, 12);
    expect(levels.mean(1, 30)).toBeCloseTo(25 / 30, 12);
    expect(levels.max(0)).toBe(2);
    levels.reset(30);
    expect(levels.max(0)).toBe(1); // the level survives the reset
    levels.add(0, 40, 3);
    expect(levels.mean(0, 50)).toBeCloseTo((1 * 10 + 4 * 10) / 20, 12);
    expect(levels.max(0)).toBe(4);
    expect(levels.mean(1, 30)).toBe(1); // empty window: the level itself
  });

  it('SlotPool.available says whether an acquire would be granted at once', () => {
    const pool = new SlotPool(1, 1, () => {});
    expect(pool.available).toBe(true);
    pool.acquire(1, false);
    expect(pool.available).toBe(false);
    pool.acquire(2, false);
    pool.release(false); // 2 takes the slot
    expect(pool.available).toBe(false);
    pool.release(false);
    expect(pool.available).toBe(true);
  });
});

describe('queue selectors', () => {
  it('drr serves backlogged queues in proportion to weights × quantum, including fractional quanta', () => {
    const adminq = { ...fixtureConfig().adminq, queues: 3, weights: [1, 2, 5], quantum: 0.5 };
    const drr = qosPolicies.get('drr').create(adminq);
    const lengths = Int32Array.from([1e6, 1e6, 1e6]);
    for (let q = 0; q < 3; q++) drr.enqueued(q, 1);
    const served = [0, 0, 0];
    for (let k = 0; k < 8000; k++) {
      const q = drr.pick(lengths);
      served[q] = (served[q] as number) + 1;
    }
    expect(served).toEqual([1000, 2000, 5000]);
  });

  it('drr drops a queue that empties and forfeits its deficit', () => {
    const adminq = { ...fixtureConfig().adminq, queues: 2, weights: [4, 1], quantum: 1 };
    const drr = qosPolicies.get('drr').create(adminq);
    const lengths = Int32Array.from([1, 3]);
    drr.enqueued(0, 1);
    drr.enqueued(1, 1);
    const order: number[] = [];
    for (let k = 0; k < 4; k++) {
      const q = drr.pick(lengths);
      lengths[q] = (lengths[q] as number) - 1;
      order.push(q);
    }
    expect(order).toEqual([0, 1, 1, 1]);
  });

  it('priority picks the lowest non-empty queue', () => {
    const prio = qosPolicies.get('priority').create({ ...fixtureConfig().adminq, queues: 40 });
    const lengths = new Int32Array(40);
    for (const q of [37, 5, 33]) {
      lengths[q] = 1;
      prio.enqueued(q, 1);
    }
    const order: number[] = [];
    for (let k = 0; k < 3; k++) {
      const q = prio.pick(lengths);
      lengths[q] = 0;
      order.push(q);
    }
    expect(order).toEqual([5, 33, 37]);
  });
});

describe('TokenBuckets', () => {
  it('admits the burst at once, then one command per 1/rate', () => {
    const sim = new Simulator();
    const admitted: number[] = [];
    const g = group('t', 1, { control: { rate: 0, ops: {}, limit: { rate: 1000, burst: 3 } } });
    const tb = new TokenBuckets(sim, [g, group('free', 1)], (cmd) => admitted.push(cmd * 0 + sim.now));
    const immediate = [0, 1, 2, 3, 4].map((cmd) => tb.admit(0, cmd));
    expect(immediate).toEqual([true, true, true, false, false]);
    expect(tb.admit(1, 9)).toBe(true); // unlimited tenant
    sim.run();
    expect(admitted).toEqual([1_000_000, 2_000_000]);
  });
});

describe('poll loop', () => {
  it('deterministic reads use the closed form; random reads average near it', () => {
    const rng = new StreamFactory(1, 0).stream('test/poll');
    const det = makeDistribution({ dist: 'deterministic', value: 1000 });
    expect(pollUntilDoneNs(5000, 1000, det, 0, rng)).toBe(7000);
    expect(pollUntilDoneNs(0, 1000, det, 0, rng)).toBe(1000);
    const uni = makeDistribution({ dist: 'uniform', min: 999, max: 1001 });
    const t = pollUntilDoneNs(5000, 1000, uni, 0, rng);
    expect(t).toBeGreaterThan(6990);
    expect(t).toBeLessThan(7010);
  });
});

describe('registries', () => {
  it('every transport, policy and provisioning method is registered with a description and sources', () => {
    expect(transports.names()).toEqual(['per-vf', 'managed-cap', 'device-cmd-cap', 'admin-vq', 'vendor']);
    expect(qosPolicies.names()).toEqual(['fifo', 'priority', 'drr']);
    expect(provisioningMethods.names()).toEqual(['netlink', 'managed-cap-create', 'admin-vq']);
    for (const s of [...transports.all(), ...qosPolicies.all(), ...provisioningMethods.all()]) {
      expect(s.description.length).toBeGreaterThan(20);
      expect(s.cite.length).toBeGreaterThan(0);
    }
    expect(() => transports.get('pcie-magic')).toThrow(
      expect.objectContaining({ allowed: expect.stringContaining('per-vf, managed-cap') }),
    );
  });
});
