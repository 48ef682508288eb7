/**
 * Walks the scenario schema along a key path, for what zod's own issues do not say: which
 * keys exist where (to suggest one for a typo), whether a `--set` or sweep path names a real
 * parameter, and which paths are leaves (to list every settable parameter).
 */
import type { core, z } from 'zod';
import { formatKeyPath, type Segment } from './key-path.js';
import { didYouMean } from './suggest.js';

type Def = core.$ZodTypeDef & {
  shape?: Record<string, core.$ZodType>;
  element?: core.$ZodType;
  keyType?: core.$ZodType;
  valueType?: core.$ZodType;
  options?: readonly core.$ZodType[];
  innerType?: core.$ZodType;
  in?: core.$ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
};

const defOf = (schema: core.$ZodType): Def => schema._zod.def as Def;

/** The concrete alternatives a schema stands for, seen through wrappers, pipes and unions. */
export function alternatives(schema: core.$ZodType): core.$ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return alternatives(def.innerType as core.$ZodType);
    case 'pipe':
      return alternatives(def.in as core.$ZodType);
    case 'union':
      return (def.options ?? []).flatMap(alternatives);
    default:
      return [schema];
  }
}

/** Keys a mapping at this schema may hold (object keys, or the enum keys of a record). */
export function keysOf(schema: core.$ZodType): string[] {
  const keys = new Set<string>();
  for (const alt of alternatives(schema)) {
    const def = defOf(alt);
    if (def.type === 'object') for (const k of Object.keys(def.shape ?? {})) keys.add(k);
    if (def.type === 'record') for (const k of enumValues(def.keyType)) keys.add(k);
  }
  return [...keys];
}

function enumValues(schema: core.$ZodType | undefined): string[] {
  if (schema === undefined) return [];
  return alternatives(schema).flatMap((alt) => {
    const def = defOf(alt);
    if (def.type === 'enum') return Object.values(def.entries ?? {});
    if (def.type === 'literal') return (def.values ?? []).map(String);
    return [];
  });
}

function acceptsAnyKey(schema: core.$ZodType): boolean {
  const def = defOf(schema);
  return def.type === 'record' && enumValues(def.keyType).length === 0;
}

/** The schemas one segment down from `schemas`. */
function step(schemas: readonly core.$ZodType[], segment: Segment): core.$ZodType[] {
  const next: core.$ZodType[] = [];
  for (const alt of schemas.flatMap(alternatives)) {
    const def = defOf(alt);
    if (typeof segment === 'string') {
      if (def.type === 'object' && def.shape && Object.hasOwn(def.shape, segment))
        next.push(def.shape[segment] as core.$ZodType);
      if (def.type === 'record' && (acceptsAnyKey(alt) || enumValues(def.keyType).includes(segment))) {
        next.push(def.valueType as core.$ZodType);
      }
    } else if (def.type === 'array') {
      next.push(def.element as core.$ZodType);
    }
  }
  return next;
}

export type PathCheck =
  | { ok: true; schemas: core.$ZodType[] }
  | { ok: false; depth: number; message: string; allowed: string };

/** Whether `path` names something the schema has; otherwise where it goes wrong and what is there. */
export function checkSchemaPath(root: z.ZodType, path: readonly Segment[]): PathCheck {
  let schemas: core.$ZodType[] = [root];
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth] as Segment;
    const next = step(schemas, segment);
    if (next.length === 0) {
      const where = depth === 0 ? 'at the top level' : `in ${formatKeyPath(path.slice(0, depth))}`;
      const keys = schemas.flatMap(keysOf);
      if (typeof segment !== 'string') {
        return {
          ok: false,
          depth,
          message: `${formatKeyPath(path.slice(0, depth))} is not a list`,
          allowed: keys.join(', '),
        };
      }
      return {
        ok: false,
        depth,
        message: `unknown key '${segment}' ${where}${didYouMean(segment, keys)}`,
        allowed: keys.join(', '),
      };
    }
    schemas = next;
  }
  return { ok: true, schemas };
}

/**
 * Every leaf path of the schema, as dotted scenario paths (lists as `[]`, record keys listed
 * when they are an enum, `*` otherwise). Used by tests and documentation.
 */
export function leafPaths(root: z.ZodType): string[] {
  const out: string[] = [];
  const visit = (schema: core.$ZodType, prefix: string, depth: number): void => {
    const alts = alternatives(schema);
    // Distribution forms (objects with a `dist` key) are one value, not a section.
    const maps = alts.filter((a) => ['object', 'record'].includes(defOf(a).type) && !defOf(a).shape?.dist);
    const lists = alts.filter((a) => {
      const element = defOf(a).element;
      return element !== undefined && alternatives(element).some((e) => defOf(e).type === 'object');
    });
    const leafy = alts.length > maps.length + lists.length || alts.some((a) => defOf(a).shape?.dist);
    if (leafy && prefix !== '') out.push(prefix);
    if (depth > 8) return;
    for (const key of [...new Set(maps.flatMap(keysOf))]) {
      const child = step([schema], key)[0];
      if (child !== undefined) visit(child, prefix === '' ? key : `${prefix}.${key}`, depth + 1);
    }
    for (const list of lists) visit(defOf(list).element as core.$ZodType, `${prefix}[]`, depth + 1);
  };
  visit(root, '', 0);
  return out;
}

/**
 * The keys allowed for this particular mapping: among object alternatives told apart by a
 * literal `dist` (distribution forms), only the form the input names.
 */
export function keysForInput(schemas: readonly core.$ZodType[], input: unknown): string[] {
  const alts = schemas.flatMap(alternatives);
  const named =
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>).dist : undefined;
  const matching = alts.filter((alt) => {
    const dist = defOf(alt).shape?.dist;
    return dist !== undefined && enumValues(dist).includes(String(named));
  });
  return [...new Set((matching.length > 0 ? matching : alts).flatMap(keysOf))];
}
