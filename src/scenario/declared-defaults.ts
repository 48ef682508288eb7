/**
 * The defaults the parameter declarations give (`byDefault`), as a scenario fragment written the
 * way a scenario writes it, so the same parser checks them and the JSON Schema can show them.
 */
import type { Group, Section } from '../model/params/param.js';
import { isPlainObject } from './plain-data.js';

/** `{ key: default, group: { key: default } }` for every default in the group, or undefined when none. */
export function declaredDefaults(group: Group): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(group.shape)) {
    if (child.kind === 'group') {
      if (child.repeated !== undefined) continue; // list elements have their own defaults
      const inner = declaredDefaults(child);
      if (inner !== undefined) out[key] = inner;
    } else if (child.origin.from === 'default') {
      out[key] = structuredClone(child.origin.value);
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The defaults of several sections as one fragment keyed by section name (the root's keys at the top). */
export function sectionDefaults(sections: readonly Section[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of sections) {
    const d = declaredDefaults(s);
    if (d === undefined) continue;
    if (s.name === '') Object.assign(out, d);
    else out[s.name] = isPlainObject(out[s.name]) ? { ...(out[s.name] as object), ...d } : d;
  }
  return out;
}
