/**
 * The result-folder lock: held by a live process → refused with its process id; left by a dead
 * one → taken over with the old holder named; from another host or unreadable → refused, with
 * how to clear it; released only while still ours.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, type LockOwner, lockResultFolder } from '../../src/output/folder-lock.js';
import { InputError } from '../../src/util/errors.js';
import { tempDir } from '../runner/helpers.js';

const HOST = 'this-host';
const owner = (pid: number, host = HOST): LockOwner => ({
  pid,
  host,
  started: '2025-01-01T00:00:00.000Z',
  command: `vdpascale run s.yaml (pid ${pid})`,
});
/** A process id that ran and exited: no process has it now. */
const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;
const alive = new Set([process.pid, 4242]);
const context = (pid: number) => ({ self: owner(pid), isAlive: (p: number) => alive.has(p) });

function refusal(dir: string, pid: number): InputError {
  try {
    lockResultFolder(dir, context(pid));
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('the lock was granted');
}

describe('result-folder lock', () => {
  it('creates the folder, is exclusive while held, and is released', () => {
    const dir = join(tempDir('vdpascale-lock-'), 'out');
    const lock = lockResultFolder(dir, context(process.pid));
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    const e = refusal(dir, 4242);
    expect(e.message).toContain(dir);
    expect(e.message).toContain(`process ${process.pid} on ${HOST}`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockResultFolder(dir, context(4242)).release({ removeFolder: true });
    expect(existsSync(dir), 'a folder the lock did not create stays').toBe(true);
  });

  it('takes over a stale lock (its process is gone) and names the old holder', () => {
    const dir = tempDir('vdpascale-lock-');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(owner(deadPid)));
    const lock = lockResultFolder(dir, context(process.pid));
    expect(lock.tookOver?.pid).toBe(deadPid);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    expect(existsSync(join(dir, `${LOCK_FILE}.takeover`))).toBe(false);
    lock.release();
  });

  it('refuses a lock held on another host, or one it cannot read, saying how to clear it', () => {
    const dir = tempDir('vdpascale-lock-');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(owner(deadPid, 'node-17')));
    expect(refusal(dir, process.pid).message).toMatch(/process \d+ on node-17.*delete .*\.vdpascale\.lock/);
    writeFileSync(join(dir, LOCK_FILE), 'garbage');
    expect(refusal(dir, process.pid).message).toMatch(/does not say who holds it; .*delete that file/);
  });

  it('takes over a lock from another host left by an earlier start of the same Slurm job', () => {
    const dir = tempDir('vdpascale-lock-');
    const job = (restart: number) => ({ id: 'slurm 991_3', restart });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ ...owner(4242, 'node-17'), job: job(0) }));
    const requeued = { self: { ...owner(process.pid), job: job(1) }, isAlive: () => true };
    const lock = lockResultFolder(dir, requeued);
    expect(lock.tookOver?.host).toBe('node-17');
    lock.release();
    // The same start of the job on two hosts is not stale: refused.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ ...owner(4242, 'node-17'), job: job(1) }));
    expect(() => lockResultFolder(dir, requeued)).toThrow(/in use by another vdpascale command/);
  });

  it('a stale takeover guard left by a dead process is cleared', () => {
    const dir = tempDir('vdpascale-lock-');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(owner(deadPid)));
    writeFileSync(join(dir, `${LOCK_FILE}.takeover`), JSON.stringify(owner(deadPid)));
    const lock = lockResultFolder(dir, context(process.pid));
    expect(lock.tookOver?.pid).toBe(deadPid);
    lock.release();
  });

  it('does not remove a lock that is no longer its own', () => {
    const dir = tempDir('vdpascale-lock-');
    const lock = lockResultFolder(dir, context(process.pid));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(owner(4242)));
    lock.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(4242);
  });

  it('removes the folders it created when released after a refused start', () => {
    const root = tempDir('vdpascale-lock-');
    const dir = join(root, 'a', 'b');
    lockResultFolder(dir, context(process.pid)).release({ removeFolder: true });
    expect(existsSync(join(root, 'a'))).toBe(false);
  });
});
