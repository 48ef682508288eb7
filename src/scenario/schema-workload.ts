/**
 * Scenario section `workload`: instances split into groups (tenants), each with its own data
 * traffic and control load. Rates are per instance; `share` or `count` sizes the group.
 */
import { z } from 'zod';
import { CONTROL_OPS } from '../model/config.js';
import { distribution } from './distribution-schema.js';
import { count, duration, eventRate, real, size, trafficRate } from './quantity.js';

/** Most instances one simulation may hold (typed arrays of a few bytes per instance). */
export const MAX_INSTANCES = 10_000_000;
/** Most workload groups (instances store their group in 16 bits; reports need far fewer). */
export const MAX_GROUPS = 4096;
export const GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const localitySchema = z
  .union(
    [
      z.literal('uniform').transform(() => ({ kind: 'uniform' as const })),
      z
        .strictObject({ zipf: real(0, 100, true).describe('Zipf exponent (> 0; ≈ 1 is typical).') })
        .transform((l) => ({ kind: 'zipf' as const, exponent: l.zipf })),
    ],
    { error: 'expected uniform or {zipf: EXPONENT}, e.g. {zipf: 1.1}' },
  )
  .describe(
    'Which pages of the working set a DMA touches: uniform, or {zipf: exponent} (popular pages first).',
  );

const trafficSchema = z
  .strictObject({
    rate: trafficRate()
      .optional()
      .describe(
        'Offered load per instance: a packet rate (20kpps) or a bit rate (10Gbps, divided by the mean packet size).',
      ),
    arrival: z
      .enum(['poisson', 'onoff', 'constant'])
      .optional()
      .describe(
        'Packet arrivals: poisson, onoff (bursts: exponential on/off periods, rate applies while on), constant.',
      ),
    onMean: duration({ min: 0, exclusiveMin: true }).optional().describe('onoff: mean on period.'),
    offMean: duration({ min: 0, exclusiveMin: true }).optional().describe('onoff: mean off period.'),
    packetSize: distribution('size')
      .optional()
      .describe(
        'Packet size: a size (1500B) or a distribution of sizes, e.g. {dist: empirical, values: [64B, 1500B]}.',
      ),
    direction: z
      .enum(['rx', 'tx', 'both'])
      .optional()
      .describe('rx (from the wire), tx (from the guest) or both (half each).'),
    workingSet: size({ min: 1 })
      .optional()
      .describe('Buffer memory one instance touches, e.g. 256KiB; mapped in pages of iommu.iotlb.pageSize.'),
    locality: localitySchema.optional(),
  })
  .describe('Data traffic of each instance of the group. Without it the group sends no packets.');

const controlSchema = z
  .strictObject({
    rate: eventRate().optional().describe('Control operations per second per instance, e.g. 50/s.'),
    ops: z
      .partialRecord(z.enum(CONTROL_OPS), real(0).describe('Relative weight of the operation.'))
      .optional()
      .describe(`Operation mix, op → weight: ${CONTROL_OPS.join(', ')}. Default: config-read only.`),
    limit: z
      .strictObject({
        rate: eventRate({ min: 0, exclusiveMin: true }).describe('Sustained rate of the tenant, e.g. 5k/s.'),
        burst: count(1).describe('Bucket size: operations admitted back to back.'),
      })
      .optional()
      .describe("Token bucket over the whole group's control operations, whatever the admin-queue policy."),
  })
  .describe('Control load of each instance of the group. Without it the group issues no control operations.');

export const groupSchema = z
  .strictObject({
    name: z
      .string({ error: 'a group needs a name' })
      .regex(GROUP_NAME, "use letters, digits, '-' and '_' (it names the group in groups.csv)")
      .max(64, 'at most 64 characters')
      .describe("Tenant name, unique; 'all' is reserved for the aggregate."),
    share: real(0, 1, true).optional().describe('Fraction of `instances` in this group (shares sum to 1).'),
    count: count(0, MAX_INSTANCES)
      .optional()
      .describe('Instances in this group (counts sum to `instances`).'),
    traffic: trafficSchema.optional(),
    control: controlSchema.optional(),
    adminQueue: count(0, 65_534)
      .optional()
      .describe("Admin queue this tenant's commands use (< adminq.queues). Default: 0."),
  })
  .describe('One tenant: a share or count of the instances with its own traffic and control load.');

export const workloadSchema = z
  .strictObject({
    groups: z
      .array(groupSchema)
      .min(1, 'list at least one group')
      .max(MAX_GROUPS, `at most ${MAX_GROUPS} groups`)
      .describe('The tenants. Default: one group `default` with every instance and no traffic.'),
  })
  .describe('What the instances do: groups (tenants) with per-instance traffic and control rates.');
