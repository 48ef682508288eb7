/**
 * kill -9 at a known point of a real process: the kill-and-resume tests of run and sensitivity
 * spawn the command under tsx and kill it once its journal holds some finished runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Runs in a result folder's journal so far. */
export function journalRuns(dir: string): number {
  const path = join(dir, 'journal.jsonl');
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{"index"')).length;
}

/**
 * Spawns `node --import tsx SCRIPT ...args` in the repository and sends SIGKILL once `dir`'s
 * journal holds `runs` runs (or at `timeoutMs`); resolves to its pid, how it ended (the signal,
 * or its exit code) and what it wrote to stderr.
 */
export async function killAfterRuns(
  script: string,
  args: readonly string[],
  dir: string,
  runs: number,
  timeoutMs: number,
): Promise<{ pid: number | undefined; exit: NodeJS.Signals | number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const deadline = Date.now() + timeoutMs;
  while (journalRuns(dir) < runs && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  return { pid: child.pid, exit: await exited, stderr };
}
