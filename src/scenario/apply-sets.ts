/**
 * Applies `--set`, typed overrides, `--replications` and `--seed` to the merged scenario, last
 * of all layers (in that order). A `--set` or an override on a swept key replaces that sweep
 * dimension (with a warning): this is how a probe pins `instances` on a scenario that sweeps it.
 */
import { InputError } from '../util/errors.js';
import { formatKeyPath, parseKeyPath } from './key-path.js';
import type { ScenarioLocator } from './locator.js';
import { overrideDocumentValue, type ParamOverride } from './param-overrides.js';
import { isPlainObject, setIn } from './plain-data.js';
import { scenarioSchema } from './scenario-schema.js';
import { checkSchemaPath } from './schema-walk.js';
import { concretePath, parseSet, type SetOverride } from './set-override.js';

export interface SetOptions {
  sets?: string[];
  /** Values set by path in canonical units, applied after the `--set` texts. */
  overrides?: readonly ParamOverride[];
  replications?: number;
  seed?: number;
}

/** Applies the options to `data` in place; returns warnings. */
export function applySets(
  data: Record<string, unknown>,
  options: SetOptions,
  locator: ScenarioLocator,
): string[] {
  const warnings: string[] = [];
  const assign = (set: SetOverride, label: string): void => {
    const path = checkedPath(set, data);
    const replaced = dropSweptKey(data, path);
    if (replaced !== undefined) warnings.push(`${label} replaces the sweep over ${replaced}`);
    write(data, path, set.value, label);
    locator.addSet({ text: label, path });
  };
  for (const text of options.sets ?? []) assign(parseSet(text), `--set ${text}`);
  for (const o of options.overrides ?? []) {
    const value = overrideDocumentValue(o);
    const text = `${o.path}=${JSON.stringify(value)}`;
    assign({ text, segments: parseKeyPath(o.path), value }, `override ${text}`);
  }
  for (const key of ['replications', 'seed'] as const) {
    const value = options[key];
    if (value === undefined) continue;
    data[key] = value;
    locator.addSet({ text: `--${key} ${value}`, path: [key] });
  }
  return warnings;
}

function checkedPath(set: SetOverride, data: Record<string, unknown>): (string | number)[] {
  const pathText = formatKeyPath(set.segments);
  const root = set.segments[0];
  if (root === 'extends' || root === '$schema') {
    throw new InputError(`--set ${set.text}: ${root} cannot be set from the command line`, {
      path: pathText,
    });
  }
  const check = checkSchemaPath(scenarioSchema, set.segments);
  if (!check.ok)
    throw new InputError(`--set ${set.text}: ${check.message}`, { path: pathText }, check.allowed);
  return concretePath(data, set.segments, `--set ${set.text}`);
}

function write(data: Record<string, unknown>, path: (string | number)[], value: unknown, what: string): void {
  const problem = setIn(data, path, value);
  if (problem !== undefined) throw new InputError(`${what}: ${problem}`, { path: formatKeyPath(path) });
}

/** Removes a sweep key that writes exactly `path`; returns it, or undefined when none does. */
function dropSweptKey(data: Record<string, unknown>, path: readonly (string | number)[]): string | undefined {
  const sweep = data.sweep;
  if (!isPlainObject(sweep)) return undefined;
  for (const kind of ['grid', 'zip']) {
    const lists = sweep[kind];
    if (!isPlainObject(lists)) continue;
    for (const key of Object.keys(lists)) {
      if (sameTarget(data, key, path)) {
        delete lists[key];
        return key;
      }
    }
  }
  return undefined;
}

function sameTarget(data: Record<string, unknown>, key: string, path: readonly (string | number)[]): boolean {
  try {
    const target = concretePath(data, parseKeyPath(key), 'sweep');
    return target.length === path.length && target.every((s, i) => s === path[i]);
  } catch {
    return false; // a malformed sweep key is reported when the sweep is read
  }
}
