import { describe, expect, it } from 'vitest';
import { Counter, Histogram, StatsSet, Tally, TimeWeighted } from '../../src/stats/index.js';

describe('StatsSet', () => {
  it('creates, registers and looks up accumulators', () => {
    const s = new StatsSet();
    const t = s.tally('lat');
    const h = s.histogram('lat.hist', 5);
    const c = s.counter('pkts');
    const tw = s.timeWeighted('qlen', 0, 2);
    expect(t).toBeInstanceOf(Tally);
    expect(h).toBeInstanceOf(Histogram);
    expect(h.subBucketBits).toBe(5);
    expect(c).toBeInstanceOf(Counter);
    expect(tw).toBeInstanceOf(TimeWeighted);
    expect(s.get('lat')).toBe(t);
    expect(s.get('nope')).toBeUndefined();
    expect(s.size).toBe(4);
    expect(s.names()).toEqual(['lat', 'lat.hist', 'pkts', 'qlen']);
    expect([...s].map(([name]) => name)).toEqual(s.names());
  });

  it('rejects duplicate names across kinds', () => {
    const s = new StatsSet();
    s.tally('x');
    expect(() => s.counter('x')).toThrow(/duplicate/);
  });

  it('resetAll resets everything, keeping time-weighted levels', () => {
    const s = new StatsSet();
    const t = s.tally('t');
    const h = s.histogram('h');
    const c = s.counter('c');
    const tw = s.timeWeighted('q', 0);
    const perGroup = s.counts('per-group', 3);
    perGroup[2] = 7;
    t.add(5);
    h.add(1000);
    c.add(3);
    tw.set(10, 4);
    s.resetAll(50);
    expect(t.count).toBe(0);
    expect(h.count).toBe(0);
    expect(c.value).toBe(0);
    expect([...perGroup]).toEqual([0, 0, 0]);
    expect(tw.value).toBe(4);
    expect(tw.integral(50)).toBe(0);
    expect(tw.mean(60)).toBe(4);
  });

  it('resets an accumulator it holds but did not build (a per-group table) at the boundary time', () => {
    const s = new StatsSet();
    const resets: number[] = [];
    const table = s.add('per-group', { reset: (nowNs: number) => resets.push(nowNs) });
    expect(s.get('per-group')).toBe(table);
    expect(() => s.add('per-group', { reset: () => {} })).toThrow(/duplicate/);
    s.resetAll(1234);
    expect(resets).toEqual([1234]);
  });
});
