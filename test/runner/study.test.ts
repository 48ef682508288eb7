import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import { inShard, parseShard, planRuns, runSpecFor, type Study } from '../../src/runner/study.js';
import { InputError } from '../../src/util/errors.js';

const points = (n: number) =>
  Array.from({ length: n }, (_, index) => ({
    index,
    id: `p${index}`,
    params: {},
    config: { n: index } as unknown as ModelConfig,
  }));

describe('run plan', () => {
  it('numbers runs point-major: index = point x replications + replication', () => {
    const jobs = planRuns({ points: points(3), replications: 2 });
    expect(jobs.map((j) => [j.index, j.point, j.replication])).toEqual([
      [0, 0, 0],
      [1, 0, 1],
      [2, 1, 0],
      [3, 1, 1],
      [4, 2, 0],
      [5, 2, 1],
    ]);
  });

  it('gives replication r of every point the master seed and index r (common random numbers)', () => {
    const study = {
      points: points(2),
      replications: 3,
      seed: 42,
      warmupNs: 5,
      durationNs: 10,
    } as unknown as Study;
    const specs = planRuns(study).map((j) => runSpecFor(study, j));
    expect(specs.map((s) => [s.seed, s.replication])).toEqual([
      [42, 0],
      [42, 1],
      [42, 2],
      [42, 0],
      [42, 1],
      [42, 2],
    ]);
    expect(specs[4]?.config).toBe(study.points[1]?.config);
  });

  it('splits runs round-robin into shards that cover every run exactly once', () => {
    const jobs = planRuns({ points: points(7), replications: 3 });
    for (const count of [1, 2, 3, 5, 21, 30]) {
      const owners = jobs.map((j) =>
        Array.from({ length: count }, (_, i) => i).filter((i) => inShard(j, { index: i, count })),
      );
      expect(owners.every((o) => o.length === 1)).toBe(true);
      expect(owners.map((o) => o[0])).toEqual(jobs.map((j) => j.index % count));
    }
  });

  it('parses --shard I/N and rejects bad values', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3/4 ')).toEqual({ index: 3, count: 4 });
    for (const bad of ['4/4', '1/0', '-1/3', 'a/b', '1', '1/2/3', '1.5/3', '']) {
      expect(() => parseShard(bad), bad).toThrow(InputError);
    }
  });
});
