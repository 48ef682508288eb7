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
import { Counter } from '../../stats/counter.js';
import { jainIndex } from '../../stats/fairness.js';
import { Histogram } from '../../stats/histogram.js';
import { Tally } from '../../stats/tally.js';
import { TimeWeighted } from '../../stats/time-weighted.js';
import type { ResourceName } from '../ports.js';
import { GroupHistograms } from './group-histograms.js';
import { GroupLevels } from './group-levels.js';

export class ControlStats {
  readonly groups: number;
  // Window statistics (reset at warm-up).
  readonly ctrlLatency = new Histogram();
  readonly ctrlOps = new Counter();
  readonly adminqWait = new Histogram();
  readonly retries = new Counter();
  /** Busy admin-queue workers over time (level kept across the reset). */
  readonly adminqBusy = new TimeWeighted();
  /**
   * Host driver threads spinning: submitters waiting for a ring entry or a mutex with
   * `driverWait: spin`, and sync-mode holders busy-polling for their completion. Its integral
   * is host CPU time (added when the run collects its metrics).
   */
  readonly driverSpin = new TimeWeighted();
  /** Runtime control operations issued and not yet completed: the control backlog. */
  readonly backlog = new TimeWeighted();
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
    this.groupOps = new Float64Array(groups);
    this.groupRetries = new Float64Array(groups);
    this.groupAdminqSubmitted = new Float64Array(groups);
    this.groupAdminqDone = new Float64Array(groups);
    this.groupLatency = new GroupHistograms(groups);
    this.groupWait = new GroupHistograms(groups);
    this.groupBacklog = new GroupLevels(groups);
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
    this.ctrlLatency.reset();
    this.ctrlOps.reset();
    this.adminqWait.reset();
    this.retries.reset();
    this.adminqBusy.reset(nowNs);
    this.driverSpin.reset(nowNs);
    this.backlog.reset(nowNs);
    this.groupBacklog.reset(nowNs);
    this.groupOps.fill(0);
    this.groupRetries.fill(0);
    this.groupAdminqSubmitted.fill(0);
    this.groupAdminqDone.fill(0);
    this.groupLatency.reset();
    this.groupWait.reset();
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
