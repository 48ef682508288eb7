/**
 * The worker-thread entry point (piscina `filename`) and the in-process entry for `--jobs 1`:
 * the default export runs one task. Both paths load this same module, so a run computes the
 * same thing whichever executor carries it.
 */
import { runOne } from './run-one.js';
import { timedTask } from './run-task.js';

export default timedTask(runOne);
