/**
 * The unit of work that crosses to a worker thread, and its answer. Both are plain data
 * (structured clone): a RunSpec in, a RunOutput and the run's wall time out.
 */
import type { RunSpec } from '../model/config.js';
import type { SliceObserver } from '../model/run-slices.js';
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
  /**
   * Shared with the batch (a SharedArrayBuffer, see RunProgress): the run writes the simulated
   * time it reached and its events so far into lane `lane` after each slice, so the calling
   * thread can show progress inside a run without a message per slice.
   */
  progress?: { buffer: Float64Array; lane: number };
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

/**
 * Progress of a batch in one shared Float64Array: [0] simulated ns and [1] events of the runs
 * that finished, then per lane (a task slot of the batch) the running task's simulated ns and
 * events so far. Only the lane's task writes its lane; the batch folds it into [0..1] when the
 * task answers. Plain (non-atomic) doubles: a reader may see a value one slice old, never a torn one
 * that matters for a display.
 */
export class RunProgress {
  readonly buffer: Float64Array;
  constructor(readonly lanes: number) {
    this.buffer = new Float64Array(new SharedArrayBuffer(8 * (2 + 2 * lanes)));
  }
  /** Adds lane's last values to the finished totals and clears the lane. */
  finish(lane: number): void {
    const b = this.buffer;
    b[0] = (b[0] as number) + (b[2 + 2 * lane] as number);
    b[1] = (b[1] as number) + (b[3 + 2 * lane] as number);
    b[2 + 2 * lane] = 0;
    b[3 + 2 * lane] = 0;
  }
  /** Simulated ns and events so far, finished and running runs together. */
  read(): { simNs: number; events: number } {
    let simNs = 0;
    let events = 0;
    for (let i = 0; i < this.buffer.length; i += 2) {
      simNs += this.buffer[i] as number;
      events += this.buffer[i + 1] as number;
    }
    return { simNs, events };
  }
}

function laneWriter(buffer: Float64Array, lane: number): SliceObserver {
  return (simNs, events) => {
    buffer[2 + 2 * lane] = simNs;
    buffer[3 + 2 * lane] = events;
  };
}

export const STOP = 0;
export const STARTED = 1;

/** A fresh control array for a batch of tasks. */
export function taskControl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(8));
}

/** What a worker module's default export is. */
export type RunTaskFn = (task: RunTask) => RunTaskAnswer;

/** Wraps a pure run function into a task function that honours the stop flag, reports progress and times the run. */
export function timedTask(run: (spec: RunSpec, observe?: SliceObserver) => RunOutput): RunTaskFn {
  return (task) => {
    const control = task.control;
    if (control !== undefined) {
      if (Atomics.load(control, STOP) !== 0) return { index: task.index, skipped: true };
      Atomics.add(control, STARTED, 1);
    }
    const t0 = performance.now();
    const p = task.progress;
    const output = run(task.spec, p === undefined ? undefined : laneWriter(p.buffer, p.lane));
    return { index: task.index, output, wallMs: performance.now() - t0 };
  };
}
