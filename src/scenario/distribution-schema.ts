/**
 * Zod schema of a distribution, written wherever a latency, service time or size varies:
 * a bare quantity (`400ns`, a constant) or `{dist: NAME, …}` with quantities in the same unit
 * family. The result is a `DistSpec` in canonical units (ns or bytes) for random/distribution.ts.
 */
import { z } from 'zod';
import type { DistSpec } from '../random/distribution.js';
import { duration, real, size } from './quantity.js';

export type DistKind = 'duration' | 'size';

/** Most values an empirical distribution may list (a table, not a trace). */
export const MAX_EMPIRICAL_VALUES = 100_000;

const EXAMPLE: Record<DistKind, string> = {
  duration: '`400ns`, `{dist: exponential, mean: 1us}`, `{dist: lognormal, mean: 1us, cv: 0.5}`',
  size: '`1500B`, `{dist: empirical, values: [64B, 1500B], weights: [0.4, 0.6]}`',
};

function value(kind: DistKind, positive = false) {
  const bounds = positive ? { min: 0, exclusiveMin: true } : {};
  return kind === 'duration' ? duration(bounds) : size(bounds);
}

function constantLike(kind: DistKind, name: 'constant' | 'deterministic') {
  return z
    .strictObject({ dist: z.literal(name), value: value(kind).describe('The fixed value.') })
    .describe(`${name}: always \`value\`.`);
}

function objectForms(kind: DistKind) {
  return z.discriminatedUnion('dist', [
    z
      .strictObject({ dist: z.literal('exponential'), mean: value(kind, true).describe('Mean (> 0).') })
      .describe('exponential: memoryless, with the given mean.'),
    z
      .strictObject({
        dist: z.literal('lognormal'),
        mean: value(kind, true).describe('Mean of the distribution itself (> 0).'),
        cv: real(0, 100).describe('Coefficient of variation: standard deviation / mean (≥ 0).'),
      })
      .describe('lognormal: heavy right tail, given by its own mean and coefficient of variation.'),
    z
      .strictObject({
        dist: z.literal('uniform'),
        min: value(kind).describe('Lower bound.'),
        max: value(kind).describe('Upper bound (≥ min).'),
      })
      .refine((d) => d.min <= d.max, { message: 'max must be ≥ min', path: ['max'] })
      .describe('uniform: equally likely anywhere in [min, max].'),
    constantLike(kind, 'deterministic'),
    constantLike(kind, 'constant'),
    z
      .strictObject({
        dist: z.literal('empirical'),
        values: z
          .array(value(kind))
          .min(1, 'list at least one value')
          .max(MAX_EMPIRICAL_VALUES, `at most ${MAX_EMPIRICAL_VALUES} values`)
          .describe('The values drawn.'),
        weights: z
          .array(real(0))
          .optional()
          .describe('Relative weight of each value (same length as values; equal weights when omitted).'),
      })
      .superRefine((d, ctx) => {
        if (d.weights === undefined) return;
        if (d.weights.length !== d.values.length) {
          const message = `weights has ${d.weights.length} entries but values has ${d.values.length}: give one weight per value`;
          ctx.addIssue({ code: 'custom', path: ['weights'], message });
        } else if (!d.weights.some((w) => w > 0)) {
          ctx.addIssue({ code: 'custom', path: ['weights'], message: 'at least one weight must be > 0' });
        }
      })
      .describe('empirical: one of `values`, drawn with probability proportional to `weights`.'),
  ]);
}

/**
 * A distribution of durations (ns) or sizes (bytes). Listed in the order errors are explained:
 * a bare quantity first, so `mean: 5` is answered with the units rather than the object forms.
 */
export function distribution(kind: DistKind) {
  return SHARED[kind];
}

function buildDistribution(kind: DistKind) {
  const bare = value(kind).transform((v): DistSpec => ({ dist: 'constant', value: v }));
  return z
    .union([bare, objectForms(kind)], {
      error: (iss) =>
        `expected a ${kind} with a unit or a distribution, e.g. ${EXAMPLE[kind].replaceAll('`', '')}; got ${typeof iss.input === 'number' ? `${iss.input} (no unit)` : 'something else'}`,
    })
    .describe(
      `A ${kind} or a distribution: ${EXAMPLE[kind]}; dist is one of exponential, lognormal, uniform, deterministic, constant, empirical.`,
    )
    .transform((d): DistSpec => d);
}

/**
 * One schema per kind, shared by every field, so the JSON Schema states it once (in `$defs`)
 * instead of once per latency parameter.
 */
const SHARED = {
  duration: buildDistribution('duration').meta({ id: 'durationDistribution' }),
  size: buildDistribution('size').meta({ id: 'sizeDistribution' }),
};
