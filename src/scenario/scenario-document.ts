/**
 * The resolved scenario as plain data — what `scenario.yaml` and the manifest record: base
 * files merged, `--set` applied, and the defaults of run control and design choices filled in,
 * in the schema's key order. Hardware values are not copied in: they come from the named
 * parent profile (so a sweep over `parent` keeps working when the file is run again).
 */
import { hash53Hex } from '../util/hash.js';
import { stableStringify } from '../util/stable-json.js';
import { CHOICE_DEFAULTS, DEFAULT_GROUP, RUN_DEFAULTS } from './defaults.js';
import { deepMerge } from './plain-data.js';
import { scenarioSchema } from './scenario-schema.js';

const KEY_ORDER = Object.keys(scenarioSchema.shape).filter((k) => k !== '$schema' && k !== 'extends');

export function scenarioDocument(data: Record<string, unknown>): Record<string, unknown> {
  const defaults: Record<string, unknown> = {
    ...structuredClone(RUN_DEFAULTS),
    ...structuredClone(CHOICE_DEFAULTS),
    workload: { groups: [{ ...DEFAULT_GROUP }] },
  };
  const filled = deepMerge(defaults, data);
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (filled[key] !== undefined) ordered[key] = filled[key];
  return ordered;
}

/** 14 hex digits identifying the document (stable JSON: key order does not matter). */
export function scenarioHash(document: Record<string, unknown>): string {
  return hash53Hex(stableStringify(document));
}
