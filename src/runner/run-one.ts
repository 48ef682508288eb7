import type { RunSpec } from '../model/config.js';
import { type RunOutput, runSimulation } from '../model/system.js';

/**
 * One run of the model: pure, so the same spec gives the same output in any process or thread.
 * The seam between the runner and the model; everything else in the runner handles data.
 */
export function runOne(spec: RunSpec): RunOutput {
  return runSimulation(spec);
}
