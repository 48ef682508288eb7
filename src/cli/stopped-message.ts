/**
 * What the CLI says when a sweep stopped before its last run: why (a crashed run, an interrupt,
 * a file that could not be written), what is kept, and the command that goes on from there.
 */
import { JOURNAL_FILE } from '../output/journal.js';
import type { StudyStoppedError } from '../output/run-study.js';
import { BatchInterruptedError, RunFailedError } from '../runner/batch.js';
import type { Study } from '../runner/study.js';
import { FailureError } from '../util/errors.js';
import type { RunArgs } from './commands/run.js';
import { describePoint, reproduceCommandLine, resumeCommandLine } from './rerun-command.js';
import { SIGNAL_EXIT, type WatchedSignal } from './signal-watch.js';

export function stoppedFailure(
  e: StudyStoppedError,
  study: Study,
  args: RunArgs,
  received: WatchedSignal | undefined,
): FailureError {
  const { reason, dir, kept, total } = e;
  const keptText = `${kept} of ${total} runs are finished and kept in ${dir}/${JOURNAL_FILE}`;
  const resume = resumeCommandLine(args);
  if (reason instanceof BatchInterruptedError) {
    const abandoned = reason.abandoned > 0 ? ` (${reason.abandoned} run(s) in flight abandoned)` : '';
    const signal = received ?? 'SIGINT';
    return new FailureError(`interrupted by ${signal}: ${keptText}${abandoned}; resume with: ${resume}`, {
      cause: e,
      exitCode: SIGNAL_EXIT[signal],
    });
  }
  if (reason instanceof RunFailedError) {
    const { job } = reason;
    const point = describePoint(study, job.point);
    const alone = reproduceCommandLine(study, job, args, `${dir}-run-${job.index}`);
    return new FailureError(
      `run ${job.index} failed: point ${job.point}${point ? ` (${point})` : ''}, replication ` +
        `${job.replication}, seed ${study.seed}: ${reason.why}\n` +
        `  reproduce it alone: ${alone}\n` +
        `  ${keptText}; once the cause is fixed, resume with: ${resume}`,
      { cause: e },
    );
  }
  const next = e.resumable
    ? `${keptText}; free space (or make the folder writable) and resume with: ${resume}`
    : 'no run was kept; free space (or make the folder writable) and run the command again';
  return new FailureError(`${reason.message}; ${next}`, { cause: e });
}
