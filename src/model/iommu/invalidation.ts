/**
 * IOTLB invalidations for dynamic (map/unmap per buffer) mappings [[linux-dma-iommu]] [[xlab-iommu-artifact]].
 *
 * `InvalidationQueue` is the platform's ONE invalidation queue shared by all cores: a single
 * FIFO server whose service is `invalidationService` (≈ 10 µs, and waits that grow steeply
 * with contention: [[xlab-iommu-artifact]]). A job is a number: a queue id for a strict
 * unmap (its submitter spins until it completes), or `LAZY_FLUSH_JOB` for a batched flush.
 *
 * `LazyFlush` is Linux's deferred flush queue (dma-iommu.c: 256 entries or 10 ms [[linux-dma-iommu]]):
 * unmapped pages collect in a batch; when it is full or `lazyTimeout` after its first entry,
 * their entries are flushed and one invalidation job goes through the shared queue, blocking
 * nobody. One batch for the whole IOMMU: Linux keeps one per CPU, but the flush rate (unmaps /
 * batch size) and the work per flush are the same.
 */

import { Priority } from '../../engine/priority.js';
import type { Simulator } from '../../engine/simulator.js';
import type { Distribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';
import type { ResourceMeter } from '../../stats/resource-usage.js';
import { IntRing } from '../primitives/int-ring.js';
import type { Translator } from './translator.js';

/** The job number of a lazy batch flush (strict jobs are queue ids ≥ 0). */
export const LAZY_FLUSH_JOB = -1;

export interface InvalidationClient {
  /** A job left the server; `submittedAtNs` is when it entered the queue. */
  onInvalidationDone(job: number, submittedAtNs: number): void;
}

export class InvalidationQueue {
  /** Jobs completed and their summed sojourn (submission → completion) since the last reset. */
  completed = 0;
  sojournSumNs = 0;
  /** Waiting and in-service jobs, oldest first, each stamped with its submission time. */
  private readonly jobs = new IntRing(64, { stamps: true });
  private busy = false;
  private readonly doneHandler: number;

  constructor(
    private readonly sim: Simulator,
    private readonly service: Distribution,
    private readonly rng: RandomStream,
    private readonly client: InvalidationClient,
    /** `invalidation-queue`: the server held, jobs waiting, each job's wait. */
    private readonly meter?: ResourceMeter,
  ) {
    this.doneHandler = sim.handler('data/invalidation-done', () => this.finish());
  }

  /** Jobs waiting or in service. */
  get length(): number {
    return this.jobs.length;
  }

  submit(job: number): void {
    this.jobs.push(job, this.sim.now);
    this.meter?.join(this.sim.now);
    if (!this.busy) this.startNext();
  }

  resetCounters(): void {
    this.completed = 0;
    this.sojournSumNs = 0;
  }

  private startNext(): void {
    this.busy = true;
    const now = this.sim.now;
    this.meter?.leave(now, now - this.jobs.peekStamp());
    this.meter?.held.set(now, 1);
    this.sim.schedule(this.service.sample(this.rng), this.doneHandler, 0, Priority.HIGH);
  }

  private finish(): void {
    const at = this.jobs.peekStamp();
    const job = this.jobs.shift();
    this.busy = false;
    this.completed++;
    this.sojournSumNs += this.sim.now - at;
    if (this.jobs.length > 0) this.startNext();
    else this.meter?.held.set(this.sim.now, 0);
    this.client.onInvalidationDone(job, at);
  }
}

export class LazyFlush {
  private readonly keys: Float64Array;
  private count = 0;
  private timer = -1;
  private readonly timeoutHandler: number;

  constructor(
    private readonly sim: Simulator,
    private readonly translator: Translator,
    private readonly queue: InvalidationQueue,
    batch: number,
    private readonly timeoutNs: number,
  ) {
    this.keys = new Float64Array(Math.max(1, batch));
    this.timeoutHandler = sim.handler('data/lazy-flush-timeout', () => {
      this.timer = -1;
      this.flush();
    });
  }

  /** Pages unmapped and not yet flushed. */
  get pending(): number {
    return this.count;
  }

  /** Defers the invalidation of one unmapped page. */
  add(key: number): void {
    this.keys[this.count++] = key;
    if (this.count === 1)
      this.timer = this.sim.schedule(this.timeoutNs, this.timeoutHandler, 0, Priority.LOW);
    if (this.count >= this.keys.length) this.flush();
  }

  private flush(): void {
    if (this.timer !== -1) {
      this.sim.cancel(this.timer);
      this.timer = -1;
    }
    if (this.count === 0) return;
    for (let k = 0; k < this.count; k++) this.translator.invalidate(this.keys[k] as number);
    this.count = 0;
    this.queue.submit(LAZY_FLUSH_JOB);
  }
}
