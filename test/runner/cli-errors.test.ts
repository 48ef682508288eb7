/** Bad flags and bad folders exit 2 and create no result files; model failures exit 1 and keep finished runs. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeDeps, runCli } from './cli-harness.js';
import { csvs, listFiles, tempDir, writeScenario } from './helpers.js';

describe('run: bad input exits 2 and writes nothing', () => {
  const root = tempDir();
  const deps = fakeDeps(root);
  const file = writeScenario(root);
  const before = listFiles(root);

  const cases: [string, string[], RegExp][] = [
    ['unknown flag', ['--jobz', '2'], /Unknown argument/],
    ['jobs 0', ['--jobs', '0'], /--jobs must be an integer/],
    ['jobs not a number', ['--jobs', 'many'], /--jobs must be an integer/],
    ['jobs fractional', ['--jobs', '1.5'], /--jobs must be an integer/],
    ['replications 0', ['--replications', '0'], /--replications/],
    ['negative seed', ['--seed', '-3'], /--seed/],
    ['shard out of range', ['--shard', '3/3'], /below N=3/],
    ['shard malformed', ['--shard', 'half'], /I\/N/],
    ['set without =', ['--set', 'load'], /PATH=VALUE/],
    ['set unknown key (loader)', ['--set', 'nope=1'], /unknown key 'nope'/],
    ['out twice', ['--out', 'a', '--out', 'b'], /given 2 times/],
    ['missing file', ['--set', 'load=1', '--out', 'x', '--', 'missing.json'], /cannot read scenario/],
  ];
  for (const [name, flags, message] of cases) {
    it(name, async () => {
      const argv = flags.includes('--')
        ? ['run', ...flags.filter((f) => f !== '--')]
        : ['run', file, ...flags];
      const r = await runCli(
        argv.map((a) =>
          a === 'x' ? join(root, 'x') : a === 'missing.json' ? join(root, 'missing.json') : a,
        ),
        deps,
      );
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(message);
      expect(listFiles(root)).toEqual(before);
    });
  }

  it('--out with several files', async () => {
    const other = writeScenario(root, { name: 'other' }, 'other.json');
    const r = await runCli(['run', file, other, '--out', join(root, 'o')], deps);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out names one result folder/);
    expect(listFiles(join(root, 'o'))).toEqual([]);
  });

  it('--dry-run lists points and runs and writes nothing', async () => {
    const r = await runCli(['run', file, '--dry-run', '--shard', '1/4'], deps);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('6 point(s) x 3 replication(s) = 18 runs, shard 1/4: 5 runs');
    expect(r.out).toMatch(/point\s+id\s+strategy\s+load/);
    expect(r.out).toMatch(/5\s+strategy=b,load=2.5\s+b\s+2.5/);
    expect(listFiles(join(root, 'fake-study-shard-1-of-4'))).toEqual([]);
  });
});

describe('run: existing result folders', () => {
  const root = tempDir();
  const deps = fakeDeps(root);
  const file = writeScenario(root);

  it('re-runs a finished folder of the same study in place; refuses another study; an unfinished one needs --resume', async () => {
    const dir = join(root, 'done');
    expect((await runCli(['run', file, '--out', dir, '--quiet'], deps)).code).toBe(0);
    const csv = readFileSync(join(dir, 'runs.csv'), 'utf8');
    const again = await runCli(['run', file, '--out', dir, '--quiet'], deps);
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(join(dir, 'runs.csv'), 'utf8')).toBe(csv);
    const snapshot = readFileSync(join(dir, 'journal.jsonl'), 'utf8');
    const otherStudy = await runCli(['run', file, '--out', dir, '--seed', '8'], deps);
    expect(otherStudy.code).toBe(2);
    expect(otherStudy.err).toMatch(/holds 18 run\(s\) of a different study \(.*seed 7 in the journal, 8 now/);
    const otherSeed = await runCli(['run', file, '--out', dir, '--resume', '--seed', '8'], deps);
    expect(otherSeed.code).toBe(2);
    expect(otherSeed.err).toMatch(/different run \(scenario_hash .*seed 7 in the journal, 8 now/);
    const otherShard = await runCli(['run', file, '--out', dir, '--resume', '--shard', '0/2'], deps);
    expect(otherShard.code).toBe(2);
    expect(otherShard.err).toMatch(/shard none in the journal/);
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8')).toBe(snapshot);
    // An interrupted sweep (journal without every run, no manifest yet) is only continued by --resume.
    const partial = join(root, 'partial');
    mkdirSync(partial);
    writeFileSync(join(partial, 'journal.jsonl'), `${snapshot.split('\n').slice(0, 4).join('\n')}\n`);
    const fresh = await runCli(['run', file, '--out', partial], deps);
    expect(fresh.code).toBe(2);
    expect(fresh.err).toMatch(/already holds 3 finished run\(s\).*pass --resume/);
    expect((await runCli(['run', file, '--out', partial, '--quiet', '--resume'], deps)).code).toBe(0);
    expect(readFileSync(join(partial, 'runs.csv'), 'utf8')).toBe(csv);
  });

  it('refuses a folder with result files but no journal; writes beside unrelated files', async () => {
    const dir = join(root, 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'runs.csv'), 'someone else');
    const r = await runCli(['run', file, '--out', dir], deps);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds results \(runs.csv\) but no journal.jsonl/);
    expect(listFiles(dir)).toEqual(['runs.csv']);
    const shared = join(root, 'shared');
    mkdirSync(join(shared, 'shards'), { recursive: true });
    writeFileSync(join(shared, 'README'), 'mine');
    expect((await runCli(['run', file, '--out', shared, '--quiet', '--resume'], deps)).code).toBe(0);
    expect(readFileSync(join(shared, 'README'), 'utf8')).toBe('mine');
  });
});

describe('run: a model failure', () => {
  it('exits 1, keeps the finished runs in the journal, and --resume finishes the sweep', async () => {
    const root = tempDir();
    const deps = fakeDeps(root);
    const file = writeScenario(root);
    const dir = join(root, 'crash');
    process.env.FAKE_FAIL = '2.5:1';
    let r: Awaited<ReturnType<typeof runCli>>;
    try {
      r = await runCli(['run', file, '--out', dir, '--jobs', '1'], deps);
    } finally {
      delete process.env.FAKE_FAIL;
    }
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /run 7 failed: point 2 \(strategy=a, load=2.5\), replication 1, seed 7: fake model failure/,
    );
    // Runs 0–6 finish before run 7 fails; run 8 may already have been handed to the one worker
    // thread and finish before the failure is seen, so 7 or 8 runs are kept — and the message
    // must count exactly what the journal holds (its header line plus one line per run).
    const kept = Number(
      /(\d+) of 18 runs are finished and kept in .*journal.jsonl.*--resume/.exec(r.err)?.[1],
    );
    expect([7, 8]).toContain(kept);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(listFiles(dir)).toEqual(['journal.jsonl']);
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(kept + 1);
    const resumed = await runCli(['run', file, '--out', dir, '--resume', '--jobs', '2', '--quiet'], deps);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.out).toContain(`(${18 - kept} run now, ${kept} resumed)`);
    const clean = join(root, 'clean');
    expect((await runCli(['run', file, '--out', clean, '--quiet'], deps)).code).toBe(0);
    expect(csvs(dir)).toEqual(csvs(clean));
  });

  it('with worker threads, also exits 1 and keeps what finished', async () => {
    const root = tempDir();
    const file = writeScenario(root);
    const dir = join(root, 'crash2');
    process.env.FAKE_FAIL = '1:0';
    let r: Awaited<ReturnType<typeof runCli>>;
    try {
      r = await runCli(['run', file, '--out', dir, '--jobs', '2', '--quiet'], fakeDeps(root));
    } finally {
      delete process.env.FAKE_FAIL;
    }
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/run 3 failed: point 1 \(strategy=a, load=1\), replication 0, seed 7: fake model/);
    const lines = readFileSync(join(dir, 'journal.jsonl'), 'utf8').trimEnd().split('\n');
    // Runs 0 and 1 start before run 3 can (two threads, FIFO); a run queued behind the failure
    // may be skipped (it never started), so only those two are certain.
    expect(lines.length).toBeGreaterThanOrEqual(3);
  });
});

describe('merge: bad shard sets exit 2', () => {
  const root = tempDir();
  const deps = fakeDeps(root);
  const file = writeScenario(root);
  const other = writeScenario(root, { seed: 99 }, 'other.json');
  const shard = (i: number, n: number, f = file, name = `s${i}of${n}`) =>
    runCli(['run', f, '--shard', `${i}/${n}`, '--out', join(root, name), '--quiet'], deps);

  it('reports missing shards, mixed scenarios, mixed counts, duplicates, non-shards', async () => {
    for (const [i, n] of [
      [0, 3],
      [1, 3],
      [2, 3],
      [0, 2],
    ] as const) {
      expect((await shard(i, n)).code).toBe(0);
    }
    expect((await shard(2, 3, other, 'x2of3')).code).toBe(0);
    const out = join(root, 'merged');
    const merge = (...dirs: string[]) =>
      runCli(['merge', ...dirs.map((d) => join(root, d)), '--out', out, '--no-report'], deps);
    const cases: [string[], RegExp][] = [
      [['s0of3', 's1of3'], /shard\(s\) 2\/3 missing/],
      [['s0of3', 's1of3', 'x2of3'], /different scenarios/],
      [['s0of3', 's1of3', 's0of2'], /split differently/],
      [['s0of3', 's1of3', 's1of3'], /given twice/],
      [['s0of3', 'nothing'], /not a finished shard folder/],
    ];
    for (const [dirs, message] of cases) {
      const r = await merge(...dirs);
      expect(r.code, dirs.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(listFiles(out)).toEqual([]);
    }
    expect((await merge('s0of3', 's1of3', 's2of3')).code).toBe(0);
    // merging again into the same folder (a re-run merge job) is harmless…
    expect((await merge('s0of3', 's1of3', 's2of3')).code).toBe(0);
    // …but a folder holding another run's results is refused
    const occupied = await runCli(
      ['merge', ...['s0of2'].map((d) => join(root, d)), '--out', join(root, 's1of3'), '--no-report'],
      deps,
    );
    expect(occupied.code).toBe(2);
  });
});
