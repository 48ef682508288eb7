/**
 * Zod schemas built from the parameter declarations (src/model/params/): one validator per
 * value kind, strict objects per group in declaration order, descriptions for the JSON Schema.
 * Zod defaults are deliberately not used: a parsed scenario holds exactly what the user wrote,
 * so the loader can tell a choice from a default (for warnings) and layer the defaults, the
 * profile and the scenario itself.
 */
import { z } from 'zod';
import type { Group, Param, Parsed, Section, Shape, ValueKind, ValueRule } from '../model/params/param.js';
import { REGISTRIES, strategyNames } from '../strategies/catalogue.js';
import { distribution } from './distribution-schema.js';
import { count, duration, eventRate, perByte, real, size, trafficRate } from './quantity.js';
import { classMapForm, coalescingForm, FORMS } from './schema-forms.js';

function withRule<T extends z.ZodType<number>>(schema: T, rule: ValueRule | undefined, max: number) {
  if (rule === undefined) return schema;
  if ('powerOfTwo' in rule) {
    return schema.refine((n) => n > 0 && (n & (n - 1)) === 0, {
      message: `must be a power of two ≤ ${max} (e.g. 256, 1024)`,
    });
  }
  return schema.refine((n) => rule.oneOf.includes(n), { message: `must be ${rule.text}` });
}

/** The validator of one value kind (text with units in, canonical value out). */
export function valueSchema(kind: ValueKind): z.ZodType {
  switch (kind.type) {
    case 'count':
      return withRule(count(kind.min, kind.max, kind.why), kind.rule, kind.max);
    case 'real':
      return real(kind.min, kind.max, kind.exclusiveMin ?? false);
    case 'duration': {
      const ns = duration({ min: kind.min, max: kind.max, exclusiveMin: kind.exclusiveMin });
      return kind.inUs ? ns.transform((v) => v / 1000) : ns;
    }
    case 'size':
      return withRule(size({ min: kind.min, max: kind.max }), kind.rule, kind.max ?? Number.MAX_SAFE_INTEGER);
    case 'perByte':
      return perByte();
    case 'eventRate':
      return eventRate({ min: kind.min, exclusiveMin: kind.exclusiveMin });
    case 'trafficRate':
      return trafficRate();
    case 'distribution':
      return distribution(kind.of);
    case 'choice':
      return z.enum(kind.values as [string, ...string[]]);
    case 'strategy':
      return z.enum(strategyNames(kind.of));
    case 'name':
      return z
        .string({ error: kind.missing })
        .regex(kind.pattern, kind.message)
        .max(kind.max, `at most ${kind.max} characters`);
    case 'list':
      return z.array(valueSchema(kind.of)).min(kind.min, `list at least ${kind.min}`);
    case 'form':
      return FORMS[kind.name];
  }
}

/** A strategy choice's description lists the registered names with their summaries. */
function describe(p: Param): string {
  if (p.value.type !== 'strategy') return p.description;
  const choices = REGISTRIES[p.value.of].all().map((s) => `${s.name} (${s.summary})`);
  return `${p.description}: ${choices.join(', ')}.`;
}

function paramSchema(p: Param): z.ZodType {
  const schema = valueSchema(p.value);
  const described = (p.required ? schema : schema.optional()).describe(describe(p));
  // The title (JSON Schema `title`, shown by editors) also titles charts and tables.
  return p.title === undefined ? described : described.meta({ title: p.title });
}

function objectOf(group: Group): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, child] of Object.entries(group.shape)) {
    shape[key] = child.kind === 'group' ? groupSchema(child) : paramSchema(child);
  }
  return z.strictObject(shape);
}

/** One element of a repeated group (a workload group). */
export function listElementSchema<S extends Shape>(group: Group<S>): z.ZodType<Parsed<S>> {
  return objectOf(group).describe(group.description) as z.ZodType<Parsed<S>>;
}

/** A group as a scenario writes it: a strict object (or a list of them), optional. */
export function groupSchema(group: Group): z.ZodType {
  const object = objectOf(group);
  if (group.repeated !== undefined) {
    const { min, max, description } = group.repeated;
    const list = z
      .array(listElementSchema(group))
      .min(min, `list at least ${min === 1 ? 'one group' : min}`)
      .max(max, `at most ${max} groups`);
    // A written section must list its groups: `workload: {}` is a mistake, not the default group.
    return list.describe(description);
  }
  const shaped =
    group.shorthand === 'coalescing'
      ? coalescingForm(object)
      : group.shorthand === 'classMap'
        ? classMapForm(Object.keys(group.shape))
        : object;
  const written = group.none === undefined ? shaped : noneOr(shaped, group.none);
  const described = written.describe(group.description);
  return (group.title === undefined ? described : described.meta({ title: group.title })).optional();
}

/**
 * A group that may also be written `none`, the same as leaving it out, said in `words` in
 * charts and tables (the literal's title). The parsed value is the literal; the loader drops it.
 */
function noneOr(object: z.ZodType, words: string): z.ZodType {
  const none = z
    .literal('none')
    .meta({ title: words })
    .describe(`${words}: the same as leaving the key out.`);
  return z.union([none, object], { error: 'expected none or the fields of the group' });
}

/** The keys of the top-level section (`parent`, `instances`), typed by their declarations. */
export function rootShape<S extends Shape>(
  section: Section<S, ''>,
): { [K in keyof Parsed<S>]-?: z.ZodType<Parsed<S>[K]> } {
  const entries = Object.entries(section.shape).map(([k, child]) => [
    k,
    child.kind === 'group' ? groupSchema(child) : paramSchema(child),
  ]);
  return Object.fromEntries(entries) as { [K in keyof Parsed<S>]-?: z.ZodType<Parsed<S>[K]> };
}

/** A named section as one optional key of the scenario object, typed by its declaration. */
export function sectionShape<S extends Shape, N extends string>(
  section: Section<S, N>,
): { [K in N]: z.ZodType<Parsed<S> | undefined> } {
  return { [section.name]: groupSchema(section) } as { [K in N]: z.ZodType<Parsed<S> | undefined> };
}
