/**
 * The seams between model components. The control plane (transports, admin queue,
 * provisioning, resources) and the data path (virtqueues, engines, translation, interrupts)
 * are built separately and meet only through these interfaces and the shared `ModelContext`.
 */
import type { Simulator } from '../engine/simulator.js';
import type { StreamFactory } from '../random/stream-factory.js';
import type { ResourceUsage } from '../stats/resource-usage.js';
import type { ModelConfig } from './config.js';
import type { InstanceTable } from './instance-table.js';

/** Resources that can run out; a rejected instance names the first one exhausted. */
export const RESOURCE_NAMES = [
  'vfs',
  'hw-vqs',
  'queues-per-instance',
  'msix-vectors',
  'ims-entries',
  'irte',
  'cpu-vectors',
  'pasid',
  'iommu-domains',
  'device-mmu-contexts',
  'device-memory',
  'notify-bar',
] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

/** What one instance takes from the limited resources (a strategy's share of the ledger). */
export type ResourceDraws = Partial<Record<ResourceName, number>>;

/** Read-only view of resource accounting (the control plane owns the ledger). */
export interface ResourceLedgerPort {
  capacity(resource: ResourceName): number;
  used(resource: ResourceName): number;
}

/** What the control plane tells the data path about an instance's life. */
export interface DataPathPort {
  /** DRIVER_OK: the instance's queues exist and its traffic starts now. */
  activate(instance: number): void;
  /** Teardown began: traffic stops now; packets in flight complete or are dropped. */
  deactivate(instance: number): void;
  /**
   * A CVQ or config-change interrupt of `instance` was delivered (optional; the data path
   * counts it in `interrupts_per_s` and charges its delivery and handler cost).
   */
  notifyControl?(instance: number): void;
}

/** Busy time of the host mediation cores, from every component that uses them. */
export interface HostCpuPort {
  /** Accounts `ns` of host-core time (interrupt handling, polling, decode, netlink). */
  addBusy(ns: number): void;
}

/** Where components write their metrics at the end of a run (names: metrics.ts). */
export interface MetricSink {
  /** An aggregate metric (one column of runs.csv). */
  set(metric: string, value: number | string): void;
  /** A per-group metric (one row of groups.csv). */
  setGroup(group: string, metric: string, value: number): void;
}

/** Everything a component may use: one simulator, one stream factory, no globals. */
export interface ModelContext {
  readonly sim: Simulator;
  readonly streams: StreamFactory;
  readonly config: ModelConfig;
  readonly instances: InstanceTable;
  readonly hostCpu: HostCpuPort;
  /** Where every queueing resource registers for utilisation, queue and wait (bottleneck attribution). */
  readonly resources: ResourceUsage;
  /** Collects one-line warnings (e.g. an option the chosen strategy ignores); deduplicated. */
  warn(message: string): void;
}

/** The life cycle every component follows. */
export interface ModelComponent {
  /** Called once before time zero, after all components exist (schedule initial events). */
  start(): void;
  /** Warm-up boundary: restart every accumulator (time-weighted integrals included). */
  resetStats(nowNs: number): void;
  /**
   * Writes metrics over the measured window [windowStartNs, nowNs], and settles the resource
   * meters it charges in time or whose capacity changed (collected right after).
   */
  collect(sink: MetricSink, windowNs: number): void;
  /**
   * Settles, as of `nowNs`, the resource meters `collect` would settle, for a measurement
   * before the end (a burst's resources); returns the host-core time it has accrued but
   * charges only in `collect` (ns). Idempotent: `collect` still settles and charges everything.
   */
  settleResources?(nowNs: number): number;
  /** The component's queue, for the steady-state check (steady-state.ts); absent when it has none. */
  readonly queue?: QueueProbe;
}

/** A component's work waiting or in service, and the metric that says how busy its servers were. */
export interface QueueProbe {
  /** What waits, in words: 'data-path packets in flight'. */
  readonly what: string;
  /** The metric (0–1) of the servers the backlog waits for: 'engine_util'. */
  readonly utilisation: string;
  /** Items waiting or in service now. */
  backlog(): number;
}
