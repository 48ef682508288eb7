/**
 * Platform service times of the admin-queue command classes (`adminq.service.<CLASS>`), in ns.
 * The talk's classes are not standard opcodes [[virtio-admin]], so no device publishes them;
 * the values are estimates anchored on the one public firmware measurement (mlx5: ≈ 1.1 ms per
 * command that creates or modifies a hardware queue object [[mlx5-vdpa-suspend-2024]]).
 * Commands that only read or write a firmware table are taken as tens of µs. All are
 * exponential: admin-queue contention and QoS studies are about variability, and M/M/c checks
 * need it.
 */
import type { SourceKey } from '../bibliography/bibliography.js';
import { COMMAND_CLASSES, type CommandClass } from '../model/config.js';
import { ms, us } from '../util/units.js';
import { type Basis, between, exponential, type ParamRange, type ProfileParam } from './profile.js';

const TABLE_ACCESS =
  'a firmware table read or write with no hardware object change, tens of µs; no public measurement ' +
  "(the talk's classes are not standard opcodes)";

interface ClassCost {
  meanNs: number;
  range: ParamRange;
  basis: Basis;
  cite: SourceKey[];
  note: string;
}

const table = (meanNs: number, range: ParamRange, what: string, cite: SourceKey[] = []): ClassCost => ({
  meanNs,
  range,
  basis: 'estimate',
  cite: ['virtio-admin', ...cite],
  note: `${TABLE_ACCESS}: ${what}`,
});

const CLASSES: Record<CommandClass, ClassCost> = {
  FEAT: table(us(20), between(us(5), us(200)), 'feature word'),
  STATUS: table(
    us(50),
    between(us(10), ms(1.1)),
    'status word; longer when DRIVER_OK or reset starts or stops queues',
  ),
  GENERATION: table(us(10), between(us(2), us(100)), 'a counter read'),
  CONFIG: table(us(20), between(us(5), us(200)), 'the ≈ 28-byte virtio_net_config', ['virtio-net']),
  MSI: table(
    us(50),
    between(us(10), us(500)),
    "store one 16-byte message (address, data) and its mask in the device's message store",
  ),
  VQ_ADDR: table(us(20), between(us(5), us(200)), 'three ring addresses into the queue context'),
  VQ_ENABLE: {
    meanNs: ms(1.1),
    range: between(ms(0.5), ms(1.5)),
    basis: 'derived',
    cite: ['mlx5-vdpa-suspend-2024'],
    note:
      'creating or modifying a hardware queue object costs ≈ 1.1 ms = 37 ms suspend / 32 VQs on mlx5; ' +
      'enabling a VQ instantiates it',
  },
  VQ_SIZE: table(us(20), between(us(5), us(200)), 'queue size into the queue context'),
  VQ_NOTIFY: table(us(20), between(us(5), us(200)), 'returns the notify offset'),
  CREATE: {
    meanNs: ms(5),
    range: between(ms(0.5), ms(50)),
    basis: 'estimate',
    cite: ['mlx5-vdpa-suspend-2024'],
    note: 'as transport.createService: contexts plus ≈ 3–5 firmware operations at ≈ 1.1 ms',
  },
  DESTROY: {
    meanNs: ms(2),
    range: between(ms(0.5), ms(20)),
    basis: 'estimate',
    cite: ['mlx5-vdpa-suspend-2024'],
    note: 'release the contexts with ≈ 1–2 firmware operations at ≈ 1.1 ms',
  },
  LEGACY_CFG_WRITE: table(
    us(20),
    between(us(5), us(200)),
    'one trapped legacy register access = one admin command',
    ['virtio-admin-legacy'],
  ),
  LEGACY_CFG_READ: table(
    us(20),
    between(us(5), us(200)),
    'one trapped legacy register access = one admin command',
    ['virtio-admin-legacy'],
  ),
  DEV_PARTS_GET: {
    meanNs: ms(2.5),
    range: between(ms(0.5), ms(10)),
    basis: 'estimate',
    cite: ['virtio-admin-parts', 'mlx5-vdpa-suspend-2024'],
    note: "reading a member's device parts (migration state) is taken as a parallel suspend: 2.5 ms for 32 VQs",
  },
  DEV_PARTS_SET: {
    meanNs: ms(5),
    range: between(ms(0.5), ms(20)),
    basis: 'estimate',
    cite: ['virtio-admin-parts', 'mlx5-vdpa-suspend-2024'],
    note: 'writing device parts is taken as a parallel resume: 5 ms for 32 VQs',
  },
  DEV_MODE_SET: {
    meanNs: ms(1.1),
    range: between(ms(1.1), ms(37)),
    basis: 'derived',
    cite: ['virtio-admin-parts', 'mlx5-vdpa-suspend-2024'],
    note:
      'stop/resume issues one firmware command per VQ; in parallel a small instance costs ≈ one 1.1 ms ' +
      'command, serially 32 VQs cost 37 ms',
  },
};

export const ADMINQ_SERVICE_PARAMS: ProfileParam[] = COMMAND_CLASSES.map((c) => {
  const { meanNs, ...cost } = CLASSES[c];
  return { path: `adminq.service.${c}`, value: exponential(meanNs), unit: 'dist(ns)', ...cost };
});
