/**
 * The executor of one batch among many (a capacity search's probes, a calibration's
 * candidates), as `vdpascale run` picks one for a study: with one job, a small batch runs in the
 * calling thread (no worker start-up; a signal waits for runs of milliseconds), a large one on
 * a worker thread so that the calling thread stays free to take an interrupt and abandon it.
 * With more jobs every batch goes to the pool. The pool starts on the first batch that needs it
 * and serves the rest. Results are the same on either executor (determinism tests check it).
 */
import { createExecutor, type Executor, type ExecutorOptions } from './executor.js';

export class ExecutorChoice {
  private pool: Promise<Executor> | undefined;
  private inProcess: Promise<Executor> | undefined;

  constructor(
    private readonly options: Pick<ExecutorOptions, 'jobs' | 'workerUrl'> & {
      /** An interrupt can come (the CLI watches signals): large batches then need a thread. */
      interruptible: boolean;
    },
  ) {}

  /** Runs executing at once. */
  get jobs(): number {
    return Math.max(1, this.options.jobs);
  }

  /** The executor for a batch; `small` as `isSmallBatch` says of its studies. */
  for(small: boolean): Promise<Executor> {
    const { jobs, workerUrl, interruptible } = this.options;
    if (jobs <= 1 && (small || !interruptible)) {
      this.inProcess ??= createExecutor({ jobs: 1, workerUrl });
      return this.inProcess;
    }
    this.pool ??= createExecutor({ jobs, workerUrl, forcePool: true });
    return this.pool;
  }

  async close(): Promise<void> {
    const open = [this.pool, this.inProcess].filter((e) => e !== undefined);
    this.pool = undefined;
    this.inProcess = undefined;
    await Promise.all(open.map(async (e) => (await e).close()));
  }
}
