/**
 * The control plane's accumulators and the metrics it writes (named in src/model/metrics.ts:
 * the control and provisioning metrics), aggregate and per tenant (workload group).
 *
 * Two lifetimes:
 * - control and admin-queue statistics cover the measured window: `reset` at the warm-up
 *   boundary clears them (time-weighted integrals — busy workers, spinning driver threads,
 *   the backlog — restart, keeping their levels);
 * - provisioning statistics are measured from t = 0 and survive the warm-up reset, because a
 *   start burst begins at t = 0 and its makespan, latencies and rejections would otherwise be
 *   cut in two by the warm-up (scenarios that study bursts use warm-up 0 anyway).
 *
 * Per-tenant state is in flat arrays (`GroupHistograms`: quantile error 0.8–6.25 % depending on
 * the tenant count) so that 10⁴ tenants stay cheap; aggregates use `Histogram` (≤ 0.8 %).
 */
import { jainIndex } from '../../stats/fairness.js';
import { Histogram } from '../../stats/histogram.js';
import { StatsSet } from '../../stats/stats-set.js';
import { Tally } from '../../stats/tally.js';
import type { ResourceName } from '../ports.js';
import { GroupHistograms } from './group-histograms.js';
import { GroupLevels } from './group-levels.js';

export class ControlStats {
  readonly groups: number;
  /** The window statistics, created through the set so that its one reset clears them all. */
  private readonly window = new StatsSet();
  // Window statistics (reset at warm-up).
  readonly ctrlLatency = this.window.histogram('control/latency');
  readonly ctrlOps = this.window.counter('control/ops');
  readonly adminqWait = this.window.histogram('adminq/wait');
  readonly retries = this.window.counter('adminq/retries');
  /** Busy admin-queue workers over time (level kept across the reset). */
  readonly adminqBusy = this.window.timeWeighted('adminq/busy', 0);
  /**
   * Host driver threads spinning: submitters waiting for a ring entry or a mutex with
   * `driverWait: spin`, and sync-mode holders busy-polling for their completion. Its integral
   * is host CPU time (added when the run collects its metrics).
   */
  readonly driverSpin = this.window.timeWeighted('control/driver-spin', 0);
  /** Runtime control operations issued and not yet completed: the control backlog. */
  readonly backlog = this.window.timeWeighted('control/backlog', 0);
  readonly groupBacklog: GroupLevels;
  readonly groupOps: Float64Array;
  readonly groupRetries: Float64Array;
  /** Admin commands a tenant submitted and had completed in the window (fairness). */
  readonly groupAdminqSubmitted: Float64Array;
  readonly groupAdminqDone: Float64Array;
  /** Per-tenant control-op latency and admin-queue wait. */
  readonly groupLatency: GroupHistograms;
  readonly groupWait: GroupHistograms;

  // Provisioning statistics (from t = 0, never reset).
  readonly provisionLatency = new Histogram();
  readonly groupProvisionLatency: Tally[];
  /** Burst creations admitted (resources available) and those that reached DRIVER_OK. */
  burstAdmitted = 0;
  burstReady = 0;
  burstLastReadyNs = 0;
  /** Resource that rejected the first rejected instance. */
  firstRejection: ResourceName | undefined;

  constructor(groups: number) {
    this.groups = groups;
    const w = this.window;
    this.groupOps = w.counts('control/group-ops', groups);
    this.groupRetries = w.counts('adminq/group-retries', groups);
    this.groupAdminqSubmitted = w.counts('adminq/group-submitted', groups);
    this.groupAdminqDone = w.counts('adminq/group-done', groups);
    this.groupLatency = w.add('control/group-latency', new GroupHistograms(groups));
    this.groupWait = w.add('adminq/group-wait', new GroupHistograms(groups));
    this.groupBacklog = w.add('control/group-backlog', new GroupLevels(groups));
    this.groupProvisionLatency = Array.from({ length: groups }, () => new Tally());
  }

  /** Tenant g issued a runtime control operation at `nowNs`. */
  opIssued(g: number, nowNs: number): void {
    this.backlog.add(nowNs, 1);
    this.groupBacklog.add(g, nowNs, 1);
  }

  /** A runtime control operation of tenant g completed at `nowNs` after `latencyNs`. */
  opDone(g: number, latencyNs: number, nowNs: number): void {
    this.backlog.add(nowNs, -1);
    this.groupBacklog.add(g, nowNs, -1);
    this.ctrlOps.add();
    this.ctrlLatency.add(latencyNs);
    this.groupOps[g] = (this.groupOps[g] as number) + 1;
    this.groupLatency.add(g, latencyNs);
  }

  adminqSubmitted(g: number): void {
    this.groupAdminqSubmitted[g] = (this.groupAdminqSubmitted[g] as number) + 1;
  }

  /** A command of tenant g waited `waitNs` in its admin queue before a worker took it. */
  adminqStarted(g: number, waitNs: number): void {
    this.adminqWait.add(waitNs);
    this.groupWait.add(g, waitNs);
  }

  adminqDone(g: number): void {
    this.groupAdminqDone[g] = (this.groupAdminqDone[g] as number) + 1;
  }

  retry(g: number): void {
    this.retries.add();
    this.groupRetries[g] = (this.groupRetries[g] as number) + 1;
  }

  provisioned(g: number, latencyNs: number, fromBurst: boolean, nowNs: number): void {
    this.provisionLatency.add(latencyNs);
    (this.groupProvisionLatency[g] as Tally).add(latencyNs);
    if (fromBurst) {
      this.burstReady++;
      this.burstLastReadyNs = nowNs;
    }
  }

  rejected(resource: ResourceName): void {
    if (this.firstRejection === undefined) this.firstRejection = resource;
  }

  /** Warm-up boundary: clears the window statistics, keeps the provisioning ones. */
  reset(nowNs: number): void {
    this.window.resetAll(nowNs);
  }

  /**
   * Jain's index over the tenants that submitted admin commands in the window, of completed
   * commands per second divided by the tenant's weight (1 for fifo and priority; for drr the
   * queue's weight split evenly among the active tenants mapped to it). 1 when none did.
   */
  fairness(queueOf: (g: number) => number, queueWeight: (q: number) => number, windowNs: number): number {
    const tenantsPerQueue = new Map<number, number>();
    for (let g = 0; g < this.groups; g++) {
      if ((this.groupAdminqSubmitted[g] as number) === 0) continue;
      const q = queueOf(g);
      tenantsPerQueue.set(q, (tenantsPerQueue.get(q) ?? 0) + 1);
    }
    const xs: number[] = [];
    for (let g = 0; g < this.groups; g++) {
      if ((this.groupAdminqSubmitted[g] as number) === 0) continue;
      const q = queueOf(g);
      const weight = queueWeight(q) / (tenantsPerQueue.get(q) as number);
      xs.push(((this.groupAdminqDone[g] as number) * 1e9) / windowNs / weight);
    }
    return jainIndex(xs);
  }
}
