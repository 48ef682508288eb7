/**
 * The one place the runner reaches the scenario layer's loader, imported on first use so that
 * commands which never load a scenario do not pay for the schema. Commands take a loader by
 * injection (tests pass a stand-in); these are the defaults.
 */
import type { LoadOptions } from '../scenario/load-scenario.js';
import type { ParamOverride } from '../scenario/param-overrides.js';
import type { Study } from './study.js';

export type { LoadOptions } from '../scenario/load-scenario.js';
export type { ParamOverride } from '../scenario/param-overrides.js';

/** Loads and resolves a scenario file; throws InputError on bad input. */
export type ScenarioLoader = (file: string, options?: LoadOptions) => Promise<Study>;

/** A scenario read once that resolves again with typed overrides. */
export interface PreparedStudy {
  readonly base: Study;
  resolve(overrides: readonly ParamOverride[]): Promise<Study>;
}

/** Reads a scenario once for probing by path (capacity search; calibration and sensitivity next). */
export type ScenarioPreparer = (file: string, options?: LoadOptions) => Promise<PreparedStudy>;

export const loadScenarioFile: ScenarioLoader = async (file, options) => {
  const { loadScenario } = await import('../scenario/index.js');
  return loadScenario(file, options);
};

/** The scenario layer's preparer: files read once, each resolve in memory. */
export const prepareScenarioFile: ScenarioPreparer = async (file, options) => {
  const { prepareScenario } = await import('../scenario/index.js');
  const prepared = await prepareScenario(file, options);
  return { base: prepared.base, resolve: async (overrides) => prepared.resolve(overrides) };
};

/**
 * A preparer over a plain loader (the stand-ins tests inject): each resolve calls the loader
 * again with the overrides, which it receives as data, never as text.
 */
export function preparerOf(loader: ScenarioLoader): ScenarioPreparer {
  return async (file, options = {}) => ({
    base: await loader(file, options),
    resolve: (overrides) =>
      loader(file, { ...options, overrides: [...(options.overrides ?? []), ...overrides] }),
  });
}
