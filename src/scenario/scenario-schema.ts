/**
 * The scenario file (README, "Scenario files"): every key, its unit and its validator, with a
 * description that `vdpascale schema` turns into editor help. The model's sections are built
 * from their parameter declarations (param-schema.ts); run control, the sweep and the charts
 * are declared here. Objects are strict: an unknown key is an error with a suggestion. Zod
 * defaults are deliberately not used — a parsed scenario holds exactly what the user wrote, so
 * the loader can tell a user choice from a default (for warnings) and layer defaults ← profile
 * ← scenario itself.
 */
import { z } from 'zod';
import { BLK } from '../model/blk/blk-params.js';
import { ADMINQ } from '../model/control/adminq-params.js';
import { PROVISIONING } from '../model/control/provisioning-params.js';
import { TRANSPORT } from '../model/control/transport-params.js';
import { DEVICE } from '../model/data-path/device-params.js';
import { FIDELITY } from '../model/data-path/fidelity-params.js';
import { HOST } from '../model/host-params.js';
import { INTERRUPTS } from '../model/interrupts/interrupt-params.js';
import { IOMMU } from '../model/iommu/iommu-params.js';
import { LIMITS } from '../model/limits.js';
import { ROOT } from '../model/root-params.js';
import { STRATEGY } from '../model/strategy-params.js';
import { WORKLOAD } from '../model/workload-params.js';
import { expectationSchema } from './expectation-schema.js';
import { listElementSchema, rootShape, sectionShape } from './param-schema.js';
import { count, duration } from './quantity.js';

/** One workload group as a scenario writes it (resolve-groups.ts turns it into a GroupConfig). */
export const workloadGroupSchema = listElementSchema(WORKLOAD.shape.groups);

/** A scenario name is a folder name: this pattern cannot express `..`, `/` or a hidden file. */
export const SCENARIO_NAME = /^[a-z0-9-]+$/;
export const MAX_REPLICATIONS = 1_000_000;
export const CHART_KINDS = ['line', 'bar', 'quantiles', 'instances'] as const;

const sweepLists = (how: string) =>
  z
    .record(
      z.string().describe('A dotted parameter path, e.g. adminq.workers or workload.groups[1].share.'),
      z.array(z.unknown()).min(1, 'list at least one value').describe('Values, each written as in the file.'),
    )
    .optional()
    .describe(how);

export const sweepSchema = z
  .strictObject({
    grid: sweepLists('Cartesian product: every combination; the first key varies slowest.'),
    zip: sweepLists('Lockstep: lists of equal length, varied together (the i-th values form one point).'),
  })
  .describe('Parameter study: grid × zip points; replications run innermost.');

const chartSchema = z
  .strictObject({
    name: z
      .string()
      .regex(SCENARIO_NAME, "use lowercase letters, digits and '-' (it names the chart's files)")
      .max(100)
      .optional()
      .describe('File name of the chart (charts/NAME.svg). Default: derived from y and x.'),
    x: z.string().describe('x axis: a swept parameter path, `group` or `quantile`.'),
    y: z.string().describe('y axis: a metric name, e.g. ctrl_latency_p99_us.'),
    color: z.string().optional().describe('Color by a swept parameter path or `group`.'),
    facet: z.string().optional().describe('Small multiples by a swept parameter path or `group`.'),
    kind: z
      .enum(CHART_KINDS)
      .optional()
      .describe('line (default), bar, quantiles (p50/p99/p99.9), instances.'),
  })
  .describe('One chart of the report.');

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Ignored by vdpascale: points editors at this JSON Schema.'),
    extends: z
      .string()
      .optional()
      .describe(
        'A base scenario file (relative to this one) merged underneath: objects merge key by key, lists replace, null removes a key.',
      ),
    name: z
      .string({ error: 'missing: every scenario needs a name' })
      .regex(SCENARIO_NAME, "use lowercase letters, digits and '-' only: the name becomes the result folder")
      .max(100, 'at most 100 characters')
      .describe('Names the result folder results/NAME: lowercase letters, digits and -.'),
    description: z
      .string()
      .max(100_000)
      .optional()
      .describe('What the scenario studies and the result it expects.'),
    seed: count(0).optional().describe('Master seed; with the replication index it fixes every random draw.'),
    duration: duration({ min: 0, exclusiveMin: true }).describe(
      'Simulated time measured after the warm-up, e.g. 200ms.',
    ),
    warmup: duration()
      .optional()
      .describe('Simulated time before measurement starts (statistics discarded), e.g. 20ms.'),
    replications: count(1, MAX_REPLICATIONS)
      .optional()
      .describe('Independent replications per sweep point (confidence intervals need ≥ 2).'),
    ...rootShape(ROOT),
    ...sectionShape(STRATEGY),
    ...sectionShape(DEVICE),
    ...sectionShape(BLK),
    ...sectionShape(LIMITS),
    ...sectionShape(TRANSPORT),
    ...sectionShape(ADMINQ),
    ...sectionShape(IOMMU),
    ...sectionShape(INTERRUPTS),
    ...sectionShape(HOST),
    ...sectionShape(PROVISIONING),
    ...sectionShape(FIDELITY),
    ...sectionShape(WORKLOAD),
    sweep: sweepSchema.optional(),
    charts: z
      .array(chartSchema)
      .max(1000)
      .optional()
      .describe('Charts of the report (default: one per key metric).'),
    expect: z
      .array(expectationSchema)
      .max(1000)
      .optional()
      .describe(
        "What the study expects to find: prose, or checkable clauses (METRIC OP VALUE) on the points a selector picks; the report's Findings answer each with ✔ or ✘.",
      ),
  })
  .describe('A vdpascale scenario: what to simulate, for how long, and which parameters to sweep.');

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type ChartSpec = z.output<typeof chartSchema>;
