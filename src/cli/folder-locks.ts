/**
 * The CLI's side of the result-folder lock: who this process is and whether another process
 * still runs — questions for the operating system, which only `cli/` asks.
 */
import { hostname } from 'node:os';
import type { FileWriter } from '../output/file-writer.js';
import { type FolderLock, lockResultFolder } from '../output/folder-lock.js';
import type { CliIO } from './io.js';

/** Signal 0 checks that a process exists; EPERM means it exists under another user. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}

/** The Slurm job this process runs in (an array task counts as its own job), if any. */
export function batchJob(env: NodeJS.ProcessEnv = process.env): { id: string; restart: number } | undefined {
  const array = env.SLURM_ARRAY_JOB_ID;
  const task = env.SLURM_ARRAY_TASK_ID;
  const id = array !== undefined && task !== undefined ? `${array}_${task}` : env.SLURM_JOB_ID;
  if (id === undefined) return undefined;
  return { id: `slurm ${id}`, restart: Number(env.SLURM_RESTART_COUNT ?? 0) || 0 };
}

/**
 * Locks every folder a command will write, or none: on a refusal the locks taken so far are
 * released and the folders they created removed again. Warns on a stale lock taken over.
 */
export function lockFolders(
  dirs: readonly string[],
  command: string,
  io: CliIO,
  writer: FileWriter | undefined,
): FolderLock[] {
  const self = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    command,
    job: batchJob(),
  };
  const locks: FolderLock[] = [];
  try {
    for (const dir of dirs) {
      const lock = lockResultFolder(dir, { self, isAlive: processIsAlive, writer });
      locks.push(lock);
      const old = lock.tookOver;
      if (old) {
        io.err(
          `vdpascale: warning: ${dir}: took over the stale lock of process ${old.pid} on ${old.host} ` +
            `(started ${old.started}: ${old.command}), which no longer runs`,
        );
      }
    }
  } catch (e) {
    releaseFolders(locks, true);
    throw e;
  }
  return locks;
}

export function releaseFolders(locks: readonly FolderLock[], removeEmpty: boolean): void {
  for (const lock of locks) lock.release({ removeFolder: removeEmpty });
}
