/**
 * Runs a study (or one shard of it) into a result folder: skip what the journal already
 * holds, run the rest on a worker pool journaling each run as it finishes, then write the
 * result files from the journal. Because the files are always written from the journal read
 * back, a fresh run, a resumed one and any job count take the same path to the same bytes.
 */
import { RunFailedError, runBatch } from '../runner/batch.js';
import { createExecutor } from '../runner/executor.js';
import { inShard, planRuns, type RunJob, runSpecFor, type ShardSpec, type Study } from '../runner/study.js';
import { JOURNAL_FILE } from './journal.js';
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

export interface RunStudyOptions {
  study: Study;
  folder: FolderState;
  shard?: ShardSpec | undefined;
  jobs: number;
  /** Worker module (default: the real model's `run-worker`). */
  workerUrl?: URL | undefined;
  /** Called before the first run: how many are already done and how many there are. */
  onStart?(done: number, total: number): void;
  onRun?(event: ProgressEvent): void;
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

  const journal = openResultFolder(folder);
  let done = folder.done.length;
  options.onStart?.(done, mine.length);
  let jobs: number | null = null;
  try {
    if (pending.length > 0) {
      jobs = Math.min(options.jobs, pending.length);
      const executor = await createExecutor({ jobs, workerUrl: options.workerUrl });
      try {
        await runBatch(pending, {
          executor,
          specFor: (job) => runSpecFor(study, job),
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
    if (e instanceof RunFailedError) {
      throw new Error(
        `${e.message}\n${done} finished run(s) are kept in ${folder.dir}/${JOURNAL_FILE}; ` +
          'after fixing the cause, rerun with --resume to continue',
        { cause: e },
      );
    }
    throw e;
  } finally {
    journal.close();
  }

  const records = readFinishedRuns(folder.dir);
  writeResultFiles(folder.dir, info, records, manifestMeta(records, t0, jobs, shard, mine.length));
  return { dir: folder.dir, info, records, ran: pending.length, resumed: folder.done.length };
}
