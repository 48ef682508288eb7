/** `run` ends with the real report step (src/output/report) on a folder written by the runner. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeDeps, runCli } from '../runner/cli-harness.js';
import { csvs, tempDir, writeScenario } from '../runner/helpers.js';

describe('run → report', () => {
  it('builds report.html from the result folder, and a later --resume still works beside it', async () => {
    const root = tempDir();
    const file = writeScenario(root, { charts: [{ x: 'load', y: 'throughput_pps', color: 'strategy' }] });
    const { writeReport: _fake, ...deps } = fakeDeps(root);
    const dir = join(root, 'rep');
    const r = await runCli(['run', file, '--out', dir, '--quiet'], deps);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`report: ${join(dir, 'report.html')}`);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'charts', 'throughput_pps_by_load.vl.json'))).toBe(true);
    const before = csvs(dir);
    const again = await runCli(['run', file, '--out', dir, '--resume', '--quiet', '--no-report'], deps);
    expect(again.code, again.err).toBe(0);
    expect(csvs(dir)).toEqual(before);
  }, 60_000);
});
