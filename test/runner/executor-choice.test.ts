/**
 * Which executor a batch of a capacity search or a calibration gets (ExecutorChoice): with one
 * job, a small batch stays in the calling thread as `vdpascale run` does for a small study, a
 * large one goes to a worker thread when an interrupt can come; more jobs always use the pool.
 * The executors tell themselves apart by concurrency (1 in process, 2 per pool thread).
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExecutorChoice } from '../../src/runner/executor-choice.js';
import { FAKE_WORKER, runCli } from './cli-harness.js';
import { CSV_FILES, csvs, tempDir } from './helpers.js';

const BASE = fileURLToPath(new URL('../../scenarios/base.yaml', import.meta.url));

describe('ExecutorChoice', () => {
  it('keeps small batches of one job in the calling thread and sends large ones to one reused pool', async () => {
    const choice = new ExecutorChoice({ jobs: 1, workerUrl: FAKE_WORKER, interruptible: true });
    try {
      const small = await choice.for(true);
      expect(small.concurrency).toBe(1);
      const large = await choice.for(false);
      expect(large.concurrency).toBe(2);
      expect(await choice.for(false)).toBe(large);
      expect(await choice.for(true)).toBe(small);
      expect(choice.jobs).toBe(1);
    } finally {
      await choice.close();
    }
  });

  it('runs everything in process for one job when no interrupt can come, and on the pool for two jobs', async () => {
    const quiet = new ExecutorChoice({ jobs: 1, workerUrl: FAKE_WORKER, interruptible: false });
    const two = new ExecutorChoice({ jobs: 2, workerUrl: FAKE_WORKER, interruptible: true });
    try {
      expect((await quiet.for(false)).concurrency).toBe(1);
      expect((await two.for(true)).concurrency).toBe(4);
      expect(two.jobs).toBe(2);
    } finally {
      await Promise.all([quiet.close(), two.close()]);
    }
  });
});

describe('capacity on the real model', () => {
  it('writes the same bytes with --jobs 1 (small probes in the calling thread) and --jobs 2 (a pool)', async () => {
    const root = tempDir('vdpascale-choice-');
    const file = join(root, 'cap.yaml');
    writeFileSync(
      file,
      [
        `extends: ${relative(root, BASE)}`,
        'name: cap',
        'duration: 200us',
        'warmup: 50us',
        'replications: 2',
        'instances: 2',
        'workload:',
        '  groups:',
        '    - { name: t, share: 1, traffic: { rate: 100kpps, packetSize: 1500B, direction: both, workingSet: 256KiB } }',
        '',
      ].join('\n'),
    );
    const run = (jobs: string) =>
      runCli(
        [
          'capacity',
          file,
          '--param',
          'instances',
          '--slo',
          'drop_rate <= 0',
          '--hi',
          '8',
          '--out',
          join(root, jobs),
        ].concat(['--jobs', jobs, '--quiet', '--no-report']),
        { resultsRoot: root },
      );
    const one = await run('1');
    expect(one.code, one.err).toBe(0);
    const two = await run('2');
    expect(two.code, two.err).toBe(0);
    const a = csvs(join(root, '1'));
    const b = csvs(join(root, '2'));
    for (const f of CSV_FILES) expect(a[f], f).toBe(b[f]);
    expect(a['runs.csv']?.split('\n').length).toBeGreaterThan(2);
  });
});
