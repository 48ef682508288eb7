/**
 * The interfaces the control-plane strategies implement: transports (what a command costs and
 * where it contends), admin-queue QoS policies (which queue a free worker serves next) and
 * provisioning methods (what wraps an instance's creation). The model's family bases
 * (`Transport`, `AdminQueue`, `ControlPlane`) keep the bookkeeping; these objects make the
 * decisions. Each carries a name, a description and the sources of its constants, and is
 * registered by name in `src/strategies/` (the catalogue the scenario layer validates
 * against). The objects themselves live beside the model, because the model may not import
 * the strategies layer (architecture.md layering: strategies → model).
 */
import type { Distribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';
import type { AdminqConfig, AdminqPolicy, ModelConfig, ProvisioningMethod, Transport } from '../config.js';

/** Name, one-sentence description and provenance (structurally a strategies `StrategyInfo`). */
export interface ControlStrategyInfo {
  readonly name: string;
  readonly description: string;
  readonly sources: readonly string[];
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
  readonly name: Transport;
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
  readonly name: AdminqPolicy;
  create(adminq: AdminqConfig): QueueSelector;
}

/** The per-run behaviour of one provisioning method. */
export interface ProvisioningModel {
  /** The whole per-instance sequence holds the one global vDPA management lock. */
  readonly globalLock: boolean;
  /** Transport whose CREATE/DESTROY route builds the managed device (undefined: the configured transport's). */
  readonly createVia: Transport | undefined;
  /** Host software cost of one management request when `existing` instances exist (ns). */
  requestCostNs(existing: number): number;
}

export interface ProvisioningRule extends ControlStrategyInfo {
  readonly name: ProvisioningMethod;
  build(config: ModelConfig, rng: RandomStream): ProvisioningModel;
}

/** Sum of `n` samples of `d` (one per non-posted read), each plus `extraNs`. */
export function sumSamples(d: Distribution, n: number, rng: RandomStream, extraNs = 0): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += d.sample(rng) + extraNs;
  return total;
}
