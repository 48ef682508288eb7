/**
 * The `expect` entry of a scenario as written (scenario-schema.ts includes it; expectations.ts
 * checks it against the sweep): prose, or `{text, where, group, check}`.
 */
import { z } from 'zod';
import { CLAUSE_OPS } from './metric-clause.js';

const clauseText = z
  .string()
  .min(1)
  .describe(
    `A checkable clause METRIC OP VALUE (OP: ${CLAUSE_OPS.join(' ')}), e.g. ctrl_latency_p99_us < 3000, or what binds: bottleneck == RESOURCE, limit_resource == RESOURCE (none for nothing).`,
  );

export const expectationSchema = z
  .union(
    [
      z.string().min(1).max(10_000).describe('An expectation in prose, shown in the report.'),
      z.strictObject({
        text: z.string().max(10_000).optional().describe('The expectation in prose.'),
        where: z
          .record(z.string(), z.unknown())
          .optional()
          .describe(
            'The points the checks apply to: swept parameter path → a value or a list of values, written as in the sweep. Default: every point.',
          ),
        group: z
          .string()
          .optional()
          .describe(
            'The tenant (workload group name) whose metrics the checks read. Default: all (the aggregate).',
          ),
        check: z
          .union([clauseText, z.array(clauseText).min(1).max(100)])
          .optional()
          .describe('Clauses on the replication mean at each selected point; the report marks each ✔ or ✘.'),
      }),
    ],
    { error: 'expected prose, or {text, where, group, check}' },
  )
  .describe('One expectation of the study.');

export type ExpectationInput = z.output<typeof expectationSchema>;
