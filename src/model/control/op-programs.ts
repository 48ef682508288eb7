/**
 * How a control operation becomes a sequence of steps (docs/model.md, "Control plane"). Every operation is a
 * *program*: a list of steps run strictly one after another (the driver enforces the order of
 * one instance's commands; the spec leaves it to the driver). Programs depend only on the
 * configuration — every instance has the same shape — so they are built once per run.
 *
 * A COMMAND step is one transport transaction of a class; it also carries the register
 * accesses (posted writes, non-posted reads) it takes on a register transport (per-vf,
 * managed-cap), counted from the virtio-pci common configuration layout [[virtio-pci]] and the
 * Linux vp_modern driver:
 * 64-bit fields are written as two 32-bit halves, a queue register is preceded by a
 * `queue_select` write. Message transports (device-cmd-cap, admin-vq, vendor) send the whole
 * step as one command and ignore the counts.
 */
import { blkCapacityReads, blkConfigReads } from '../blk/blk-config-space.js';
import {
  CONTROL_OPS,
  type CommandClass,
  type ControlOp,
  CVQ_OPS,
  DEVICE_TYPES,
  type DeviceType,
  type ModelConfig,
} from '../config.js';
import type { InstanceShape } from '../instance-shape.js';
import type { InterruptMode } from '../interrupts/interrupt-mode.js';
import type { IsolationMode } from '../iommu/isolation-mode.js';
import { CLASS_CODE } from './command-class.js';
import type { CvqMode } from './strategy-ports.js';

export const StepKind = {
  /** One transport command. */
  COMMAND: 0,
  /** One command on the instance's own hardware CVQ. */
  HW_CVQ: 1,
  /** A host mediation core decodes a software-CVQ command. */
  SW_DECODE: 2,
  /** Take the global vDPA management lock (vdpa_dev_lock). */
  MGMT_LOCK: 3,
  /** Host software cost of the management request (registration or removal). */
  MGMT_HOST: 4,
  /** Release the global vDPA management lock. */
  MGMT_UNLOCK: 5,
  /** The device MMU builds the instance's memory keys (`iommu.deviceMmu.keyBuild`). */
  KEY_BUILD: 6,
} as const;
export type StepKindValue = (typeof StepKind)[keyof typeof StepKind];

export interface Step {
  readonly kind: StepKindValue;
  /** Command class code (COMMAND steps). */
  readonly cls: number;
  readonly writes: number;
  readonly reads: number;
  /** COMMAND steps: this many commands issued at once; the operation goes on when all are done (1 = one). */
  readonly fanOut?: number;
}

/** `step` issued `n` times at once (a parent applying a change to n VQs together). */
export const fanOut = (step: Step, n: number): Step => ({ ...step, fanOut: n });

/** Program index of each operation: the runtime ops in CONTROL_OPS order, then provisioning. */
export const OpKind = {
  PROVISION: CONTROL_OPS.length,
  TEARDOWN: CONTROL_OPS.length + 1,
} as const;
export const OP_KIND_COUNT = CONTROL_OPS.length + 2;
export function opKindOf(op: ControlOp): number {
  return CONTROL_OPS.indexOf(op);
}

const cmd = (cls: CommandClass, writes: number, reads: number): Step => ({
  kind: StepKind.COMMAND,
  cls: CLASS_CODE[cls],
  writes,
  reads,
});
/** A step that is not a transport command (a hardware CVQ command, a decode, a lock). */
export const special = (kind: StepKindValue): Step => ({ kind, cls: 0, writes: 0, reads: 0 });

/**
 * Register accesses per command (writes, reads). Provisioning and teardown:
 * - FEAT: device_feature_select + device_feature read, twice (64 feature bits), driver_feature
 *   select + value twice, then status FEATURES_OK written and read back: 7 writes, 3 reads.
 * - VQ_ADDR: queue_select + desc/driver/device addresses as two halves each: 7 writes.
 * - VQ_SIZE: queue_select, read the maximum queue_size, write the size: 2 writes, 1 read.
 * - VQ_NOTIFY: queue_select, read queue_notify_off: 1 write, 1 read.
 * - VQ_ENABLE: queue_select, write queue_enable (1 to enable, 0 in teardown): 2 writes.
 * - MSI (msix, shared): select the queue, write its msix vector, read it back (the device
 *   answers NO_VECTOR when it cannot map [[virtio-pci]]): 2 writes, 1 read.
 * - MSI (msi-store): the talk's virtio_pci_msix_cap: vector_select, address high/low, data,
 *   mask: 5 writes.
 * - STATUS: write the status byte (DRIVER_OK, or 0 = reset) and read it back: 1 write, 1 read.
 * Runtime:
 * - CONFIG read: config_generation before and after three 32-bit reads of mac/status/
 *   max_virtqueue_pairs/mtu (≈ 12 bytes of virtio_net_config): 5 reads.
 * - CONFIG write (software CVQ applying mac/rx-mode/vlan/coalescing): 2 writes.
 * - STATUS read, GENERATION read: 1 read.
 * CREATE and DESTROY have no register form; their cost is the transport's (VF creation,
 * managed-cap `create`, an admin or firmware command).
 * A blk instance (its shape: blk.numQueues VQs, no CVQ) also reads its virtio_blk_config after
 * FEAT (blk-config-space.ts: 12 reads); its runtime config read re-reads the capacity (4 reads)
 * and it has no CVQ commands.
 */
export const ACCESS = {
  create: cmd('CREATE', 0, 0),
  destroy: cmd('DESTROY', 0, 0),
  feat: cmd('FEAT', 7, 3),
  vqAddr: cmd('VQ_ADDR', 7, 0),
  vqSize: cmd('VQ_SIZE', 2, 1),
  vqNotify: cmd('VQ_NOTIFY', 1, 1),
  vqEnable: cmd('VQ_ENABLE', 2, 0),
  msiVector: cmd('MSI', 2, 1),
  msiStore: cmd('MSI', 5, 0),
  status: cmd('STATUS', 1, 1),
  configRead: cmd('CONFIG', 0, 5),
  configWrite: cmd('CONFIG', 2, 0),
  statusRead: cmd('STATUS', 0, 1),
  generationRead: cmd('GENERATION', 0, 1),
} as const;

/** The strategies an instance's programs depend on, and its shape. */
export interface ProgramStrategies {
  readonly cvq: CvqMode;
  readonly isolation: IsolationMode;
  readonly interrupts: InterruptMode;
  readonly shape: InstanceShape;
}

/** Interrupt entries an instance programs through the transport: one per vector or stored message. */
export function msiCommandsPerInstance(s: ProgramStrategies): number {
  return s.interrupts.programming === 'none' ? 0 : s.shape.vectors;
}

/** What the provisioning path wraps around the device's own sequence. */
export interface ProvisioningShape {
  /** CREATE and DESTROY run inside the management lock (netlink's dev_add / dev_del). */
  readonly createsUnderLock: boolean;
}

/**
 * Builds the program of every operation kind of one device type, indexed by `OpKind` /
 * `opKindOf`; `strategies.shape` is that type's instance shape.
 */
export function buildPrograms(
  config: ModelConfig,
  provisioning: ProvisioningShape,
  strategies: ProgramStrategies,
  device: DeviceType = 'net',
): Step[][] {
  const programs: Step[][] = [];
  for (const op of CONTROL_OPS) programs.push(runtimeProgram(config, op, strategies.cvq, device));
  const wholeProbe = config.provisioning.bus === 'virtio-vdpa';
  programs.push(wrapCreate(provisionSequence(config, strategies, device), provisioning, wholeProbe));
  programs.push(wrapTeardown(teardownSequence(strategies), provisioning, wholeProbe));
  return programs;
}

/** The programs of both device types, in DEVICE_TYPES order, each indexed by `OpKind`. */
export function buildProgramTables(
  config: ModelConfig,
  provisioning: ProvisioningShape,
  strategies: ProgramStrategies & { readonly blkShape: InstanceShape },
): Step[][][] {
  return DEVICE_TYPES.map((device) =>
    buildPrograms(
      config,
      provisioning,
      device === 'blk' ? { ...strategies, shape: strategies.blkShape } : strategies,
      device,
    ),
  );
}

function msiStep(s: ProgramStrategies): Step {
  return s.interrupts.programming === 'message' ? ACCESS.msiStore : ACCESS.msiVector;
}

/**
 * CREATE, FEAT, [memory keys], per VQ (ADDR, SIZE, NOTIFY, ENABLE), MSI per vector or message,
 * DRIVER_OK. With a device MMU the instance's guest memory is registered (mlx5_vdpa builds its
 * MKEYs in set_map) before any VQ can reference it, so the key build sits before VQ setup.
 */
export function provisionSequence(
  config: ModelConfig,
  s: ProgramStrategies,
  device: DeviceType = 'net',
): Step[] {
  const steps: Step[] = [ACCESS.create, ACCESS.feat];
  if (device === 'blk') steps.push(cmd('CONFIG', 0, blkConfigReads()));
  // Dynamic mappings (virtio_vdpa): one PA-mode key made at device add, no guest memory map to build.
  if (
    s.isolation.buildsDeviceKeys &&
    config.iommu.mappings === 'static' &&
    config.iommu.deviceMmu.keyBuild > 0
  )
    steps.push(special(StepKind.KEY_BUILD));
  for (let q = 0; q < s.shape.queues; q++)
    steps.push(ACCESS.vqAddr, ACCESS.vqSize, ACCESS.vqNotify, ACCESS.vqEnable);
  const msi = msiStep(s);
  for (let v = 0; v < msiCommandsPerInstance(s); v++) steps.push(msi);
  steps.push(ACCESS.status);
  return steps;
}

/** The reverse: reset (STATUS 0), disable each VQ, release each vector or message, DESTROY. */
export function teardownSequence(s: ProgramStrategies): Step[] {
  const steps: Step[] = [ACCESS.status];
  for (let q = 0; q < s.shape.queues; q++) steps.push(ACCESS.vqEnable);
  const msi = msiStep(s);
  for (let v = 0; v < msiCommandsPerInstance(s); v++) steps.push(msi);
  steps.push(ACCESS.destroy);
  return steps;
}

/**
 * The management lock around a bring-up [[linux-vdpa-core]]: registration (MGMT_HOST) always
 * holds it, with CREATE inside when the parent creates the device in dev_add (netlink) and
 * before it otherwise. The rest (FEAT … DRIVER_OK) runs outside with vhost-vdpa, where the VMM
 * does it later by ioctl [[linux-vhost-vdpa]], and inside with virtio-vdpa, whose driver probes
 * during registration [[linux-virtio-vdpa]].
 */
function wrapCreate(steps: Step[], provisioning: ProvisioningShape, wholeProbe: boolean): Step[] {
  const [create, ...rest] = steps;
  if (create === undefined) throw new Error('a bring-up starts with CREATE');
  const locked = provisioning.createsUnderLock
    ? [special(StepKind.MGMT_LOCK), special(StepKind.MGMT_HOST), create]
    : [create, special(StepKind.MGMT_LOCK), special(StepKind.MGMT_HOST)];
  const unlock = special(StepKind.MGMT_UNLOCK);
  return wholeProbe ? [...locked, ...rest, unlock] : [...locked, unlock, ...rest];
}

/**
 * The reverse: with vhost-vdpa the VMM resets the device and its VQs first, outside the lock,
 * then `vdpa dev del` unregisters it under the lock (DESTROY inside when dev_del removes it,
 * after it otherwise); with virtio-vdpa the driver's remove runs inside the unregistration.
 */
function wrapTeardown(steps: Step[], provisioning: ProvisioningShape, wholeProbe: boolean): Step[] {
  const destroy = steps[steps.length - 1];
  if (destroy === undefined) throw new Error('a teardown ends with DESTROY');
  const before = steps.slice(0, -1);
  const lock = special(StepKind.MGMT_LOCK);
  const host = special(StepKind.MGMT_HOST);
  const unlock = special(StepKind.MGMT_UNLOCK);
  const locked = provisioning.createsUnderLock ? [host, destroy, unlock] : [host, unlock, destroy];
  return wholeProbe ? [lock, ...before, ...locked] : [...before, lock, ...locked];
}

/**
 * Reads are one transport command whatever the CVQ; a guest CVQ command is whatever the CVQ
 * mode makes of it (src/strategies/cvq/): one step on the instance's hardware CVQ, a host
 * decode plus transport commands, or nothing when there is no CVQ (the workload never issues it).
 */
function runtimeProgram(config: ModelConfig, op: ControlOp, cvq: CvqMode, device: DeviceType): Step[] {
  if (device === 'blk') {
    // No CVQ on a block device (the scenario check refuses CVQ operations for blk groups).
    if (CVQ_OPS.includes(op)) return [];
    if (op === 'config-read') return [cmd('CONFIG', 0, blkCapacityReads())];
  }
  switch (op) {
    case 'config-read':
      return [ACCESS.configRead];
    case 'status-read':
      return [ACCESS.statusRead];
    case 'generation-read':
      return [ACCESS.generationRead];
    default:
      break;
  }
  if (!CVQ_OPS.includes(op)) throw new Error(`unhandled control op '${op}'`);
  return cvq.program(op, config);
}
