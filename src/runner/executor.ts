/**
 * Executors carry run tasks to a worker module: a piscina pool of reused worker threads, or
 * the calling thread for `--jobs 1`. The worker module is any module whose default export is
 * a `RunTaskFn`; the real one is `run-worker`, tests inject a cheap stand-in.
 */
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import type { RunTask, RunTaskAnswer, RunTaskFn } from './run-task.js';

export interface Executor {
  /** Runs executing at once. */
  readonly jobs: number;
  /** Tasks worth handing over at once (a pool keeps a second task queued per thread). */
  readonly concurrency: number;
  /**
   * Runs one task. Aborting `abandon` gives up on it: a queued task is dropped, a running one
   * loses its worker thread (terminated), and the promise rejects. In process it cannot stop.
   */
  run(task: RunTask, abandon?: AbortSignal): Promise<RunTaskAnswer>;
  close(): Promise<void>;
}

export interface ExecutorOptions {
  jobs: number;
  /** Worker module (default: `run-worker` beside this file, `.ts` under tsx/vitest, `.js` compiled). */
  workerUrl?: URL;
  /** Use worker threads even for one job (benchmarks measure the pool this way). */
  forcePool?: boolean;
  /** Node flags for the threads (default: this process's, plus the tsx loader for a .ts worker). */
  execArgv?: string[];
}

/** `--jobs` default: every core the process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** The real worker module, with this file's own extension (.ts from source, .js from dist). */
export function defaultWorkerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./run-worker${ext}`, import.meta.url);
}

/** A pool for jobs > 1, the calling thread for jobs = 1 (no worker start-up, same code path). */
export async function createExecutor(options: ExecutorOptions): Promise<Executor> {
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  if (options.jobs <= 1 && !options.forcePool) return inProcessExecutor(await loadTaskFn(workerUrl));
  // Imported only for a pool: the in-process path (and --help) need not load it.
  const { Piscina: Pool } = await import('piscina');
  return poolExecutor(workerUrl, Math.max(1, options.jobs), options.execArgv ?? process.execArgv, Pool);
}

/** Imports a worker module in this thread and returns its default export. */
export async function loadTaskFn(workerUrl: URL): Promise<RunTaskFn> {
  const mod = (await import(workerUrl.href)) as { default?: unknown };
  if (typeof mod.default !== 'function')
    throw new Error(`${workerUrl.href}: default export is not a function`);
  return mod.default as RunTaskFn;
}

export function inProcessExecutor(fn: RunTaskFn): Executor {
  return {
    jobs: 1,
    concurrency: 1,
    // Runs synchronously inside the promise, so a thrown model error becomes a rejection.
    run: async (task) => fn(task),
    close: async () => {},
  };
}

/**
 * A pool of `jobs` worker threads, started up front and reused for every task. A `.ts` worker
 * needs the tsx loader in the threads; it is added unless the process already carries it.
 */
export function poolExecutor(
  workerUrl: URL,
  jobs: number,
  baseExecArgv: string[],
  Pool: typeof Piscina,
): Executor {
  const execArgv = [...baseExecArgv];
  if (workerUrl.pathname.endsWith('.ts') && !execArgv.some((a) => a.includes('tsx'))) {
    execArgv.push('--import', 'tsx');
  }
  const pool = new Pool<RunTask, RunTaskAnswer>({
    filename: workerUrl.href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 60_000,
    execArgv,
  });
  return {
    jobs,
    concurrency: 2 * jobs,
    run: (task, abandon) => pool.run(task, abandon === undefined ? {} : { signal: abandon }),
    close: () => pool.destroy(),
  };
}
