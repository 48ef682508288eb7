/**
 * Values with a shape of their own, which the parameter declarations name (`form`, `shorthand`):
 * a page locality (`uniform` or `{zipf: s}`), a control-operation mix, notification
 * coalescing written as `off`, `adaptive`, `static` or its fields, and a map from command class
 * to a service time written as one distribution for every class.
 */
import { z } from 'zod';
import { CONTROL_OPS } from '../model/config.js';
import type { FormName } from '../model/params/param.js';
import type { DistSpec } from '../random/distribution.js';
import { distribution } from './distribution-schema.js';
import { real } from './quantity.js';
import { didYouMean } from './suggest.js';

const localitySchema = z.union(
  [
    z.literal('uniform').transform(() => ({ kind: 'uniform' as const })),
    z
      .strictObject({ zipf: real(0, 100, true).describe('Zipf exponent (> 0; ≈ 1 is typical).') })
      .transform((l) => ({ kind: 'zipf' as const, exponent: l.zipf })),
  ],
  { error: 'expected uniform or {zipf: EXPONENT}, e.g. {zipf: 1.1}' },
);

const opsMixSchema = z.partialRecord(
  z.enum(CONTROL_OPS),
  real(0).describe('Relative weight of the operation.'),
);

export const FORMS: Record<FormName, z.ZodType> = { locality: localitySchema, opsMix: opsMixSchema };

type CoalescingInput = { kind?: string; maxPackets?: number; maxUsecs?: number; profile?: string };

/**
 * `adaptive`, `static`, or the group's fields: `{maxPackets, maxUsecs}` (static) or
 * `{kind: adaptive, profile}`. Keys left out keep the profile's values, so `{maxUsecs: 8us}`
 * changes only the timer.
 */
export function coalescingForm(object: z.ZodType): z.ZodType {
  const checked = object
    .superRefine((value, ctx) => {
      const c = value as CoalescingInput;
      const staticKeys = c.maxPackets !== undefined || c.maxUsecs !== undefined;
      const kind = c.kind ?? (c.profile !== undefined ? 'adaptive' : 'static');
      if (kind === 'adaptive' && staticKeys) {
        ctx.addIssue({
          code: 'custom',
          path: [c.maxPackets !== undefined ? 'maxPackets' : 'maxUsecs'],
          message:
            'maxPackets/maxUsecs are static thresholds; adaptive coalescing picks its own (set profile instead)',
        });
      } else if (kind === 'static' && c.profile !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['profile'],
          message: 'profile applies to adaptive coalescing only',
        });
      }
    })
    .transform((value) => {
      const c = value as CoalescingInput;
      return { ...c, kind: c.kind ?? (c.profile !== undefined ? 'adaptive' : 'static') };
    });
  // `off` is `{maxPackets: 0}` (0 in either NOTF_COAL field notifies every packet), said in words.
  const off = z
    .literal('off')
    .meta({ title: 'every packet (no coalescing)' })
    .transform(() => ({ kind: 'static' as const, maxPackets: 0 }));
  return z.union([off, z.enum(['adaptive', 'static']).transform((kind) => ({ kind })), checked], {
    error: 'expected off, adaptive, static, or {maxPackets: N, maxUsecs: DURATION}',
  });
}

/**
 * One distribution for every key, or a partial map key → distribution (the rest keep their
 * defaults). Keys are checked by a refinement rather than a strict object: zod lets an object
 * with only unknown keys win a union, which would answer a mistyped `{dist: expo}` with
 * "unknown class dist" instead of "unknown distribution expo".
 */
export function classMapForm(keys: readonly string[]): z.ZodType {
  const everyKey = (d: DistSpec): Record<string, DistSpec> => Object.fromEntries(keys.map((k) => [k, d]));
  const map = z
    .record(z.string(), distribution('duration'))
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (!keys.includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `unknown command class '${key}'${didYouMean(key, keys)}`,
            params: { allowed: keys.join(', ') },
          });
        }
      }
    })
    .meta({ propertyNames: { enum: [...keys] } });
  return z.union([distribution('duration').transform(everyKey), map]);
}
