/**
 * kill -9 in the middle of a sweep, then --resume: the journal keeps every finished run and the
 * final CSVs equal an uninterrupted run's. The killed process is a real one (the run command
 * with the stand-in model, under tsx), so the kill also takes its worker threads down.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeDeps, runCli } from './cli-harness.js';
import { csvs, listFiles, tempDir, writeScenario } from './helpers.js';
import { journalRuns, killAfterRuns } from './kill-after-runs.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/fake-cli.ts', import.meta.url));
describe('kill -9 mid-sweep, then --resume', () => {
  it('loses at most the runs in flight and ends byte-identical', async () => {
    const root = tempDir();
    const file = writeScenario(root, { base: { spinMs: 120 } });
    const dir = join(root, 'killed');
    const { pid, exit, stderr } = await killAfterRuns(
      FIXTURE,
      ['run', file, '--out', dir, '--jobs', '2'],
      dir,
      3,
      60_000,
    );
    expect(exit, stderr).toBe('SIGKILL');
    const kept = journalRuns(dir);
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(18);
    // The killed command's lock stays behind, stale; the resume below takes it over.
    expect(listFiles(dir)).toEqual(['.vdpascale.lock', 'journal.jsonl']);

    const deps = fakeDeps(root);
    const resumed = await runCli(['run', file, '--out', dir, '--resume', '--jobs', '2', '--quiet'], deps);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.err).toContain(`took over the stale lock of process ${pid}`);
    expect(resumed.out).toContain(`(${18 - kept} run now, ${kept} resumed)`);
    expect(listFiles(dir)).not.toContain('.vdpascale.lock');
    const clean = join(root, 'clean');
    expect((await runCli(['run', file, '--out', clean, '--jobs', '2', '--quiet'], deps)).code).toBe(0);
    expect(csvs(dir)).toEqual(csvs(clean));
  }, 120_000);
});
