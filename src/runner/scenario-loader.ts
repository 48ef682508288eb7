/**
 * The one place the runner reaches the scenario layer's loader, imported on first use so that
 * commands which never load a scenario do not pay for the schema. Commands take a loader by
 * injection (tests pass a stand-in); this is the default.
 */
import type { Study } from './study.js';

export interface LoadOptions {
  sets?: string[];
  replications?: number;
  seed?: number;
}

/** Loads and resolves a scenario file; throws InputError on bad input. */
export type ScenarioLoader = (file: string, options?: LoadOptions) => Promise<Study>;

export const loadScenarioFile: ScenarioLoader = async (file, options) => {
  const { loadScenario } = await import('../scenario/index.js');
  return loadScenario(file, options);
};
