/**
 * Zod issues → problems a user can act on: the key path, a message that says what is wrong
 * and what to write instead, and what is allowed. Unions are resolved to the alternative the
 * user evidently meant (an object with `dist:` is a distribution, not a quantity), so the
 * message is about that alternative, not "invalid input".
 */
import type { core, z } from 'zod';
import { isPlainObject } from './plain-data.js';
import { describeValue } from './quantity.js';
import { checkSchemaPath, keysForInput } from './schema-walk.js';
import { closest, didYouMean } from './suggest.js';

type Issue = core.$ZodIssue;
export type DataPath = (string | number)[];

export interface Problem {
  /** Path of the offending value (for an unknown key: of the mapping that holds it). */
  path: DataPath;
  /** The unknown key itself, so it can be pointed at. */
  key?: string;
  message: string;
  allowed?: string;
  /** A required key is absent (often the echo of a mistyped key, so reported after others). */
  missing?: boolean;
}

/** YAML 1.1 booleans that YAML 1.2 reads as plain strings (`no`, `On`, `YES`, …). */
const YAML11_WORDS = new Set(
  ['yes', 'no', 'on', 'off', 'y', 'n'].flatMap((w) => [
    w,
    w.toUpperCase(),
    `${w.charAt(0).toUpperCase()}${w.slice(1)}`,
  ]),
);

/** Every problem zod found, in the order zod met them (the locator orders them by position). */
export function problemsOf(error: z.ZodError, root: z.ZodType): Problem[] {
  return error.issues.flatMap((issue) => flatten(issue, []).map((i) => toProblem(i, root)));
}

function toPath(path: readonly PropertyKey[]): DataPath {
  return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

/** Replaces each union issue by the issues of its most plausible alternative, paths made absolute. */
function flatten(issue: Issue, prefix: DataPath): Issue[] {
  const path = [...prefix, ...toPath(issue.path)];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ ...issue, path }];
  const ranked = issue.errors.map((branch) => ({ branch, score: branchScore(branch) }));
  const best = ranked.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.score === 0) return [{ ...issue, path }];
  return best.branch.flatMap((i) => flatten(i, path));
}

function branchScore(branch: readonly Issue[]): number {
  const first = branch[0];
  return first === undefined ? 0 : plausibility(first);
}

/**
 * How far the input got into an alternative: 0 when its type did not even match at the top,
 * more the deeper the complaint (looking into nested unions). A distribution object without
 * `dist:` barely matches, so a map of command classes is not mistaken for one.
 */
function plausibility(issue: Issue): number {
  const depth = issue.path.length;
  if (depth === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 0;
  if (
    issue.code === 'invalid_union' &&
    issue.discriminator !== undefined &&
    discriminatorValue(issue) === undefined
  ) {
    return depth - 0.5;
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const inner = Math.max(...issue.errors.map(branchScore));
    return inner === 0 ? depth : depth + inner;
  }
  return 1 + depth;
}

function toProblem(issue: Issue, root: z.ZodType): Problem {
  const path = toPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKey(path, issue.keys[0] ?? '', root, issue.input);
    case 'invalid_value':
      return badChoice(path, issue.input, issue.values.map(String));
    case 'invalid_union': {
      if (issue.discriminator === undefined) return { path, message: issue.message };
      const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
      return badChoice(path, discriminatorValue(issue), options, issue.discriminator);
    }
    case 'invalid_type':
      return badType(path, issue);
    case 'custom':
      return { path, message: issue.message, ...allowedOf(issue.params) };
    default:
      return { path, message: issue.message };
  }
}

/** The value of the discriminator key zod could not match (its issue carries the whole object). */
function discriminatorValue(issue: Issue & { code: 'invalid_union' }): unknown {
  const input = issue.input;
  if (issue.discriminator === undefined || typeof input !== 'object' || input === null) return input;
  return (input as Record<string, unknown>)[issue.discriminator];
}

function allowedOf(params: Record<string, unknown> | undefined): { allowed?: string } {
  const allowed = params?.allowed;
  return typeof allowed === 'string' ? { allowed } : {};
}

function unknownKey(path: DataPath, key: string, root: z.ZodType, input: unknown): Problem {
  const check = checkSchemaPath(root, path);
  const keys = check.ok ? keysForInput(check.schemas, input) : [];
  // A name with a unit suffix (`wakeupNs`): point at the key, which takes the value with its unit.
  const unsuffixed = key.replace(/NsPerByte$/, 'PerByte').replace(/(Ns|Bytes)$/, '');
  const hint =
    unsuffixed !== key && keys.includes(unsuffixed)
      ? `; did you mean '${unsuffixed}'? (keys have no unit suffix; write the value with its unit)`
      : didYouMean(key, keys);
  const dist = isPlainObject(input) && typeof input.dist === 'string' ? ` for dist ${input.dist}` : '';
  return { path, key, message: `unknown key '${key}'${dist}${hint}`, allowed: keys.join(', ') };
}

function badChoice(path: DataPath, input: unknown, values: string[], discriminator?: string): Problem {
  const allowed = values.join(', ');
  if (discriminator !== undefined && input === undefined) {
    return { path, message: `a distribution needs '${discriminator}:' naming its kind`, allowed };
  }
  const what =
    discriminator !== undefined
      ? `unknown ${discriminator === 'dist' ? 'distribution' : discriminator} '${String(input)}'`
      : `'${String(input)}' is not one of the choices`;
  if (typeof input !== 'string')
    return { path, message: `expected one of ${allowed}, got ${describeValue(input)}`, allowed };
  const yaml11 = YAML11_WORDS.has(input) ? ` (YAML 1.2 reads '${input}' as text, not a boolean)` : '';
  const suggestion = closest(input, values);
  const hint = suggestion !== undefined ? `; did you mean '${suggestion}'?` : '';
  return { path, message: `${what}${hint}${yaml11}`, allowed };
}

function badType(path: DataPath, issue: Issue & { code: 'invalid_type' }): Problem {
  const key = path[path.length - 1];
  const generic = issue.message.startsWith('Invalid input');
  if (issue.input === undefined) {
    const detail = generic ? `expected ${issue.expected}` : issue.message.replace(/^missing: ?/, '');
    return { path, message: `missing required key '${String(key)}': ${detail}`, missing: true };
  }
  if (!generic) return { path, message: issue.message };
  const yaml11 =
    typeof issue.input === 'string' && YAML11_WORDS.has(issue.input) && issue.expected === 'boolean';
  const hint = yaml11 ? ` (YAML 1.2 reads '${issue.input}' as text: write true or false)` : '';
  return {
    path,
    message: `expected ${expectedText(issue.expected)}, got ${describeValue(issue.input)}${hint}`,
  };
}

function expectedText(expected: string): string {
  if (expected === 'object' || expected === 'record') return 'a mapping (key: value)';
  if (expected === 'array') return 'a list';
  return `a ${expected}`;
}
