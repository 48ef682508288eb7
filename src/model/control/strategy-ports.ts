/**
 * The interfaces the control-plane strategies implement: transports (what a command costs and
 * where it contends), admin-queue QoS policies (which queue a free worker serves next),
 * provisioning methods (what wraps an instance's creation) and CVQ modes (where a guest's
 * control command runs). The model's family bases (`Transport`, `AdminQueue`, `ControlPlane`)
 * keep the bookkeeping; these objects make the decisions. The objects are one file each under
 * src/strategies/ (which may import the model, never the reverse); the model receives the
 * chosen ones when a run is built and never compares their names.
 */
import type { Distribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';
import type { AdminqConfig, ControlOp, ModelConfig } from '../config.js';
import type { InstanceShape } from '../instance-shape.js';
import type { InterruptMode } from '../interrupts/interrupt-mode.js';
import type { IsolationMode } from '../iommu/isolation-mode.js';
import type { ResourceDraws } from '../ports.js';
import type { Step } from './op-programs.js';

/** What every control strategy tells the model about itself. */
export interface ControlStrategyInfo {
  readonly name: string;
  readonly description: string;
}

/** A place where commands of different instances contend. */
export interface ChannelSpec {
  /** Unique per run; models naming the same channel share it (e.g. the managed-cap window). */
  readonly name: string;
  /** `slots`: a FIFO station of `slots` servers; `admin-queue`: the admin virtqueues with QoS. */
  readonly kind: 'slots' | 'admin-queue';
  /** Servers (Infinity = no contention). */
  readonly slots: number;
  /** Servers that heavy commands may occupy at once (≤ slots). */
  readonly throttledSlots: number;
}

/** The per-run cost model of one transport. */
export interface TransportModel {
  readonly channels: readonly ChannelSpec[];
  /** Index into `channels` of the channel a command class goes through. */
  channelOf(cls: number): number;
  /** Time the command holds its channel (ns), sampled when it obtains it. */
  holdNs(cls: number, writes: number, reads: number): number;
  /** Whether the command must also take a throttle token. */
  heavy(cls: number): boolean;
  /** Whether the hold is host CPU time (the driver issues, stalls on reads, or spins). */
  hostBusy(cls: number): boolean;
}

export interface TransportRule extends ControlStrategyInfo {
  /** Each instance is its own PCI function: its vectors come from its own VF's MSI-X table. */
  readonly ownVectorTable: boolean;
  /** What one instance takes from the ledger beyond the device's own resources (per-vf: a VF). */
  draws(): ResourceDraws;
  build(config: ModelConfig, rng: RandomStream): TransportModel;
}

/** Arbitration among admin queues: decides which non-empty queue a free worker serves. */
export interface QueueSelector {
  /** The queue a tenant's commands use, given the tenant's `adminQueue`. */
  queueOf(requested: number): number;
  /** Share of service the policy promises a queue (for the fairness index; 1 = equal). */
  weightOf(queue: number): number;
  /** Queue `queue` now holds `length` waiting commands after an arrival. */
  enqueued(queue: number, length: number): void;
  /** Picks a non-empty queue (some `lengths[q] > 0`); the caller then takes its head. */
  pick(lengths: Int32Array): number;
}

export interface QosPolicy extends ControlStrategyInfo {
  create(adminq: AdminqConfig): QueueSelector;
}

/**
 * The per-run behaviour of one provisioning method. Every method registers the instance as a
 * vDPA device under the one global vdpa_dev_lock [[linux-vdpa-core]]; they differ in whether
 * the parent creates the device inside that section (`vdpa dev add` → dev_add) or before it.
 */
export interface ProvisioningModel {
  /** CREATE (and DESTROY) run inside the locked section, in the parent's dev_add (dev_del). */
  readonly createsUnderLock: boolean;
  /** Host software cost of one registration (or removal) when `existing` instances exist (ns). */
  requestCostNs(existing: number): number;
}

export interface ProvisioningRule extends ControlStrategyInfo {
  /** The transport CREATE and DESTROY take (undefined: the configured transport's), by name. */
  readonly createVia: string | undefined;
  build(config: ModelConfig, rng: RandomStream): ProvisioningModel;
}

/**
 * The strategies a run's control plane is built with, chosen by name in src/strategies/
 * (`createTransport` is the provisioning method's `createVia` resolved, or `transport`).
 */
export interface ControlStrategies {
  readonly transport: TransportRule;
  readonly createTransport: TransportRule;
  readonly qos: QosPolicy;
  readonly provisioning: ProvisioningRule;
  readonly cvq: CvqMode;
  readonly isolation: IsolationMode;
  readonly interrupts: InterruptMode;
  /** A net instance's shape, and a blk instance's (src/model/instance-shape.ts). */
  readonly shape: InstanceShape;
  readonly blkShape: InstanceShape;
}

/** Size of the talk's command-data and config windows (`u8 command-specific-data[256]`, `u8 config[256]`). */
export const WINDOW_BYTES = 256;

/** Where a guest's CVQ command runs: in the device, on a host core, or nowhere. */
export interface CvqMode extends ControlStrategyInfo {
  /** Hardware virtqueues the CVQ takes per instance (1 in the device, 0 otherwise). */
  readonly hardwareQueues: number;
  /** False: the instance has no CVQ; the workload's CVQ operations are not issued. */
  readonly carriesCommands: boolean;
  /** The steps of one CVQ operation (mac-set, mq-set…), built once per run. */
  program(op: ControlOp, config: ModelConfig): Step[];
}

/** Sum of `n` samples of `d` (one per non-posted read), each plus `extraNs`. */
export function sumSamples(d: Distribution, n: number, rng: RandomStream, extraNs = 0): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += d.sample(rng) + extraNs;
  return total;
}
