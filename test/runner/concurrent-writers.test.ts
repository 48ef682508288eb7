/**
 * Two `vdpascale run` processes aimed at one result folder, started at the same instant, 20
 * times: exactly one gets the folder, the other exits 2 naming the folder and the winner's
 * process id. Every other round the folder starts with a stale lock (its process is gone), so
 * the takeover itself is raced too: the stale lock goes, and still exactly one command holds the
 * folder. (Usually the winner is the one that took the stale lock over, with a warning; it may
 * also be the other one, which created a fresh lock in the instant after the stale one went.)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/output/folder-lock.js';
import { tempDir, writeScenario } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/fake-cli.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = 20;

interface Contender {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function contend(file: string, dir: string): Contender {
  // Long runs (the stand-in spins 10 s each), so the winner still holds the folder when the
  // loser looks; the test kills the winner once the loser has been refused.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', FIXTURE, 'run', file, '--out', dir, '--jobs', '1'],
    {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, FAKE_SPIN_MS: '10000' },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return { child, stderr: () => stderr, exited: new Promise((r) => child.on('exit', (code) => r(code))) };
}

describe('concurrent writers on one result folder', () => {
  it(`exactly one of two simultaneous commands gets the folder, ${ROUNDS} times`, async () => {
    const root = tempDir('vdpascale-race-');
    const file = writeScenario(root);
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;
    for (let round = 0; round < ROUNDS; round++) {
      const dir = join(root, `round-${round}`);
      const stale = round % 2 === 1;
      if (stale) {
        spawnSync('mkdir', ['-p', dir]);
        const host = (await import('node:os')).hostname();
        writeFileSync(
          join(dir, LOCK_FILE),
          JSON.stringify({ pid: deadPid, host, started: 'earlier', command: 'a killed run' }),
        );
      }
      const pair = [contend(file, dir), contend(file, dir)];
      const loser = await Promise.race(pair.map((c) => c.exited.then(() => c)));
      const winner = pair.find((c) => c !== loser) as Contender;
      const label = `round ${round}${stale ? ' (stale lock)' : ''}: ${loser.stderr()}`;
      expect(await loser.exited, label).toBe(2);
      expect(loser.stderr(), label).toContain(
        `${dir} is in use by another vdpascale command: process ${winner.child.pid}`,
      );
      expect(winner.child.exitCode, `round ${round}: the winner still runs`).toBe(null);
      const holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number };
      expect(holder.pid, label).toBe(winner.child.pid);
      winner.child.kill('SIGKILL');
      await winner.exited;
    }
  }, 300_000);
});
