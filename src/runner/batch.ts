/**
 * Runs a list of jobs on an executor with bounded concurrency. Results are handed to
 * `onResult` as they complete (the caller journals them); nothing here depends on completion
 * order, because every result carries its global run index.
 */
import type { RunSpec } from '../model/config.js';
import type { Executor } from './executor.js';
import type { RunTaskResult } from './run-task.js';
import type { RunJob } from './study.js';

export interface BatchOptions {
  executor: Executor;
  specFor(job: RunJob): RunSpec;
  /** Called once per finished run, in completion order; may throw (e.g. journal write failed). */
  onResult(job: RunJob, result: RunTaskResult): void;
  /** Tasks handed to the executor at once (default: the executor's own, 2 × jobs for a pool so no thread idles). */
  concurrency?: number;
}

/** A run that threw: an internal failure of the model (exit 1). Finished runs were delivered. */
export class RunFailedError extends Error {
  readonly job: RunJob;
  readonly completed: number;
  constructor(job: RunJob, cause: unknown, completed: number) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`run ${job.index} (point ${job.point}, replication ${job.replication}) failed: ${why}`, { cause });
    this.name = 'RunFailedError';
    this.job = job;
    this.completed = completed;
  }
}

/**
 * Resolves when every job has finished. On the first failure no new job starts; the runs
 * already in flight still finish and are delivered, then the earliest failure (by run index)
 * is thrown as a RunFailedError, so a crash loses no completed work.
 */
export async function runBatch(jobs: readonly RunJob[], options: BatchOptions): Promise<void> {
  const { executor, specFor, onResult } = options;
  const limit = Math.max(1, options.concurrency ?? executor.concurrency);
  const failures: { job: RunJob; error: unknown }[] = [];
  let next = 0;
  let completed = 0;

  const worker = async (): Promise<void> => {
    while (failures.length === 0 && next < jobs.length) {
      const job = jobs[next++] as RunJob;
      try {
        const result = await executor.run({ index: job.index, spec: specFor(job) });
        if (result.index !== job.index)
          throw new Error(`worker answered run ${result.index} for run ${job.index}`);
        onResult(job, result);
        completed++;
      } catch (error) {
        failures.push({ job, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  if (failures.length > 0) {
    failures.sort((a, b) => a.job.index - b.job.index);
    const first = failures[0] as { job: RunJob; error: unknown };
    throw new RunFailedError(first.job, first.error, completed);
  }
}
