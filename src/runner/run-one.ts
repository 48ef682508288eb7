import type { RunSpec } from '../model/config.js';
import type { SliceObserver } from '../model/run-slices.js';
import { type RunOutput, runSimulation } from '../model/system.js';
import { chooseStrategies } from '../strategies/catalogue.js';

/**
 * One run of the model: pure, so the same spec gives the same output in any process or thread.
 * The seam between the runner and the model (the strategy objects are chosen here, by name, so
 * the spec stays plain data that crosses worker threads); everything else in the runner handles data.
 */
export function runOne(spec: RunSpec, observe?: SliceObserver): RunOutput {
  return runSimulation(spec, chooseStrategies(spec.config), observe);
}
