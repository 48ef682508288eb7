/**
 * The parameter space: the default is the parent profile's estimates the scenario uses; a
 * coordinate maps to a value uniformly on a linear range and per decade on a log range; a
 * distribution keeps its shape and takes the sampled mean.
 */
import { describe, expect, it } from 'vitest';
import { makeDistribution } from '../../src/random/distribution.js';
import { numberAt, parameterSpace, type SpaceParam, withMean } from '../../src/runner/sensitivity-space.js';
import { prepareScenario } from '../../src/scenario/index.js';
import { CONTROL_ONLY, tempRoot, writeFile } from './sensitivity-harness.js';

const param = (range: SpaceParam['range'], form: SpaceParam['form'] = 'real'): SpaceParam => ({
  path: 'x',
  range,
  form,
  unit: '',
  origin: '--params',
  given: true,
});

describe('sensitivity parameter space', () => {
  it('maps u to a value: linear, or log-uniform (each decade the same share of u)', () => {
    const lin = param({ min: 10, max: 20, scale: 'linear' });
    expect([0, 0.5, 1].map((u) => numberAt(lin, u))).toEqual([10, 15, 20]);
    const log = param({ min: 1e3, max: 1e6, scale: 'log' });
    expect(numberAt(log, 0)).toBe(1e3);
    expect(numberAt(log, 1 / 3)).toBeCloseTo(1e4, 6);
    expect(numberAt(log, 2 / 3)).toBeCloseTo(1e5, 4);
    expect(numberAt(log, 1)).toBe(1e6);
    expect(numberAt(param({ min: 1, max: 8, scale: 'linear' }, 'whole'), 0.3)).toBe(3);
  });

  it('samples a ring size among the powers of two of its range', async () => {
    const ring = {
      ...param({ min: 64, max: 1024, scale: 'log' }, 'whole'),
      allowed: [64, 128, 256, 512, 1024],
    };
    // u spreads over 4 octaves and each power of two takes the half-octave either side of it:
    // u = 0.1 is 0.4 octave above 64 (→ 64), 0.2 is 0.8 (→ 128), 0.5 is 2 (→ 256), 0.9 is 3.6 (→ 1024).
    expect([0, 0.1, 0.2, 0.5, 0.9, 1].map((u) => numberAt(ring, u))).toEqual([64, 64, 128, 256, 1024, 1024]);
    const root = tempRoot();
    const { base } = await prepareScenario(writeFile(root, 'r.yaml', CONTROL_ONLY));
    const [queue] = parameterSpace(['device.queueSize=100..3000'], base).params;
    expect(queue?.allowed).toEqual([128, 256, 512, 1024, 2048]);
    for (let u = 0; u <= 1; u += 0.01)
      expect([128, 256, 512, 1024, 2048]).toContain(numberAt(queue as SpaceParam, u));
  });

  it('leaves the blk section out of a fleet without block devices', async () => {
    const root = tempRoot();
    const { base } = await prepareScenario(writeFile(root, 'n.yaml', CONTROL_ONLY));
    const space = parameterSpace([], base);
    expect(space.params.some((p) => p.path.startsWith('blk.'))).toBe(false);
    expect(
      space.notes.some((n) => n.startsWith('blk.queueSize: left out, no workload group is a block device')),
    ).toBe(true);
  });

  it('keeps a distribution’s shape and sets its mean', () => {
    for (const spec of [
      { dist: 'exponential', mean: 50_000 },
      { dist: 'lognormal', mean: 5_000_000, cv: 0.5 },
      { dist: 'uniform', min: 1000, max: 3000 },
      { dist: 'constant', value: 7 },
    ] as const) {
      const scaled = withMean(spec, 20_000);
      expect(scaled.dist).toBe(spec.dist);
      expect(makeDistribution(scaled).mean).toBeCloseTo(20_000, 6);
      if (spec.dist === 'lognormal') expect(scaled).toMatchObject({ cv: 0.5 });
    }
  });

  it('defaults to the profile’s estimates that the scenario uses, leaving out what its strategies ignore', async () => {
    const root = tempRoot();
    const { base } = await prepareScenario(writeFile(root, 'c.yaml', CONTROL_ONLY));
    const space = parameterSpace([], base);
    const paths = space.params.map((p) => p.path);
    expect(paths).toContain('adminq.service.CREATE');
    // The parent's own estimate, and the platform's beneath it.
    expect(space.params.find((p) => p.path === 'limits.hwVqs')?.origin).toBe('profile mlx5 (estimate)');
    expect(space.params.find((p) => p.path === 'adminq.service.CREATE')?.origin).toBe('platform (estimate)');
    // Created through the admin queue: the managed-device creation time is ignored, and said so.
    expect(paths).not.toContain('transport.createService');
    expect(space.notes.some((n) => n.startsWith('transport.createService: left out'))).toBe(true);
    for (const p of space.params) {
      expect(p.given).toBe(false);
      expect(p.range.min).toBeLessThanOrEqual(p.range.max);
    }
  });
});
