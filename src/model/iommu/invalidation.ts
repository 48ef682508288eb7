/**
 * IOTLB invalidations for dynamic (map/unmap per buffer) mappings [[linux-dma-iommu]]
 * [[xlab-iommu-artifact]].
 *
 * `InvalidationQueues`: each IOMMU unit has one invalidation queue [[intel-vtd-spec]]
 * [[linux-intel-dmar]]. Software writes a submission — the invalidation descriptors of one flush
 * and a wait descriptor — and spins until the wait descriptor's status is written. Two costs
 * are kept apart:
 * - occupancy: the unit executes descriptors one after another, `invalidationOccupancy` each, so
 *   a unit carries at most 1 / (descriptors × occupancy) submissions per second, and
 *   submissions wait in FIFO order for it;
 * - latency: a submission on an idle unit completes `invalidationLatency` after it was written
 *   (what qi_submit_sync measures with one core: the trip to the hardware and back, and under a
 *   nested vIOMMU the host's work too); the part beyond its occupancy delays only the
 *   submitter, not the queue.
 * A device-TLB (ATS) invalidation adds a descriptor and `atsInvalidation`, the round trip to
 * the device and back, to its submission. Since Linux 6.12 the descriptors of one flush go in one
 * submission (qi_batch, up to 16); `invalidationSubmit: per-descriptor` models older kernels,
 * which submitted each with its own wait descriptor.
 *
 * The occupancy is deterministic, so each unit's FIFO is computed, not simulated (a
 * `ComputedFifo`, the resource protocol's computed form): a submission costs O(1) and one event
 * (its completion), whatever the backlog. A job is a number the client
 * gets back: a queue id for a strict unmap, or `LAZY_FLUSH_JOB` for a domain flush of the lazy
 * flush queues (flush-queue.ts).
 */

import { Priority } from '../../engine/priority.js';
import type { Simulator } from '../../engine/simulator.js';
import type { Distribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';
import type { ResourceMeter } from '../../stats/resource-usage.js';
import type { Resettable, StatsSet } from '../../stats/stats-set.js';
import { ComputedFifo } from '../primitives/computed-fifo.js';

/** The job number of a lazy batch flush (strict jobs are queue ids ≥ 0). */
export const LAZY_FLUSH_JOB = -1;

export interface InvalidationClient {
  /** A job completed; `submittedAtNs` is when it was submitted. */
  onInvalidationDone(job: number, submittedAtNs: number): void;
}

export interface InvalidationCosts {
  /** Completion latency of one submission on an idle unit (ns). */
  latency: Distribution;
  /** Time one descriptor holds its unit's queue (ns). */
  occupancyNs: number;
  /** Extra latency of a device-TLB invalidation: the round trip to the device (ns); 0 without ATS. */
  atsNs: number;
  /** Each descriptor in its own submission (older kernels) instead of one per flush. */
  perDescriptor: boolean;
}

export class InvalidationQueues implements Resettable {
  /** Jobs completed, their summed sojourn (submission → completion) and unit occupancy since the last reset. */
  completed = 0;
  sojournSumNs = 0;
  busyNs = 0;
  /** Each unit's FIFO, computed; fed to the `invalidation-queue` meter when there is one. */
  private readonly fifo: ComputedFifo;
  // Jobs in flight: a pool of records named by the completion event's argument.
  private job = new Int32Array(64);
  private submitted = new Float64Array(64);
  private freeSlots: number[] = [];
  private used = 0;
  private readonly doneHandler: number;

  constructor(
    private readonly sim: Simulator,
    units: number,
    private readonly costs: InvalidationCosts,
    private readonly rng: RandomStream,
    private readonly client: InvalidationClient,
    /** The owner's statistics: the counts above restart with its warm-up reset. */
    stats: StatsSet,
    /** `invalidation-queue`: the server held, jobs waiting, each job's wait. */
    meter?: ResourceMeter,
  ) {
    stats.add('iommu/invalidation-queues', this);
    this.fifo = new ComputedFifo(units, meter);
    this.doneHandler = sim.handler('data/invalidation-done', (slot) => this.finish(slot));
  }

  get units(): number {
    return this.fifo.servers;
  }

  /**
   * Submits `flushes` invalidations (one IOTLB descriptor each, plus a device-TLB descriptor
   * each with ATS) on `unit`; the client hears of `job` when the last wait descriptor completes.
   */
  submit(unit: number, job: number, flushes: number): void {
    const c = this.costs;
    const now = this.sim.now;
    const perFlush = c.atsNs > 0 ? 2 : 1;
    const submissions = c.perDescriptor ? flushes * perFlush : 1;
    const descriptors = flushes * perFlush + submissions; // + a wait descriptor each
    const occupancy = descriptors * c.occupancyNs;
    const served = this.fifo.book(unit, now, occupancy) + occupancy;
    this.busyNs += occupancy;
    // Submissions of one flush are made one after another: each waits its own latency.
    let tail = 0;
    for (let i = 0; i < submissions; i++) tail += c.latency.sample(this.rng);
    const done =
      served + Math.max(0, tail - occupancy) + (c.atsNs > 0 ? c.atsNs * (c.perDescriptor ? flushes : 1) : 0);
    const slot = this.alloc(job, now);
    this.sim.schedule(done - now, this.doneHandler, slot, Priority.HIGH);
  }

  /** Restarts the counts (a StatsSet `Resettable`, registered by the constructor); jobs in flight stay. */
  reset(): void {
    this.completed = 0;
    this.sojournSumNs = 0;
    this.busyNs = 0;
  }

  private alloc(job: number, at: number): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.used++;
      if (slot === this.job.length) {
        const jobs = new Int32Array(2 * slot);
        jobs.set(this.job);
        const times = new Float64Array(2 * slot);
        times.set(this.submitted);
        this.job = jobs;
        this.submitted = times;
      }
    }
    this.job[slot] = job;
    this.submitted[slot] = at;
    return slot;
  }

  private finish(slot: number): void {
    const job = this.job[slot] as number;
    const at = this.submitted[slot] as number;
    this.freeSlots.push(slot);
    this.completed++;
    this.sojournSumNs += this.sim.now - at;
    this.client.onInvalidationDone(job, at);
  }
}
