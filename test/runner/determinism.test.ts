/**
 * Determinism of the result files with the stand-in model: --jobs 1, --jobs 2, three shards
 * merged, a resume after losing runs, and any completion order give byte-identical CSVs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeDeps, runCli } from './cli-harness.js';
import { CSV_FILES, csvs, tempDir, writeScenario } from './helpers.js';

describe('result files are byte-identical across execution strategies', () => {
  const root = tempDir();
  const deps = fakeDeps(root);
  let file: string;
  let reference: Record<string, string>;

  beforeAll(async () => {
    file = writeScenario(root, { base: { inf: true } });
    const r = await runCli(['run', file, '--out', join(root, 'j1'), '--jobs', '1', '--quiet'], deps);
    expect(r.code, r.err).toBe(0);
    reference = csvs(join(root, 'j1'));
  });

  it('writes the documented columns and rows in run order', () => {
    const runs = reference['runs.csv']!.trimEnd().split('\n');
    expect(runs).toHaveLength(1 + 6 * 3);
    expect(runs[0]).toMatch(
      /^point,replication,seed,strategy,load,offered_pps,throughput_pps,.*,bottleneck_util,events,sim_time_ms,limit_resource,bottleneck$/,
    );
    expect(runs.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual(
      [0, 1, 2, 3, 4, 5].flatMap((p) =>
        [0, 1, 2].map((r) => `${p},${r},7,${p < 3 ? 'a' : 'b'},${[0, 1, 2.5][p % 3]}`),
      ),
    );
    // load 0 → drop_rate NaN → empty cell; Infinity is written by name
    expect(runs[1]!.split(',')[8]).toBe('');
    expect(runs[1]).toContain(',Infinity,');
    const groups = reference['groups.csv']!.split('\n');
    expect(groups[0]).toBe('point,replication,group,metric,value');
    expect(reference['groups.csv']).toContain('"noisy, ""quoted"""');
    expect(reference['summary.csv']!.split('\n')[0]).toBe(
      'point,strategy,load,group,metric,n,mean,ci95_half,min,max,limit_resource,bottleneck',
    );
  });

  it('--jobs 2 (worker threads) gives the same bytes', async () => {
    const r = await runCli(['run', file, '--out', join(root, 'j2'), '--jobs', '2', '--quiet'], deps);
    expect(r.code, r.err).toBe(0);
    expect(csvs(join(root, 'j2'))).toEqual(reference);
  });

  it('three shards merged give the same bytes (and the same result fingerprint)', async () => {
    const shardDirs: string[] = [];
    for (const i of [2, 0, 1]) {
      const r = await runCli(
        ['run', file, '--shard', `${i}/3`, '--jobs', String(1 + (i % 2)), '--quiet'],
        deps,
      );
      expect(r.code, r.err).toBe(0);
      shardDirs.push(join(root, `fake-study-shard-${i}-of-3`));
    }
    const shard0 = JSON.parse(readFileSync(join(root, 'fake-study-shard-0-of-3', 'shard.json'), 'utf8'));
    expect(shard0).toMatchObject({ index: 0, count: 3 });
    const m = await runCli(['merge', ...shardDirs, '--out', join(root, 'merged'), '--no-report'], deps);
    expect(m.code, m.err).toBe(0);
    expect(csvs(join(root, 'merged'))).toEqual(reference);
    const fp = (d: string) => JSON.parse(readFileSync(join(root, d, 'manifest.json'), 'utf8')).fingerprint;
    expect(fp('merged')).toBe(fp('j1'));
  });

  it('a resume after losing runs from the journal gives the same bytes', async () => {
    const dir = join(root, 'resumed');
    expect((await runCli(['run', file, '--out', dir, '--jobs', '2', '--quiet'], deps)).code).toBe(0);
    // keep the header and 5 runs, plus a torn half line, and drop the result files' content
    const lines = readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n');
    writeFileSync(join(dir, 'journal.jsonl'), `${lines.slice(0, 6).join('\n')}\n${lines[7]!.slice(0, 40)}`);
    for (const f of CSV_FILES) writeFileSync(join(dir, f), 'stale');
    const again = await runCli(['run', file, '--out', dir, '--jobs', '2', '--resume'], deps);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('18 run(s) in');
    expect(again.out).toContain('(13 run now, 5 resumed)');
    expect(again.err).toContain('resuming, 5/18 runs already done');
    expect(csvs(dir)).toEqual(reference);
    // resuming a complete folder runs nothing and rewrites the same files
    const noop = await runCli(['run', file, '--out', dir, '--resume', '--quiet'], deps);
    expect(noop.out).toContain('(0 run now, 18 resumed)');
    expect(csvs(dir)).toEqual(reference);
  });

  it('the manifest records provenance, points, fingerprint and timings', () => {
    const m = JSON.parse(readFileSync(join(root, 'j1', 'manifest.json'), 'utf8'));
    expect(m).toMatchObject({
      name: 'fake-study',
      seed: 7,
      replications: 3,
      rng: 'seedrandom.alea',
      swept: ['strategy', 'load'],
      runs_total: 18,
      runs_done: 18,
      points_done: 6,
      shard: null,
    });
    expect(m.points[4]).toEqual({ point: 4, id: 'strategy=b,load=1', params: { strategy: 'b', load: 1 } });
    expect(m.stream_names).toEqual(['strategy/a', 'strategy/b', 'workload/victim/arrivals']);
    // A run warning is listed once, with the runs and points it came from (strategy b: points 3–5).
    expect(m.warnings).toEqual(['strategy b ignores adminq.weights (9 of 18 runs: points 3, 4, 5)']);
    expect(m.fingerprint).toMatch(/^[0-9a-f]{14}$/);
    expect(m.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(m.timings.wall_total_s).toBeGreaterThan(0);
    expect(typeof m.scenario).toBe('object');
    expect(readFileSync(join(root, 'j1', 'scenario.yaml'), 'utf8')).toContain('name: fake-study');
  });

  it('common random numbers: points differing only in strategy see identical offered_pps per replication', () => {
    const rows = reference['runs.csv']!.trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const offered = (strategy: string, load: string, rep: string) =>
      rows.find((r) => r[3] === strategy && r[4] === load && r[1] === rep)?.[5];
    for (const rep of ['0', '1', '2']) {
      expect(offered('a', '1', rep)).toBe(offered('b', '1', rep));
    }
    expect(offered('a', '1', '0')).not.toBe(offered('a', '1', '1'));
  });
});
