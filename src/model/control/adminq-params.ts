/**
 * Section `adminq`: the admin virtqueues — how many rings, how deep, how many device workers,
 * the arbitration policy across rings, the service time per command class, and how the driver
 * waits and retries. Hardware and driver values come from the parent profile; the policy and
 * its weights are the study's choice.
 */
import type { DistSpec } from '../../random/distribution.js';
import { ADMINQ_MODES, COMMAND_CLASSES, type CommandClass, DRIVER_WAITS } from '../config.js';
import {
  byDefault,
  choice,
  count,
  derived,
  duration,
  group,
  latency,
  list,
  type Param,
  real,
  section,
  strategy,
  unless,
} from '../params/param.js';

/** Retries happen only when the device refuses commands. */
const REFUSES = unless(
  'adminq.heavyLimit',
  ['0'],
  'adminq.heavyLimit is 0: the device never answers EAGAIN, so nothing retries',
);

const service = Object.fromEntries(
  COMMAND_CLASSES.map((c) => [c, latency({ description: `Device service time of one ${c} command.` })]),
) as { readonly [C in CommandClass]: Param<DistSpec> };

export const ADMINQ = section(
  'adminq',
  'Admin virtqueues: queues, device workers, QoS policy and per-class service times.',
  {
    queues: count(
      { min: 1, max: 65_535, why: 'admin_queue_num is 16 bits' },
      {
        unit: 'queues',
        title: 'admin queues',
        description: 'Admin virtqueues (admin_queue_num); FIFO within one, free arbitration across them.',
        cite: ['virtio-admin'],
      },
    ),
    depth: count(
      { min: 1, max: 32_768 },
      {
        unit: 'entries',
        description: 'Entries per admin queue (Linux NVMe admin queue: 32).',
        cite: ['linux-nvme-admin'],
      },
    ),
    workers: count(
      { min: 1, max: 1_000_000 },
      { unit: 'workers', description: 'Device-side workers executing admin commands in parallel.' },
    ),
    policy: strategy('qos', { description: 'Arbitration across admin queues', origin: byDefault('fifo') }),
    weights: list({ type: 'real', min: 0, max: Number.MAX_VALUE, exclusiveMin: true }, 1, {
      unit: 'weights',
      description: 'DRR weight of each admin queue (one per queue, > 0). Default: 1 for every queue.',
      origin: derived('1 for every queue'),
    }),
    quantum: count(
      { min: 1, max: 1_000_000 },
      {
        unit: 'commands',
        description: 'DRR quantum: commands per round per unit of weight.',
        origin: byDefault(1),
        cite: ['shreedhar-drr-1995'],
      },
    ),
    service: group(
      `Device service time per admin command: one distribution for every class, or a map from class (${COMMAND_CLASSES.join(', ')}) to a distribution.`,
      service,
      { shorthand: 'classMap' },
    ),
    mode: choice(ADMINQ_MODES, {
      description:
        'async: many commands in flight (Linux ≥ 6.11); sync: one command per queue at a time under a mutex, busy polling for its completion (Linux 6.8–6.10).',
      cite: ['linux-virtio-pci-admin'],
    }),
    driverWait: choice(DRIVER_WAITS, {
      description:
        'How a submitter waits for a free ring entry (and for the driver mutex in sync mode): spin = host CPU busy for the time waited (the Linux cpu_relax() loop); sleep = no CPU.',
      cite: ['linux-virtio-pci-admin'],
    }),
    retryBackoff: duration({
      description: 'Driver wait before retrying a command the device answered EAGAIN.',
      appliesWhen: [REFUSES],
    }),
    retryBackoffFactor: real(
      { min: 1, max: 100 },
      {
        unit: '×',
        description: 'Backoff multiplier per consecutive retry (1 = constant).',
        appliesWhen: [REFUSES],
      },
    ),
    retryBackoffMax: duration({
      description: 'Ceiling of one backoff wait, however many retries came before.',
      appliesWhen: [REFUSES],
    }),
    deviceInflightLimit: count(
      { min: 1, max: 1_000_000_000 },
      {
        unit: 'commands',
        title: 'device in-flight limit',
        description:
          'Most commands the device has fetched from the rings and not completed: with workers, the device takes a command only when both have room.',
      },
    ),
    heavyLimit: count(
      { min: 0, max: 1_000_000_000 },
      {
        unit: 'commands',
        description:
          'Heavy commands (CREATE, DESTROY, VQ object commands) the device runs at once; it answers EAGAIN (resource busy) to one more, and the driver retries with backoff. 0 = no limit, never EAGAIN.',
        cite: ['virtio-admin'],
      },
    ),
    refusal: duration({
      description: 'Device time to answer a command EAGAIN (a worker is held meanwhile).',
      appliesWhen: [REFUSES],
    }),
    submit: duration({
      description: 'Driver-side cost of submitting one command (descriptors, headers, doorbell).',
    }),
  },
  { title: 'admin-queue' },
);
