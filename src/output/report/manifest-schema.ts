import { z } from 'zod';
import { CLAUSE_OPS, LABEL_COLUMNS } from '../../scenario/metric-clause.js';
import type { ResultManifest } from '../charts/result-data.js';

/**
 * What the report needs of `manifest.json`. Lenient where it only displays a value (unknown
 * fields pass through, `rng` may be a name or an object) and strict where it computes with one
 * (points, swept parameters, chart declarations), so a manifest from an older version still
 * yields a report.
 */
const paramValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const chartDeclaration = z.object({
  name: z.string().min(1),
  x: z.string().min(1),
  y: z.string().min(1),
  color: z.string().optional(),
  facet: z.string().optional(),
  kind: z.enum(['line', 'bar', 'quantiles', 'instances']).optional(),
});

const paramScalar = z.union([z.string(), z.number(), z.boolean()]);

const expectation = z.object({
  text: z.string().optional(),
  where: z.record(z.string(), z.array(paramScalar)).default({}),
  group: z.string().default('all'),
  checks: z
    .array(
      z.union([
        z.object({ metric: z.string(), op: z.enum(CLAUSE_OPS), value: z.number(), text: z.string() }),
        z.object({
          column: z.enum(LABEL_COLUMNS),
          op: z.enum(['==', '!=']),
          value: z.string(),
          text: z.string(),
        }),
      ]),
    )
    .default([]),
  unchecked: z.string().optional(),
});

export const manifestSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  scenario: z.unknown().optional(),
  scenario_hash: z.string().optional(),
  seed: z.union([z.number(), z.string()]).optional(),
  replications: z.number().optional(),
  rng: z.unknown().optional(),
  stream_names: z.unknown().optional(),
  version: z.string().optional(),
  git_commit: z.string().nullable().optional(),
  points: z.array(z.looseObject({ point: z.number(), params: z.record(z.string(), paramValue) })).default([]),
  swept: z.array(z.string()).default([]),
  fingerprint: z.string().optional(),
  timings: z.record(z.string(), z.unknown()).optional(),
  warnings: z.array(z.string()).optional(),
  charts: z.array(chartDeclaration).optional(),
  expect: z.array(expectation).optional(),
}) satisfies z.ZodType<ResultManifest, unknown>;
