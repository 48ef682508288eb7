/**
 * A worker thread that throws, or that dies outright, fails `vdpascale run` with exit 1 and a
 * message naming the point, replication and seed, with a `vdpascale run --set …` command that
 * runs that one run alone (checked here: it reproduces the crash, and without the fault it
 * gives exactly that run's numbers). The other runs stay in the journal, and `--resume`
 * re-runs only what is missing, ending byte-identical to an undisturbed sweep.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/output/journal.js';
import { runCli } from './cli-harness.js';
import { csvs, tempDir } from './helpers.js';

const TINY = join(import.meta.dirname, '..', '..', 'scenarios', 'examples', 'tiny.yaml');
const CRASHING = new URL('./crashing-worker.ts', import.meta.url);
const root = tempDir('vdpascale-crash-');
const deps = {
  workerUrl: CRASHING,
  resultsRoot: root,
  writeReport: async () => ({ reportPath: '', charts: [] }),
};
// 4 points (instances 2, 4 × page size 4KiB, 2MiB) × 3 replications = 12 runs, seed 1.
const SWEEP = ['--replications', '3', '--jobs', '2', '--quiet', '--no-report'];
let clean: Record<string, string>;

beforeAll(async () => {
  const dir = join(root, 'clean');
  const r = await runCli(['run', TINY, '--out', dir, ...SWEEP], deps);
  expect(r.code, r.err).toBe(0);
  clean = csvs(dir);
});

afterEach(() => {
  delete process.env.VDPASCALE_TEST_CRASH;
});

/** Splits a printed command line (words quoted with '…' when needed) into argv. */
function argvOf(line: string): string[] {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) =>
    m[1] !== undefined ? m[1].replaceAll(`'\\''`, "'") : (m[2] as string),
  );
}

describe.each(['throw', 'exit'] as const)('a worker that crashes (%s)', (mode) => {
  it('exit 1 naming point, replication, seed and a command that reproduces the run; --resume completes', async () => {
    const dir = join(root, `crash-${mode}`);
    // Replication 1 of both instances=4 points fails; the earliest, run 7 (point 2), is named.
    process.env.VDPASCALE_TEST_CRASH = `${mode}@replication=1,instances=4`;
    const r = await runCli(['run', TINY, '--out', dir, ...SWEEP], deps);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(
      /run 7 failed: point 2 \(instances=4, iommu\.iotlb\.pageSize=4KiB\), replication 1, seed 1: /,
    );
    if (mode === 'throw') expect(r.err).toContain('injected model fault (test hook)');
    else expect(r.err).toMatch(/worker|exit/i);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);

    const kept = readJournal(join(dir, 'journal.jsonl')).records.map((x) => x.index);
    expect(kept).not.toContain(7);
    expect(kept).not.toContain(10);
    expect(r.err).toContain(`${kept.length} of 12 runs are finished and kept in ${dir}/journal.jsonl`);

    // The printed command runs that one run: it crashes again under the fault …
    const line = /reproduce it alone: (.+)$/m.exec(r.err)?.[1] ?? '';
    const argv = argvOf(line);
    expect(argv.slice(0, 3)).toEqual(['vdpascale', 'run', TINY]);
    expect(argv).toEqual(expect.arrayContaining(['--seed', '1', '--replications', '2', '--shard', '1/2']));
    const again = await runCli([...argv.slice(1), '--quiet', '--no-report'], deps);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/replication 1, seed 1/);
    // … and without it gives exactly the numbers of run 7 of the undisturbed sweep.
    delete process.env.VDPASCALE_TEST_CRASH;
    const alone = join(root, `alone-${mode}`);
    const ok = await runCli(
      [
        ...argv.slice(1).filter((a, i, all) => a !== '--out' && all[i - 1] !== '--out'),
        '--out',
        alone,
        '--quiet',
        '--no-report',
      ],
      deps,
    );
    expect(ok.code, ok.err).toBe(0);
    const aloneRow = readJournal(join(alone, 'journal.jsonl')).records[0]?.output;
    const cleanRow = readJournal(join(root, 'clean', 'journal.jsonl')).records.find(
      (x) => x.index === 7,
    )?.output;
    expect(aloneRow?.fingerprint).toBe(cleanRow?.fingerprint);
    expect(aloneRow?.metrics).toEqual(cleanRow?.metrics);

    const resumed = await runCli(['run', TINY, '--out', dir, '--resume', ...SWEEP], deps);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.out).toContain(`(${12 - kept.length} run now, ${kept.length} resumed)`);
    expect(csvs(dir)).toEqual(clean);
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(13);
  });
});
