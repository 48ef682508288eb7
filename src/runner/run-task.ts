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
}

export interface RunTaskResult {
  index: number;
  output: RunOutput;
  /** Wall-clock time of the run itself, ms (recorded in the manifest only, never in a CSV). */
  wallMs: number;
}

/** What a worker module's default export is. */
export type RunTaskFn = (task: RunTask) => RunTaskResult;

/** Wraps a pure run function into a task function that also times the run. */
export function timedTask(run: (spec: RunSpec) => RunOutput): RunTaskFn {
  return (task) => {
    const t0 = performance.now();
    const output = run(task.spec);
    return { index: task.index, output, wallMs: performance.now() - t0 };
  };
}
