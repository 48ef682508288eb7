/**
 * kill -9 in the middle of a sensitivity analysis, then --resume: the journal keeps every
 * finished sample run and the final files equal an uninterrupted analysis's, byte for byte.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { journalRuns, killAfterRuns } from '../runner/kill-after-runs.js';
import {
  CONTROL_ONLY,
  CONTROL_PARAMS,
  outputs,
  sensitivityCli,
  tempRoot,
  writeFile,
} from './sensitivity-harness.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/sensitivity-process.ts', import.meta.url));

describe('kill -9 mid-analysis, then --resume', () => {
  it('keeps the finished runs and ends byte-identical to an uninterrupted analysis', async () => {
    const root = tempRoot();
    const file = writeFile(root, 'control.yaml', CONTROL_ONLY);
    // 10 trajectories × 5 samples + the nominal = 51 runs.
    const args = (out: string) => [
      'sensitivity',
      file,
      '--metric',
      'provision_makespan_ms',
      ...CONTROL_PARAMS,
      '--samples',
      '10',
      '--out',
      join(root, out),
      '--quiet',
      '--jobs',
      '1',
    ];
    const dir = join(root, 'killed');
    const { exit, stderr } = await killAfterRuns(FIXTURE, args('killed'), dir, 3, 90_000);
    expect(exit, stderr).toBe('SIGKILL');
    const kept = journalRuns(dir);
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(51);
    expect(existsSync(join(dir, 'sensitivity.csv'))).toBe(false);

    const resumed = await sensitivityCli([...args('killed'), '--resume'], root);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.out).toContain(`(${51 - kept} run now, ${kept} resumed)`);
    const clean = await sensitivityCli(args('clean'), root);
    expect(clean.code, clean.err).toBe(0);
    expect(outputs(dir)).toEqual(outputs(join(root, 'clean')));
  }, 180_000);
});
