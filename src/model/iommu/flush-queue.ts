/**
 * Linux's deferred (lazy) invalidation, the flush queue of drivers/iommu/dma-iommu.c
 * [[linux-dma-iommu]], one per IOMMU domain:
 * - an unmap clears the page-table entry but leaves its IOTLB entry and its IOVA in the
 *   domain's flush queue; the IOVA is not handed out again before the flush (iova-allocator.ts);
 * - the queue is flushed when it is full (`iommu.lazyBatch` unmaps, IOVA_DEFAULT_FQ_SIZE = 256)
 *   or when the domain's timer fires (`iommu.lazyTimeout`, 10 ms), armed by the first unmap
 *   that finds it idle and not cancelled by a flush in between (fq_timer);
 * - a flush is flush_iotlb_all: a domain-selective invalidation that drops every IOTLB,
 *   paging-structure-cache and device-TLB entry of the domain, the rings' and the live
 *   buffers' included, not only the unmapped pages. It is one invalidation job (a domain
 *   descriptor, a device-TLB one with ATS, and a wait) on the domain's IOMMU unit, and the CPU
 *   that flushes spins until it completes (the driver charges that).
 * Linux keeps the queue per CPU within the domain and a full one flushes the whole domain: with
 * n CPUs unmapping into one domain a flush comes every ≈ n × 256 unmaps, so `lazyBatch` stands
 * for the domain's whole queue (256 for one CPU per instance, the single-queue mode's 32,768).
 *
 * State is two numbers per domain; a flush costs O(IOTLB entries) (entries of the domain's key
 * range), once per `lazyBatch` unmaps.
 */
import { Priority } from '../../engine/priority.js';
import type { Simulator } from '../../engine/simulator.js';
import type { Resettable, StatsSet } from '../../stats/stats-set.js';
import { type InvalidationQueues, LAZY_FLUSH_JOB } from './invalidation.js';
import type { Translator } from './translator.js';

export interface FlushQueueShape {
  /** IOMMU domains: 1 when the instances share the parent function's domain. */
  domains: number;
  /** Translation keys per domain (its contexts × span); Infinity when one domain holds all. */
  keysPerDomain: number;
  /** Unmaps that fill a domain's queue. */
  batch: number;
  /** The flush timer (ns). */
  timeoutNs: number;
}

export class FlushQueues implements Resettable {
  /** Domain flushes since the last reset (full queue or timer). */
  flushes = 0;
  private readonly pending: Int32Array;
  private readonly armed: Uint8Array;
  private readonly timeoutHandler: number;

  constructor(
    private readonly sim: Simulator,
    private readonly translator: Translator,
    private readonly queue: InvalidationQueues,
    private readonly shape: FlushQueueShape,
    /** The owner's statistics: `flushes` restarts with its warm-up reset. */
    stats: StatsSet,
  ) {
    stats.add('iommu/flush-queues', this);
    this.pending = new Int32Array(Math.max(1, shape.domains));
    this.armed = new Uint8Array(Math.max(1, shape.domains));
    this.timeoutHandler = sim.handler('data/flush-queue-timeout', (d) => {
      this.armed[d] = 0;
      this.flush(d);
    });
  }

  /** Unmaps of `domain` waiting for its flush. */
  pendingIn(domain: number): number {
    return this.pending[domain] as number;
  }

  /** One unmap in `domain` (0 when the domain is shared): queued until the domain is flushed. */
  add(domain: number): void {
    const n = (this.pending[domain] as number) + 1;
    this.pending[domain] = n;
    if (this.armed[domain] === 0) {
      this.armed[domain] = 1;
      this.sim.schedule(this.shape.timeoutNs, this.timeoutHandler, domain, Priority.LOW);
    }
    if (n >= this.shape.batch) this.flush(domain);
  }

  /** Restarts the count (a StatsSet `Resettable`, registered by the constructor); queued unmaps stay. */
  reset(): void {
    this.flushes = 0;
  }

  /** flush_iotlb_all for the domain: its entries go, its queued IOVAs become free. */
  private flush(domain: number): void {
    const span = this.shape.keysPerDomain;
    if (span === Number.POSITIVE_INFINITY) this.translator.flushDomain(0, span);
    else this.translator.flushDomain(domain * span, (domain + 1) * span);
    this.pending[domain] = 0;
    this.flushes++;
    this.queue.submit(domain % this.queue.units, LAZY_FLUSH_JOB, 1);
  }
}
