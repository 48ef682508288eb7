/**
 * The unit of work that crosses to a worker thread, and its answer. Both are plain data
 * (structured clone): a RunSpec in, a RunOutput and the run's wall time out.
 */
import type { RunSpec } from '../model/config.js';
import type { RunOutput } from '../model/system.js';

export interface RunTask {
  /** Global run index (point × replications + replication). */
  index: number;
  spec: RunSpec;
  /**
   * Shared with the batch (two Int32s of a SharedArrayBuffer): [STOP] set means a task that
   * has not begun yet skips its run — how an interrupt keeps the tasks already queued in a
   * worker pool from starting without touching the runs in progress; [STARTED] counts the
   * tasks that began a run, so the batch can tell an abandoned run from a dropped queued task.
   */
  control?: Int32Array;
}

export interface RunTaskResult {
  index: number;
  output: RunOutput;
  /** Wall-clock time of the run itself, ms (recorded in the manifest only, never in a CSV). */
  wallMs: number;
}

/** A task that found the stop flag set: its run never started. */
export interface SkippedTask {
  index: number;
  skipped: true;
}

export type RunTaskAnswer = RunTaskResult | SkippedTask;

export function isSkipped(answer: RunTaskAnswer): answer is SkippedTask {
  return 'skipped' in answer;
}

export const STOP = 0;
export const STARTED = 1;

/** A fresh control array for a batch of tasks. */
export function taskControl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(8));
}

/** What a worker module's default export is. */
export type RunTaskFn = (task: RunTask) => RunTaskAnswer;

/** Wraps a pure run function into a task function that honours the stop flag and times the run. */
export function timedTask(run: (spec: RunSpec) => RunOutput): RunTaskFn {
  return (task) => {
    const control = task.control;
    if (control !== undefined) {
      if (Atomics.load(control, STOP) !== 0) return { index: task.index, skipped: true };
      Atomics.add(control, STARTED, 1);
    }
    const t0 = performance.now();
    const output = run(task.spec);
    return { index: task.index, output, wallMs: performance.now() - t0 };
  };
}
