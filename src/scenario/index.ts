/**
 * The scenario layer's public API: load a scenario file (YAML 1.2, `extends`, sweeps,
 * `--set`) into validated ModelConfigs, one per sweep point.
 */

export { ignoredReason } from './ignored-options.js';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.js';
export { columnName } from './key-path.js';
export {
  type LoadOptions,
  loadScenario,
  MAX_RUNS,
  type PreparedScenario,
  prepareScenario,
  type ResolvedScenario,
  type SweepPoint,
} from './load-scenario.js';
export { modelPathInfo, settablePaths } from './model-paths.js';
export { type OverrideValue, overrideKind, type ParamOverride } from './param-overrides.js';
export { resolveConfig } from './resolve-config.js';
export { type ParsedScenario, type ScenarioInput, scenarioSchema } from './scenario-schema.js';
