/**
 * The yargs-free parse of plain `vdpascale run` lines (src/cli/fast-run.ts) against yargs with
 * the run command's own builder: equal values for every key the run handler reads, and
 * undefined (so yargs parses, errs or prints help) for every other line.
 */

import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { runCommand } from '../../src/cli/commands/run.js';
import { fastRunArgv } from '../../src/cli/fast-run.js';
import { captureIO } from './cli-harness.js';

const KEYS = [
  'files',
  'out',
  'jobs',
  'set',
  'replications',
  'seed',
  'shard',
  'resume',
  'force',
  'dryRun',
  'report',
  'quiet',
];

async function viaYargs(argv: string[]): Promise<Record<string, unknown>> {
  const spec = runCommand(captureIO());
  let seen: Record<string, unknown> = {};
  await yargs(argv)
    .command({
      ...spec,
      handler: (a: Record<string, unknown>) => {
        seen = a;
      },
    } as never)
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    })
    .parseAsync();
  return Object.fromEntries(KEYS.map((k) => [k, seen[k]]));
}

describe('fastRunArgv', () => {
  it.each([
    [['run', 'a.yaml']],
    [['run', 'a.yaml', 'b.yaml', '--out', 'x', '--jobs', '2', '--quiet', '--no-report']],
    [
      [
        'run',
        'a.yaml',
        '--set',
        'a.b=1',
        '--set=c=2',
        '--seed',
        '7',
        '--replications',
        '3',
        '--shard',
        '0/2',
      ],
    ],
    [['run', '--resume', 'a.yaml', '--force', '--dry-run', '--report', '--out=o', '--jobs=1']],
    [['run', '12', '--set', 'x=y z', '--seed', '0']],
  ])('%j parses as yargs parses it', async (argv) => {
    const fast = fastRunArgv(argv);
    expect(fast).toBeDefined();
    expect(Object.fromEntries(KEYS.map((k) => [k, fast?.[k]]))).toEqual(await viaYargs(argv));
  });

  it.each([
    [['run']],
    [['run', '--help']],
    [['run', 'a.yaml', '-h']],
    [['run', 'a.yaml', '--jobs', 'x']],
    [['run', 'a.yaml', '--jobs', '2.5']],
    [['run', 'a.yaml', '--seed', '-1']],
    [['run', 'a.yaml', '--out', 'a', '--out', 'b']],
    [['run', 'a.yaml', '--quiet', '--quiet']],
    [['run', 'a.yaml', '--bogus']],
    [['run', 'a.yaml', '--no-quiet']],
    [['run', 'a.yaml', '--out']],
    [['run', 'a.yaml', '--', 'b']],
    [['validate', 'a.yaml']],
    [['--quiet', 'run', 'a.yaml']],
  ])('leaves %j to yargs', (argv) => {
    expect(fastRunArgv(argv)).toBeUndefined();
  });
});
