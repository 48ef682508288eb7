/**
 * Zod schemas for quantities with units. A quantity is written as text with a unit (`400ns`,
 * `4KiB`, `25Gbps`, `2Mpps`, `50/s`) and parsed to one canonical unit (util/units.ts): a bare
 * number is refused with the list of units, because `duration: 200` could mean anything.
 * The regex doubles as the JSON Schema `pattern`, so editors flag a missing unit as you type.
 */
import { z } from 'zod';
import { formatDuration, parseQuantity, type QuantityKind, UNIT_EXAMPLES, unitsOf } from '../util/units.js';

const KIND_NAME: Record<QuantityKind, string> = {
  duration: 'duration',
  size: 'size',
  bitrate: 'bit rate',
  pktrate: 'packet rate',
  rate: 'rate',
};
const NUMBER = String.raw`\s*\+?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*`;
const escapeUnit = (u: string): string => u.replace(/[/$]/g, (c) => `\\${c}`);

function patternOf(kinds: readonly QuantityKind[]): RegExp {
  const units = kinds.flatMap(unitsOf).map(escapeUnit).join('|');
  return new RegExp(`^${NUMBER}(?:${units})\\s*$`);
}

// Built once per kind: the scenario schema asks for them hundreds of times as it is built at
// start-up, and each new RegExp over every unit costs ≈ 0.1 ms. No `g` flag: safe to share.
const PATTERN = Object.fromEntries(
  (Object.keys(KIND_NAME) as QuantityKind[]).map((k) => [k, patternOf([k])]),
) as Record<QuantityKind, RegExp>;

/** The JSON Schema pattern of quantities of the given kinds. */
export function quantityPattern(...kinds: QuantityKind[]): RegExp {
  return kinds.length === 1 ? PATTERN[kinds[0] as QuantityKind] : patternOf(kinds);
}

/** Explains why `input` is not a quantity of one of `kinds` (wrong unit, no unit, not text). */
export function badQuantityMessage(kinds: readonly QuantityKind[], input: unknown): string {
  const want = kinds.map((k) => KIND_NAME[k]).join(' or ');
  const units = kinds.flatMap(unitsOf).join(', ');
  const examples = kinds.map((k) => UNIT_EXAMPLES[k]).join('; ');
  if (input === undefined) return `missing: give a ${want} such as ${examples}`;
  if (typeof input === 'number')
    return `${input} has no unit: a ${want} needs one of ${units} (e.g. ${examples})`;
  if (typeof input !== 'string')
    return `expected a ${want} with a unit (e.g. ${examples}), got ${describeValue(input)}`;
  const other = (Object.keys(KIND_NAME) as QuantityKind[]).find(
    (k) => !kinds.includes(k) && parseQuantity(input, k) !== undefined,
  );
  if (other !== undefined)
    return `'${input}' is a ${KIND_NAME[other]}, not a ${want}: use ${units} (e.g. ${examples})`;
  if (/^\s*-/.test(input)) return `'${input}' is negative: a ${want} must be ≥ 0`;
  return `'${input}' is not a ${want}: use a number with one of ${units} (e.g. ${examples})`;
}

export function describeValue(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return `${typeof input} ${JSON.stringify(input)}`;
}

interface Bounds {
  /** Smallest allowed value in canonical units (inclusive unless `exclusiveMin`). */
  min?: number;
  exclusiveMin?: boolean;
  max?: number;
}

function formatCanonical(kind: QuantityKind, value: number): string {
  if (kind === 'duration') return formatDuration(value);
  if (kind === 'size') return `${value}B`;
  return `${value}${unitsOf(kind)[0]}`;
}

function checkBounds(kind: QuantityKind, value: number, b: Bounds, ctx: z.RefinementCtx): void {
  const lowOk = b.min === undefined || (b.exclusiveMin ? value > b.min : value >= b.min);
  if (!lowOk) {
    const rel = b.exclusiveMin ? 'greater than' : 'at least';
    ctx.addIssue({ code: 'custom', message: `must be ${rel} ${formatCanonical(kind, b.min ?? 0)}` });
  } else if (b.max !== undefined && value > b.max) {
    ctx.addIssue({ code: 'custom', message: `must be at most ${formatCanonical(kind, b.max)}` });
  }
}

function quantityText(kinds: QuantityKind[]) {
  return z
    .string({ error: (iss) => badQuantityMessage(kinds, iss.input) })
    .regex(quantityPattern(...kinds), { error: (iss) => badQuantityMessage(kinds, iss.input) });
}

/** A quantity of one kind → number in canonical units (durations and sizes rounded to integers). */
export function quantity(kind: QuantityKind, bounds: Bounds = {}) {
  return quantityText([kind]).transform((text, ctx) => {
    const value = parseQuantity(text, kind) as number; // the regex admitted it
    checkBounds(kind, value, bounds, ctx);
    return value;
  });
}

/** A duration in integer ns (`400ns`, `1.5us`, `20ms`, `2s`). */
export const duration = (bounds: Bounds = {}) => quantity('duration', bounds);
/** A size in integer bytes (`64B`, `4KiB`, `2MiB`). */
export const size = (bounds: Bounds = {}) => quantity('size', bounds);
/** An event rate in events per second (`50/s`, `20k/s`). */
export const eventRate = (bounds: Bounds = {}) => quantity('rate', bounds);

/** Data traffic: packets per second, or a bit rate that the loader divides by the packet size. */
export type TrafficRate = { unit: 'pps'; value: number } | { unit: 'bps'; value: number };

export function trafficRate() {
  return quantityText(['pktrate', 'bitrate']).transform((text): TrafficRate => {
    const pps = parseQuantity(text, 'pktrate');
    if (pps !== undefined) return { unit: 'pps', value: pps };
    return { unit: 'bps', value: parseQuantity(text, 'bitrate') as number };
  });
}

const PER_BYTE_TIME: Record<string, number> = { ps: 1e-3, ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9 };
const PER_BYTE = new RegExp(`^(${NUMBER})(ps|ns|us|µs|ms|s)\\s*/\\s*(${unitsOf('size').join('|')})\\s*$`);

/** A cost per byte (`0.08ns/B`, `80ps/B`, `0.5us/KiB`) → ns per byte, not rounded. */
export function perByte() {
  const message = (input: unknown): string =>
    typeof input === 'number'
      ? `${input} has no unit: give a time per byte such as 0.08ns/B, 80ps/B or 1us/KiB`
      : `expected a time per byte such as 0.08ns/B, 80ps/B or 1us/KiB, got ${describeValue(input)}`;
  return z
    .string({ error: (iss) => message(iss.input) })
    .regex(PER_BYTE, { error: (iss) => message(iss.input) })
    .transform((text) => {
      const m = PER_BYTE.exec(text) as RegExpExecArray;
      const bytes = parseQuantity(`1${m[3]}`, 'size') as number;
      return (Number(m[1]) * (PER_BYTE_TIME[m[2] as string] as number)) / bytes;
    });
}

/**
 * An integer count with inclusive bounds and a message that states them; `why` explains a
 * bound that is not obvious (e.g. the MSI-X table size).
 */
export function count(min: number, max: number = Number.MAX_SAFE_INTEGER, why = '') {
  const range =
    (max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`) + (why ? ` (${why})` : '');
  const outOfRange = (iss: { input?: unknown }) => `must be a whole number ${range}, got ${iss.input}`;
  return z
    .number({ error: (iss) => countMessage(iss.input, range) })
    .int({ error: outOfRange })
    .min(min, { error: outOfRange })
    .max(max, { error: outOfRange });
}

function countMessage(input: unknown, range: string): string {
  if (input === undefined) return `missing: give a whole number ${range}`;
  if (typeof input === 'string' && quantityPattern('size', 'duration', 'rate').test(input)) {
    return `'${input}' has a unit, but this is a plain count: write a whole number ${range}`;
  }
  return `expected a whole number ${range}, got ${describeValue(input)}`;
}

/** A plain (dimensionless) real number with bounds. */
export function real(min: number, max: number = Number.MAX_VALUE, exclusiveMin = false) {
  const low = exclusiveMin ? `> ${min}` : `≥ ${min}`;
  const range = max === Number.MAX_VALUE ? low : `${low} and ≤ ${max}`;
  const msg = (iss: { input?: unknown }) =>
    iss.input === undefined
      ? `missing: give a number ${range}`
      : `must be a number ${range}, got ${describeValue(iss.input)}`;
  const base = z.number({ error: msg });
  return (exclusiveMin ? base.gt(min, { error: msg }) : base.min(min, { error: msg })).max(max, {
    error: msg,
  });
}
