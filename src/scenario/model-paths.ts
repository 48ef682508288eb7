/**
 * Scenario keys ↔ ModelConfig fields. A scenario key is the ModelConfig field without its unit
 * suffix, because the value carries its unit: `device.wakeup: 2us` sets `device.wakeup`,
 * `limits.deviceMemory: 4GiB` sets `limits.deviceMemory`, `device.enginePerByte: 0.28ns/B`
 * sets `device.enginePerByte`. The one exception is churn, grouped as `provisioning.churn`.
 * Profiles list ModelConfig paths; `scenarioPathOf` shows users the key to write.
 */
import { CONFIG_PATHS, type ConfigPathInfo, scenarioPathOf } from '../profiles/config-paths.js';
import { isPlainObject } from './plain-data.js';

export { scenarioPathOf };

/** Model leaves a scenario can set; `workload.groups` is built from the workload section instead. */
const SETTABLE = CONFIG_PATHS.filter((p) => p.path !== 'workload.groups');
const MODEL_OF = new Map<string, ConfigPathInfo>(SETTABLE.map((p) => [scenarioPathOf(p.path), p]));

/** What a scenario leaf path sets, or undefined when it is not a ModelConfig field. */
export function modelPathInfo(scenarioPath: string): ConfigPathInfo | undefined {
  return MODEL_OF.get(scenarioPath);
}

/** Every (scenario path, model path) pair, in config.ts order. */
export function settablePaths(): { scenario: string; model: string; hardware: boolean }[] {
  return SETTABLE.map((p) => ({ scenario: scenarioPathOf(p.path), model: p.path, hardware: p.hardware }));
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
