/** Sweep expansion: grid order, zip lockstep, grid × zip, stable ids, values as written. */
import { describe, expect, it } from 'vitest';
import { expandSweep, paramValue, pointCount, pointId, sweepAxes } from '../../src/scenario/expand-sweep.js';
import { columnName } from '../../src/scenario/index.js';
import { InputError } from '../../src/util/errors.js';

const ids = (points: ReturnType<typeof expandSweep>) => points.map((p) => p.id);
const params = (points: ReturnType<typeof expandSweep>) => points.map((p) => p.params);

describe('expandSweep', () => {
  it('has one point without a sweep', () => {
    const points = expandSweep(sweepAxes(undefined));
    expect(points).toEqual([{ index: 0, id: 'p0000', params: {}, picks: [] }]);
  });

  it('varies the first grid key slowest', () => {
    const points = expandSweep(
      sweepAxes({ grid: { instances: [1, 2, 3], 'adminq.policy': ['fifo', 'drr'] } }),
    );
    expect(params(points)).toEqual([
      { instances: 1, 'adminq.policy': 'fifo' },
      { instances: 1, 'adminq.policy': 'drr' },
      { instances: 2, 'adminq.policy': 'fifo' },
      { instances: 2, 'adminq.policy': 'drr' },
      { instances: 3, 'adminq.policy': 'fifo' },
      { instances: 3, 'adminq.policy': 'drr' },
    ]);
    expect(ids(points)).toEqual(['p0000', 'p0001', 'p0002', 'p0003', 'p0004', 'p0005']);
  });

  it('varies zip lists in lockstep', () => {
    const points = expandSweep(
      sweepAxes({ zip: { 'adminq.workers': [1, 4, 8], 'adminq.depth': [8, 32, 64] } }),
    );
    expect(params(points)).toEqual([
      { 'adminq.workers': 1, 'adminq.depth': 8 },
      { 'adminq.workers': 4, 'adminq.depth': 32 },
      { 'adminq.workers': 8, 'adminq.depth': 64 },
    ]);
  });

  it('combines grid × zip with zip innermost, grid keys first in column order', () => {
    const axes = sweepAxes({
      grid: { instances: [10, 20] },
      zip: { 'adminq.workers': [1, 4], 'adminq.depth': [8, 32] },
    });
    expect(axes.map((a) => a.path)).toEqual(['instances', 'adminq.workers', 'adminq.depth']);
    expect(pointCount(axes)).toBe(4);
    expect(params(expandSweep(axes))).toEqual([
      { instances: 10, 'adminq.workers': 1, 'adminq.depth': 8 },
      { instances: 10, 'adminq.workers': 4, 'adminq.depth': 32 },
      { instances: 20, 'adminq.workers': 1, 'adminq.depth': 8 },
      { instances: 20, 'adminq.workers': 4, 'adminq.depth': 32 },
    ]);
  });

  it('gives the same ids every time, padded so they sort in order', () => {
    const sweep = { grid: { a: [1, 2, 3], b: [1, 2] }, zip: { c: [1, 2] } };
    expect(ids(expandSweep(sweepAxes(sweep)))).toEqual(ids(expandSweep(sweepAxes(sweep))));
    expect(pointId(7, 12)).toBe('p0007');
    expect(pointId(7, 20_000)).toBe('p00007');
    const many = Array.from({ length: 10_001 }, (_, i) => `p${String(i).padStart(5, '0')}`);
    expect(ids(expandSweep(sweepAxes({ grid: { x: Array.from({ length: 10_001 }, (_, i) => i) } })))).toEqual(
      many,
    );
  });

  it('keeps values as written; collections in YAML flow form', () => {
    expect(paramValue('50us')).toBe('50us');
    expect(paramValue(8)).toBe(8);
    expect(paramValue(true)).toBe(true);
    expect(paramValue({ dist: 'exponential', mean: '50us' })).toBe('{ dist: exponential, mean: 50us }');
    expect(paramValue([3, 1])).toBe('[ 3, 1 ]');
  });

  it('refuses zip lists of different lengths and a key in both grid and zip', () => {
    expect(() => sweepAxes({ zip: { a: [1, 2], b: [1] } })).toThrow(InputError);
    expect(() => sweepAxes({ zip: { a: [1, 2], b: [1] } })).toThrow(
      /zip lists must have equal lengths: a has 2 values, b has 1/,
    );
    expect(() => sweepAxes({ grid: { a: [1] }, zip: { a: [1] } })).toThrow(/swept in both grid and zip/);
  });
});

describe('columnName', () => {
  it('turns paths into CSV columns without dots', () => {
    expect(columnName('adminq.workers')).toBe('adminq_workers');
    expect(columnName('instances')).toBe('instances');
    expect(columnName('workload.groups[1].traffic.rate')).toBe('workload_groups_1_traffic_rate');
    expect(columnName('workload.groups[noisy].share')).toBe('workload_groups_noisy_share');
  });
});
