/**
 * The real model's worker module with a test-only fault hook: `VDPASCALE_TEST_CRASH` =
 * `MODE@replication=R,instances=N` makes every run with that replication and instance count
 * fail, by throwing (`throw`) or by ending its worker thread (`exit`, as a crash in native code
 * or an out-of-memory abort would). Every other run is the real one, so the folder of a crashed
 * sweep resumes into the same bytes as an undisturbed run.
 */
import type { RunSpec } from '../../src/model/config.js';
import { runOne } from '../../src/runner/run-one.js';
import { timedTask } from '../../src/runner/run-task.js';

function crashes(spec: RunSpec): 'throw' | 'exit' | undefined {
  const plan = /^(throw|exit)@replication=(\d+),instances=(\d+)$/.exec(
    process.env.VDPASCALE_TEST_CRASH ?? '',
  );
  if (!plan) return undefined;
  const hit = spec.replication === Number(plan[2]) && spec.config.instances === Number(plan[3]);
  return hit ? (plan[1] as 'throw' | 'exit') : undefined;
}

export default timedTask((spec) => {
  const mode = crashes(spec);
  if (mode === 'throw') throw new Error('injected model fault (test hook)');
  if (mode === 'exit') process.exit(70);
  return runOne(spec);
});
