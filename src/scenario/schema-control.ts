/**
 * Scenario sections `adminq`, `host` and `provisioning`: the control-plane costs behind the
 * strategies a study compares. (The model's other sections are built from their parameter
 * declarations; these follow when the control plane declares its parameters.)
 */
import { z } from 'zod';
import {
  ADMINQ_MODES,
  ADMINQ_POLICIES,
  COMMAND_CLASSES,
  type CommandClass,
  DRIVER_WAITS,
} from '../model/config.js';
import type { DistSpec } from '../random/distribution.js';
import { distribution } from './distribution-schema.js';
import { count, duration, eventRate, real } from './quantity.js';
import { didYouMean } from './suggest.js';

const allClasses = (d: DistSpec): Record<CommandClass, DistSpec> =>
  Object.fromEntries(COMMAND_CLASSES.map((c) => [c, d])) as Record<CommandClass, DistSpec>;

/**
 * A map class → distribution. Keys are checked by a refinement rather than an enum key type:
 * zod lets an object with only unknown keys win a union, which would answer a mistyped
 * `{dist: expo}` with "unknown class dist" instead of "unknown distribution expo".
 */
const classMapSchema = z
  .record(z.string(), distribution('duration'))
  .superRefine((map, ctx) => {
    for (const key of Object.keys(map)) {
      if (!(COMMAND_CLASSES as readonly string[]).includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `unknown command class '${key}'${didYouMean(key, COMMAND_CLASSES)}`,
          params: { allowed: COMMAND_CLASSES.join(', ') },
        });
      }
    }
  })
  .meta({ propertyNames: { enum: [...COMMAND_CLASSES] } });

/** One distribution for every class, or a partial map class → distribution (the rest keep their defaults). */
const serviceSchema = z
  .union([distribution('duration').transform(allClasses), classMapSchema])
  .describe(
    `Device service time per admin command: one distribution for every class, or a map from class (${COMMAND_CLASSES.join(', ')}) to a distribution.`,
  );

export const adminqSchema = z
  .strictObject({
    queues: count(1, 65_535, 'admin_queue_num is 16 bits')
      .optional()
      .describe('Admin virtqueues (admin_queue_num); FIFO within one, free arbitration across them.')
      .meta({ title: 'admin queues' }),
    depth: count(1, 32_768).optional().describe('Entries per admin queue (Linux NVMe admin queue: 32).'),
    workers: count(1, 1_000_000)
      .optional()
      .describe('Device-side workers executing admin commands in parallel.'),
    policy: z
      .enum(ADMINQ_POLICIES)
      .optional()
      .describe(
        'Arbitration across admin queues: fifo (one queue), priority (queue 0 first, non-preemptive), drr (deficit round robin with weights).',
      ),
    weights: z
      .array(real(0, Number.MAX_VALUE, true))
      .min(1, 'list one weight per admin queue')
      .optional()
      .describe('DRR weight of each admin queue (one per queue, > 0). Default: 1 for every queue.'),
    quantum: count(1, 1_000_000).optional().describe('DRR quantum: commands per round per unit of weight.'),
    service: serviceSchema.optional(),
    mode: z
      .enum(ADMINQ_MODES)
      .optional()
      .describe(
        'async: many commands in flight (Linux ≥ 6.11); sync: one command per queue at a time under a mutex, busy polling for its completion (Linux 6.8–6.10).',
      ),
    driverWait: z
      .enum(DRIVER_WAITS)
      .optional()
      .describe(
        'How a submitter waits for a free ring entry (and for the driver mutex in sync mode): spin = host CPU busy for the time waited (the Linux cpu_relax() loop); sleep = no CPU.',
      ),
    retryBackoff: duration()
      .optional()
      .describe('Driver wait before retrying a command the device answered EAGAIN.'),
    retryBackoffFactor: real(1, 100)
      .optional()
      .describe('Backoff multiplier per consecutive retry (1 = constant).'),
    retryBackoffMax: duration()
      .optional()
      .describe('Ceiling of one backoff wait, however many retries came before.'),
    deviceInflightLimit: count(1, 1_000_000_000)
      .optional()
      .describe(
        'Most commands the device has fetched from the rings and not completed: with workers, the device takes a command only when both have room.',
      )
      .meta({ title: 'device in-flight limit' }),
    heavyLimit: count(0, 1_000_000_000)
      .optional()
      .describe(
        'Heavy commands (CREATE, DESTROY, VQ object commands) the device runs at once; it answers EAGAIN (resource busy) to one more, and the driver retries with backoff. 0 = no limit, never EAGAIN.',
      ),
    refusal: duration()
      .optional()
      .describe('Device time to answer a command EAGAIN (a worker is held meanwhile).'),
    submit: duration()
      .optional()
      .describe('Driver-side cost of submitting one command (descriptors, headers, doorbell).'),
  })
  .describe('Admin virtqueues: queues, device workers, QoS policy and per-class service times.')
  .meta({ title: 'admin-queue' });

export const hostSchema = z
  .strictObject({
    cores: count(1, 4096)
      .optional()
      .describe('Host mediation cores (software CVQ decode, netlink path, polling, interrupt handling).'),
    swCvqDecode: distribution('duration')
      .optional()
      .describe('Software CVQ decode cost per command on a host core.'),
  })
  .describe('Host software resources.')
  .meta({ title: 'host' });

export const provisioningSchema = z
  .strictObject({
    start: z
      .enum(['ready', 'burst'])
      .optional()
      .describe(
        'ready: every instance exists at time zero; burst: all are requested at time zero (provisioning study).',
      ),
    concurrency: count(1, 1_000_000_000)
      .optional()
      .describe(
        'Creations and teardowns the orchestrator runs at once (its concurrent callers); further requests wait, in request order.',
      ),
    netlinkService: distribution('duration')
      .optional()
      .describe('Host software cost of one netlink `vdpa dev add`.'),
    netlinkPerInstance: duration()
      .optional()
      .describe(
        'Extra netlink cost per existing instance (management tools that list every port on each call).',
      ),
    churn: z
      .strictObject({
        create: eventRate()
          .optional()
          .describe('Instance creations per second while traffic runs (whole device), e.g. 10/s.'),
        destroy: eventRate()
          .optional()
          .describe('Instance destructions per second while traffic runs (whole device).'),
      })
      .optional()
      .describe('Instances created and destroyed while the workload runs.'),
  })
  .describe('Instance creation.')
  .meta({ title: 'provisioning' });
