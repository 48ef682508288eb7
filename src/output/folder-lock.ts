/**
 * One writer per result folder: a command that writes a folder first creates `.vdpascale.lock`
 * in it, exclusively, holding its process id, host, start time and command line. A second
 * command aimed at the same folder finds the file and is refused (exit 2) with the holder's
 * process id. A lock whose holder no longer runs is stale, and the next command takes it over
 * with a warning: on the same host, when no process has the holder's id (it was killed with
 * -9); from another host, when the holder was an earlier start of the same batch job (a Slurm
 * task requeued after its node failed). Any other lock from another host cannot be checked
 * from here, so the message says which file to delete.
 *
 * Taking over is itself guarded: only the holder of `.vdpascale.lock.takeover` (also created
 * exclusively) may delete a stale lock, and only after re-reading it under that guard and
 * finding the same stale content, so two commands racing for a stale lock cannot both win,
 * and neither can delete a lock a live command has just created.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FailureError, InputError } from '../util/errors.js';
import { defaultWriter, type FileWriter } from './file-writer.js';

export const LOCK_FILE = '.vdpascale.lock';

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the holder started. */
  started: string;
  /** The holder's command line, for the message that names it. */
  command: string;
  /** The batch job it runs in, if any (a Slurm job and how often it was requeued). */
  job?: { id: string; restart: number } | undefined;
}

export interface LockContext {
  self: LockOwner;
  /** Whether a process of this host with that id runs (the CLI asks the operating system). */
  isAlive(pid: number): boolean;
  writer?: FileWriter | undefined;
}

export interface FolderLock {
  readonly dir: string;
  /** The stale holder whose lock was taken over, if any. */
  readonly tookOver: LockOwner | undefined;
  /** Removes the lock (if still ours); with `removeFolder`, also the folders this lock created, if empty. */
  release(options?: { removeFolder?: boolean }): void;
}

const ATTEMPTS = 50;
const RETRY_MS = 20;

type Holder = { text: string; owner: LockOwner | undefined } | 'gone';

function readHolder(path: string): Holder {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    const ok = Number.isSafeInteger(v.pid) && typeof v.host === 'string';
    return { text, owner: ok ? (v as LockOwner) : undefined };
  } catch {
    return { text, owner: undefined };
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Locks `dir` (creating it if needed) for one writing command; throws InputError when it is held. */
export function lockResultFolder(dir: string, context: LockContext): FolderLock {
  const writer = context.writer ?? defaultWriter;
  // The topmost folder this call created (mkdir -p), to remove again after a refused start.
  const created = writer.makeDirectory(dir);
  const path = join(dir, LOCK_FILE);
  const body = `${JSON.stringify(context.self)}\n`;
  const me = context.self;
  const stale = (o: LockOwner) =>
    o.host === me.host
      ? !context.isAlive(o.pid)
      : o.job !== undefined && o.job.id === me.job?.id && o.job.restart < me.job.restart;
  let tookOver: LockOwner | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (writer.createExclusive(path, body)) return heldLock(dir, path, body, created, tookOver, writer);
    const holder = readHolder(path);
    if (holder === 'gone') continue;
    if (holder.owner === undefined || !stale(holder.owner)) throw heldError(dir, path, holder.owner);
    const guard = `${path}.takeover`;
    if (writer.createExclusive(guard, body)) {
      try {
        const again = readHolder(path);
        if (again !== 'gone' && again.text === holder.text) {
          writer.unlink(path);
          tookOver = holder.owner;
        }
      } finally {
        writer.unlink(guard);
      }
      continue;
    }
    // Another command is taking over. Its guard lives for microseconds, unless it died there.
    const other = readHolder(guard);
    if (other !== 'gone' && other.owner !== undefined && stale(other.owner)) writer.unlink(guard);
    else sleep(RETRY_MS);
  }
  throw new FailureError(`could not lock ${dir}: ${path} kept changing hands; try again`);
}

function heldError(dir: string, path: string, owner: LockOwner | undefined): InputError {
  if (owner === undefined) {
    return new InputError(
      `${dir} is locked by ${path}, which does not say who holds it; if no vdpascale command ` +
        'writes this folder any more, delete that file, or choose another folder with --out',
    );
  }
  return new InputError(
    `${dir} is in use by another vdpascale command: process ${owner.pid} on ${owner.host}, ` +
      `started ${owner.started} (${owner.command}); wait for it to finish or choose another folder ` +
      `with --out (if that process is gone from another host, delete ${path})`,
  );
}

function heldLock(
  dir: string,
  path: string,
  body: string,
  created: string | undefined,
  tookOver: LockOwner | undefined,
  writer: FileWriter,
): FolderLock {
  let held = true;
  return {
    dir,
    tookOver,
    release: (options = {}) => {
      if (!held) return;
      held = false;
      const now = readHolder(path);
      if (now !== 'gone' && now.text === body) writer.unlink(path);
      if (!options.removeFolder || created === undefined) return;
      const top = resolve(created);
      for (let d = resolve(dir); writer.removeEmptyDirectory(d) && d !== top; d = dirname(d)) {
        // each emptied parent up to the first one this lock created
      }
    },
  };
}
