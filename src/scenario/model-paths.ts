/**
 * Scenario keys ↔ ModelConfig fields: one name each. A scenario key is the ModelConfig path
 * (`device.wakeup: 2us` sets `device.wakeup`, `provisioning.churn.create: 10/s` sets
 * `provisioning.churn.create`), because both come from the same declaration and the value
 * carries its unit.
 */
import { CONFIG_PATHS, type ConfigPathInfo } from '../profiles/config-paths.js';
import { isPlainObject } from './plain-data.js';

/** Model leaves a scenario can set; `workload.groups` is built from the workload section instead. */
const SETTABLE = CONFIG_PATHS.filter((p) => p.path !== 'workload.groups');
const MODEL_OF = new Map<string, ConfigPathInfo>(SETTABLE.map((p) => [p.path, p]));

/** What a scenario leaf path sets, or undefined when it is not a ModelConfig field. */
export function modelPathInfo(scenarioPath: string): ConfigPathInfo | undefined {
  return MODEL_OF.get(scenarioPath);
}

/** Every settable path, in the order of the scenario file, and whether a profile supplies it. */
export function settablePaths(): { path: string; hardware: boolean }[] {
  return SETTABLE.map((p) => ({ path: p.path, hardware: p.hardware }));
}

/**
 * The ModelConfig leaves a parsed scenario (or fragment) writes, as [model path, value] in the
 * order the scenario holds them. Mappings are walked key by key until a path names a model
 * leaf; lists and other values that are not model leaves (the workload, sweep, charts) are skipped.
 */
export function modelLeavesOf(parsed: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  const walk = (value: Record<string, unknown>, prefix: string): void => {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const info = MODEL_OF.get(path);
      if (info !== undefined) out.push([info.path, child]);
      else if (isPlainObject(child)) walk(child, path);
    }
  };
  walk(parsed, '');
  return out;
}
