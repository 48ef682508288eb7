/**
 * SIGINT and SIGTERM in the middle of a sweep, sent to a real `vdpascale run` process (the run
 * command with the stand-in model, under tsx): no new run starts, the runs in flight finish
 * within the grace period or are abandoned after it, the journal is intact, the message says
 * how to resume, the exit status is 130 / 143; a second SIGINT exits at once. Then `--resume`
 * gives byte-identical CSVs. The stand-in's run time comes from FAKE_SPIN_MS (an environment
 * variable, so the resumed sweep is the same scenario and runs fast).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { watchSignals } from '../../src/cli/signal-watch.js';
import { readJournal } from '../../src/output/journal.js';
import { captureIO, fakeDeps, runCli } from './cli-harness.js';
import { csvs, listFiles, tempDir, writeScenario } from './helpers.js';
import { journalRuns } from './kill-after-runs.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/fake-cli.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const GRACE_MS = 5_000;

function starts(log: string): number {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
}

interface Sweep {
  child: ChildProcess;
  dir: string;
  log: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function startSweep(root: string, file: string, name: string, spinMs: number): Sweep {
  const dir = join(root, name);
  const log = join(root, `${name}.starts`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', FIXTURE, 'run', file, '--out', dir, '--jobs', '2'],
    {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, FAKE_SPIN_MS: String(spinMs), FAKE_START_LOG: log },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, dir, log, stderr: () => stderr, exited };
}

async function until(cond: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The journal parses, has no torn line, and holds `n` runs; only it remains in the folder. */
function expectIntactJournal(dir: string, n: number): void {
  const journal = readJournal(join(dir, 'journal.jsonl'));
  expect(journal.torn).toBe(false);
  expect(journal.records).toHaveLength(n);
  expect(listFiles(dir)).toEqual(['journal.jsonl']);
}

async function expectResumeIdentical(root: string, file: string, dir: string, kept: number): Promise<void> {
  const deps = fakeDeps(root);
  const resumed = await runCli(['run', file, '--out', dir, '--resume', '--jobs', '2', '--quiet'], deps);
  expect(resumed.code, resumed.err).toBe(0);
  expect(resumed.out).toContain(`(${18 - kept} run now, ${kept} resumed)`);
  const clean = join(root, 'clean');
  if (!existsSync(clean))
    expect((await runCli(['run', file, '--out', clean, '--jobs', '2', '--quiet'], deps)).code).toBe(0);
  expect(csvs(dir)).toEqual(csvs(clean));
}

describe('signals mid-sweep (a real process)', () => {
  const root = tempDir('vdpascale-signals-');
  const file = writeScenario(root);

  it('SIGINT: the runs in flight finish within the grace period; exit 130 with a resume hint', async () => {
    // 400 ms runs finish well within the 5 s grace.
    const s = startSweep(root, file, 'sigint', 400);
    await until(() => journalRuns(s.dir) >= 3);
    s.child.kill('SIGINT');
    const { code } = await s.exited;
    expect(code, s.stderr()).toBe(130);
    const kept = journalRuns(s.dir);
    // Every run that started was finished and kept: none was lost, none abandoned.
    expect(kept).toBe(starts(s.log));
    expect(kept).toBeLessThan(18);
    expect(s.stderr()).toContain(
      `interrupted by SIGINT: ${kept} of 18 runs are finished and kept in ${s.dir}/journal.jsonl`,
    );
    expect(s.stderr()).toMatch(/resume with: vdpascale run \S+scenario\.json --out \S+sigint --resume/);
    expect(s.stderr()).not.toMatch(/\n\s+at /);
    expectIntactJournal(s.dir, kept);
    await expectResumeIdentical(root, file, s.dir, kept);
  }, 120_000);

  it('SIGTERM: no new run starts; runs longer than the grace are abandoned; exit 143', async () => {
    // 30 s runs outlast the grace, so the two in flight are abandoned after 5 s.
    const s = startSweep(root, file, 'sigterm', 30_000);
    await until(() => starts(s.log) >= 2);
    await new Promise((r) => setTimeout(r, 200));
    const startedBefore = starts(s.log);
    const sentAt = Date.now();
    s.child.kill('SIGTERM');
    const { code, at } = await s.exited;
    expect(code, s.stderr()).toBe(143);
    expect(at - sentAt).toBeGreaterThanOrEqual(GRACE_MS - 100);
    expect(starts(s.log), 'a run started after the signal').toBe(startedBefore);
    expect(s.stderr()).toContain('interrupted by SIGTERM: 0 of 18 runs are finished');
    expect(s.stderr()).toContain('(2 run(s) in flight abandoned)');
    expectIntactJournal(s.dir, 0);
    await expectResumeIdentical(root, file, s.dir, 0);
  }, 120_000);

  it('a second SIGINT exits at once, the journal still intact', async () => {
    const s = startSweep(root, file, 'twice', 30_000);
    await until(() => starts(s.log) >= 2);
    s.child.kill('SIGINT');
    await until(() => s.stderr().includes('stopping'));
    const sentAt = Date.now();
    s.child.kill('SIGINT');
    const { code, at } = await s.exited;
    expect(code, s.stderr()).toBe(130);
    // At once: well before the grace period would have ended.
    expect(at - sentAt).toBeLessThan(GRACE_MS / 2);
    expect(s.stderr()).toContain('SIGINT again: quitting at once');
    // The lock of a process that quit at once stays; the resume takes it over.
    expect(readJournal(join(s.dir, 'journal.jsonl')).torn).toBe(false);
    await expectResumeIdentical(root, file, s.dir, 0);
  }, 120_000);
});

describe('the signal watch', () => {
  it('aborts on the first signal, exits with 128 + signo on the second, and lets go', () => {
    const listeners = new Map<string, () => void>();
    const exits: number[] = [];
    const source = {
      on: (e: string, l: () => void) => listeners.set(e, l),
      off: (e: string) => listeners.delete(e),
      exit: (code: number) => exits.push(code),
    };
    const io = captureIO();
    const watch = watchSignals(io, source);
    expect(watch.signal.aborted).toBe(false);
    listeners.get('SIGTERM')?.();
    expect(watch.signal.aborted).toBe(true);
    expect(watch.received).toBe('SIGTERM');
    expect(exits).toEqual([]);
    listeners.get('SIGINT')?.();
    expect(exits).toEqual([130]);
    watch.dispose();
    expect(listeners.size).toBe(0);
  });
});
