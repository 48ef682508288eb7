/**
 * Platform service times of the admin-queue command classes (`adminq.service.<CLASS>`), in ns.
 * The talk's classes are not standard opcodes (facts.md §1), so no device publishes them; the
 * values are estimates anchored on the one public firmware measurement (mlx5: ≈ 1.1 ms per
 * command that creates or modifies a hardware queue object, facts.md §6). Commands that only
 * read or write a firmware table are taken as tens of µs. All are exponential: admin-queue
 * contention and QoS studies are about variability, and M/M/c checks need it.
 */
import { COMMAND_CLASSES, type CommandClass } from '../model/config.js';
import { ms, us } from '../util/units.js';
import { exponential, type ProfileParam } from './profile.js';

const TABLE_ACCESS =
  'estimate: a firmware table read or write with no hardware object change, tens of µs; no public measurement ' +
  "(the talk's classes are not standard opcodes, facts.md §1)";
const VQ_OBJECT =
  'facts.md §6 "Firmware command latency": creating or modifying a hardware queue object costs ≈ 1.1 ms, ' +
  '= 37 ms suspend / 32 VQs (mlx5, "vdpa/mlx5: Parallelize device suspend/resume", Tatulea, Aug 2024) [meas, derived]';

interface ClassCost {
  meanNs: number;
  range: string;
  source: string;
}

const CLASSES: Record<CommandClass, ClassCost> = {
  FEAT: { meanNs: us(20), range: '5–200 µs', source: `${TABLE_ACCESS}: feature word` },
  STATUS: {
    meanNs: us(50),
    range: '10 µs–1.1 ms',
    source: `${TABLE_ACCESS}: status word; longer when DRIVER_OK or reset starts or stops queues`,
  },
  GENERATION: { meanNs: us(10), range: '2–100 µs', source: `${TABLE_ACCESS}: a counter read` },
  CONFIG: {
    meanNs: us(20),
    range: '5–200 µs',
    source: `${TABLE_ACCESS}: ≈ 28-byte virtio_net_config (facts.md §1)`,
  },
  MSI: {
    meanNs: us(50),
    range: '10–500 µs',
    source: `${TABLE_ACCESS}: store one 16-byte message (address, data) and its mask in the device's message store`,
  },
  VQ_ADDR: {
    meanNs: us(20),
    range: '5–200 µs',
    source: `${TABLE_ACCESS}: three ring addresses into the queue context`,
  },
  VQ_ENABLE: { meanNs: ms(1.1), range: '0.5–1.5 ms', source: `${VQ_OBJECT}; enabling a VQ instantiates it` },
  VQ_SIZE: {
    meanNs: us(20),
    range: '5–200 µs',
    source: `${TABLE_ACCESS}: queue size into the queue context`,
  },
  VQ_NOTIFY: { meanNs: us(20), range: '5–200 µs', source: `${TABLE_ACCESS}: returns the notify offset` },
  CREATE: {
    meanNs: ms(5),
    range: '0.5–50 ms',
    source:
      'estimate: as transport.createService, contexts plus ≈ 3–5 firmware operations at ≈ 1.1 ms (facts.md §6)',
  },
  DESTROY: {
    meanNs: ms(2),
    range: '0.5–20 ms',
    source: 'estimate: release the contexts with ≈ 1–2 firmware operations at ≈ 1.1 ms (facts.md §6)',
  },
  LEGACY_CFG_WRITE: {
    meanNs: us(20),
    range: '5–200 µs',
    source: `${TABLE_ACCESS}; one trapped legacy register access = one admin command (facts.md §1 "Legacy-access commands")`,
  },
  LEGACY_CFG_READ: {
    meanNs: us(20),
    range: '5–200 µs',
    source: `${TABLE_ACCESS}; one trapped legacy register access = one admin command (facts.md §1 "Legacy-access commands")`,
  },
  DEV_PARTS_GET: {
    meanNs: ms(2.5),
    range: '0.5–10 ms',
    source:
      "estimate: reading a member's device parts (migration state) is taken as a parallel suspend, 2.5 ms for 32 VQs " +
      '(facts.md §5 "mlx5_vdpa suspend/resume") [meas, used as an analogue]',
  },
  DEV_PARTS_SET: {
    meanNs: ms(5),
    range: '0.5–20 ms',
    source:
      'estimate: writing device parts is taken as a parallel resume, 5 ms for 32 VQs ' +
      '(facts.md §5 "mlx5_vdpa suspend/resume") [meas, used as an analogue]',
  },
  DEV_MODE_SET: {
    meanNs: ms(1.1),
    range: '1.1–37 ms',
    source:
      'facts.md §5 "mlx5_vdpa suspend/resume": stop/resume issues one firmware command per VQ; in parallel a small ' +
      'instance costs ≈ one 1.1 ms command, serially 32 VQs cost 37 ms [meas, derived]',
  },
};

export const ADMINQ_SERVICE_PARAMS: ProfileParam[] = COMMAND_CLASSES.map((c) => {
  const cost = CLASSES[c];
  return {
    path: `adminq.service.${c}`,
    value: exponential(cost.meanNs),
    unit: 'dist(ns)',
    range: cost.range,
    source: cost.source,
  };
});
