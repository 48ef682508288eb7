/**
 * Runs a study (or one shard of it) into a result folder: skip what the journal already
 * holds, run the rest on a worker pool journaling each run as it finishes, then write the
 * result files from the journal. Because the files are always written from the journal read
 * back, a fresh run, a resumed one and any job count take the same path to the same bytes.
 */
import { type BatchInterrupt, BatchInterruptedError, RunFailedError, runBatch } from '../runner/batch.js';
import { createExecutor } from '../runner/executor.js';
import { RunProgress } from '../runner/run-task.js';
import { inShard, planRuns, type RunJob, runSpecFor, type ShardSpec, type Study } from '../runner/study.js';
import { defaultWriter, type FileWriter, WriteError } from './file-writer.js';
import { manifestMeta } from './provenance.js';
import { type RunRecord, type StudyInfo, studyInfo } from './records.js';
import { type FolderState, openResultFolder, readFinishedRuns, writeResultFiles } from './result-folder.js';

export interface ProgressEvent {
  job: RunJob;
  /** Runs of this folder finished so far (resumed ones included) and in total. */
  done: number;
  total: number;
  /** This run completed its point (every replication of the point in this folder is done). */
  pointDone: boolean;
}

export interface LiveProgress {
  simNs: number;
  totalSimNs: number;
  events: number;
}

export interface RunStudyOptions {
  study: Study;
  folder: FolderState;
  shard?: ShardSpec | undefined;
  jobs: number;
  /** Worker module (default: the real model's `run-worker`). */
  workerUrl?: URL | undefined;
  /** Called before the first run: how many are already done and how many there are. */
  onStart?(done: number, total: number): void;
  /**
   * Called once the runs start on their executor, with a reader of how far they got inside
   * themselves: simulated ns and events of this invocation's runs so far (finished and
   * running), and the simulated ns all of them will cover.
   */
  onLive?(read: () => LiveProgress): void;
  onRun?(event: ProgressEvent): void;
  /** Where the folder is written (default: the real file system; tests inject faults). */
  writer?: FileWriter | undefined;
  /**
   * Stops the sweep on an interrupt (see runBatch). Runs then go to worker threads even for one
   * job, so that the calling thread stays free to take the signal and abandon a long run.
   */
  interrupt?: BatchInterrupt | undefined;
  /**
   * The study is too small to repay a worker thread's start-up: with one job it stays in the
   * calling thread even under `interrupt` (a signal then waits for runs of milliseconds).
   */
  smallStudy?: boolean | undefined;
}

/**
 * The study stopped before every run finished: a run crashed, an interrupt came, or a file
 * could not be written. Every run that finished before is in the journal (`kept` of `total`).
 */
export class StudyStoppedError extends Error {
  constructor(
    readonly reason: RunFailedError | BatchInterruptedError | WriteError,
    readonly dir: string,
    readonly kept: number,
    readonly total: number,
    /** The journal exists, so `--resume` continues from the kept runs. */
    readonly resumable: boolean,
  ) {
    super(`${reason.message} (${kept} of ${total} runs kept in ${dir})`, { cause: reason });
    this.name = 'StudyStoppedError';
  }
}

export interface StudyOutcome {
  dir: string;
  info: StudyInfo;
  /** Every run in the folder, by index. */
  records: RunRecord[];
  /** Runs executed by this invocation / found in the journal. */
  ran: number;
  resumed: number;
}

export async function runStudy(options: RunStudyOptions): Promise<StudyOutcome> {
  const { study, folder, shard } = options;
  const t0 = performance.now();
  const info = studyInfo(study);
  const mine = planRuns(study).filter((j) => inShard(j, shard));
  const doneIdx = new Set(folder.done.map((r) => r.index));
  const pending = mine.filter((j) => !doneIdx.has(j.index));
  const leftInPoint = new Map<number, number>();
  for (const j of pending) leftInPoint.set(j.point, (leftInPoint.get(j.point) ?? 0) + 1);

  const writer = options.writer ?? defaultWriter;
  let done = folder.done.length;
  const stopped = (e: unknown, resumable: boolean): unknown =>
    e instanceof RunFailedError || e instanceof BatchInterruptedError || e instanceof WriteError
      ? new StudyStoppedError(e, folder.dir, done, mine.length, resumable)
      : e;
  let journal: ReturnType<typeof openResultFolder>;
  try {
    journal = openResultFolder(folder, writer);
  } catch (e) {
    throw stopped(e, folder.existing !== undefined);
  }
  options.onStart?.(done, mine.length);
  let jobs: number | null = null;
  try {
    if (pending.length > 0) {
      jobs = Math.min(options.jobs, pending.length);
      const executor = await createExecutor({
        jobs,
        workerUrl: options.workerUrl,
        forcePool: options.interrupt !== undefined && !options.smallStudy,
      });
      const progress = new RunProgress(Math.min(executor.concurrency, pending.length));
      const totalSimNs = pending.length * (study.warmupNs + study.durationNs);
      options.onLive?.(() => ({ ...progress.read(), totalSimNs }));
      try {
        await runBatch(pending, {
          executor,
          progress,
          specFor: (job) => runSpecFor(study, job),
          interrupt: options.interrupt,
          onResult: (job, result) => {
            journal.append({ ...job, wallMs: result.wallMs, output: result.output });
            done++;
            const left = (leftInPoint.get(job.point) ?? 1) - 1;
            leftInPoint.set(job.point, left);
            options.onRun?.({ job, done, total: mine.length, pointDone: left === 0 });
          },
        });
      } finally {
        await executor.close();
      }
    }
  } catch (e) {
    throw stopped(e, true);
  } finally {
    journal.close();
  }

  const records = readFinishedRuns(folder.dir);
  try {
    await writeResultFiles(
      folder.dir,
      info,
      records,
      manifestMeta(records, t0, jobs, shard, mine.length),
      writer,
    );
  } catch (e) {
    throw stopped(e, true);
  }
  return { dir: folder.dir, info, records, ran: pending.length, resumed: folder.done.length };
}
