/**
 * Runs a list of jobs on an executor with bounded concurrency. Results are handed to
 * `onResult` as they complete (the caller journals them); nothing here depends on completion
 * order, because every result carries its global run index.
 */
import type { RunSpec } from '../model/config.js';
import type { Executor } from './executor.js';
import { isSkipped, type RunProgress, type RunTaskResult, STARTED, STOP, taskControl } from './run-task.js';
import type { RunJob } from './study.js';

/** How a batch is interrupted (Ctrl-C, a scheduler's SIGTERM). */
export interface BatchInterrupt {
  /** Aborted on an interrupt: from then on no run starts, queued tasks included. */
  signal: AbortSignal;
  /** The runs in flight may finish (and are delivered) for this long; then they are abandoned. */
  graceMs: number;
}

export interface BatchOptions {
  executor: Executor;
  specFor(job: RunJob): RunSpec;
  /**
   * Called once per finished run, in completion order. If it throws (the journal could not be
   * written) no new run starts, later results are not delivered, and that error is rethrown.
   */
  onResult(job: RunJob, result: RunTaskResult): void;
  /** Tasks handed to the executor at once (default: the executor's own, 2 × jobs for a pool so no thread idles). */
  concurrency?: number;
  interrupt?: BatchInterrupt | undefined;
  /** Where runs report progress inside themselves; needs one lane per concurrent task (`concurrency`). */
  progress?: RunProgress | undefined;
}

/** A run that threw: an internal failure of the model (exit 1). Finished runs were delivered. */
export class RunFailedError extends Error {
  readonly job: RunJob;
  readonly completed: number;
  /** Why the run failed, without the run's coordinates. */
  readonly why: string;
  constructor(job: RunJob, cause: unknown, completed: number) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`run ${job.index} (point ${job.point}, replication ${job.replication}) failed: ${why}`, { cause });
    this.name = 'RunFailedError';
    this.job = job;
    this.completed = completed;
    this.why = why;
  }
}

/** The batch stopped on an interrupt; every run that finished before was delivered. */
export class BatchInterruptedError extends Error {
  constructor(
    /** Runs delivered by this batch. */
    readonly completed: number,
    /** Runs in flight when the grace period ran out, given up. */
    readonly abandoned: number,
  ) {
    super(`interrupted: ${completed} run(s) finished, ${abandoned} in flight abandoned`);
    this.name = 'BatchInterruptedError';
  }
}

/**
 * Resolves when every job has finished. On the first failure no new job starts (tasks queued
 * in a pool skip their run); the runs already executing still finish and are delivered, then the earliest failure (by run index)
 * is thrown as a RunFailedError, so a crash loses no completed work. On an interrupt the same
 * holds for the grace period, after which the runs still in flight are abandoned, and a
 * BatchInterruptedError is thrown.
 */
export async function runBatch(jobs: readonly RunJob[], options: BatchOptions): Promise<void> {
  const { executor, specFor, onResult, interrupt } = options;
  const limit = Math.max(1, options.concurrency ?? executor.concurrency);
  const failures: { job: RunJob; error: unknown }[] = [];
  let sink: { error: unknown } | undefined;
  let next = 0;
  let completed = 0;
  let answered = 0;
  let aborted = 0;
  let skipped = 0;
  // STOP is set on the first failure or interrupt, so that tasks queued in a pool skip their run.
  const control = taskControl();
  const halt = () => Atomics.store(control, STOP, 1);
  const abandon = new AbortController();
  let grace: ReturnType<typeof setTimeout> | undefined;
  const onInterrupt = () => {
    halt();
    grace = setTimeout(() => abandon.abort(), interrupt?.graceMs ?? 0);
  };
  if (interrupt?.signal.aborted) onInterrupt();
  else interrupt?.signal.addEventListener('abort', onInterrupt, { once: true });
  const stopping = () => failures.length > 0 || sink !== undefined || interrupt?.signal.aborted === true;

  const progress = options.progress;
  if (progress !== undefined && progress.lanes < Math.min(limit, jobs.length))
    throw new Error(`progress has ${progress.lanes} lanes for ${limit} concurrent tasks`);
  const worker = async (lane: number): Promise<void> => {
    while (!stopping() && next < jobs.length) {
      const job = jobs[next++] as RunJob;
      let answer: Awaited<ReturnType<Executor['run']>>;
      try {
        answer = await executor.run(
          {
            index: job.index,
            spec: specFor(job),
            control,
            ...(progress === undefined ? {} : { progress: { buffer: progress.buffer, lane } }),
          },
          interrupt ? abandon.signal : undefined,
        );
        if (answer.index !== job.index)
          throw new Error(`worker answered run ${answer.index} for run ${job.index}`);
      } catch (error) {
        if (abandon.signal.aborted) aborted++;
        else {
          failures.push({ job, error });
          halt();
        }
        continue;
      }
      progress?.finish(lane);
      if (isSkipped(answer)) {
        skipped++;
        continue;
      }
      answered++;
      if (sink !== undefined) continue;
      try {
        onResult(job, answer);
        completed++;
      } catch (error) {
        sink = { error };
        halt();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, (_, lane) => worker(lane)));
  } finally {
    clearTimeout(grace);
    interrupt?.signal.removeEventListener('abort', onInterrupt);
  }
  if (sink !== undefined) throw sink.error;
  if (failures.length > 0) {
    failures.sort((a, b) => a.job.index - b.job.index);
    const first = failures[0] as { job: RunJob; error: unknown };
    throw new RunFailedError(first.job, first.error, completed);
  }
  // Of the tasks given up, those that had begun a run were abandoned; the rest were still queued.
  const began = Atomics.load(control, STARTED) - answered - failures.length;
  const abandoned = Math.max(0, Math.min(aborted, began));
  // An interrupt that came after the last run started and let it finish cost nothing.
  const cut = aborted > 0 || skipped > 0 || next < jobs.length;
  if (interrupt?.signal.aborted && cut) throw new BatchInterruptedError(completed, abandoned);
}
