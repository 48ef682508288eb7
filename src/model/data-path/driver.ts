/**
 * The guest driver's side of the data path (docs/model.md, "Data path"): notification coalescing decides
 * when the device notifies, the interrupt is delivered and handled (latency ends; the TX slot
 * is reclaimed or the RX buffer refilled), or host cores poll the used rings instead.
 *
 * Dynamic mappings map each buffer at a fresh IOVA when it is posted (`mapBuffer`) and unmap
 * it once handled: strict through its IOMMU unit's invalidation queue (the packet is handled
 * when its unmap completes, and the submitting core spins meanwhile), lazy into its domain's
 * flush queue (flush-queue.ts), whose flush drops the whole domain's entries.
 */
import { Priority } from '../../engine/priority.js';
import type { Simulator } from '../../engine/simulator.js';
import { makeDistribution } from '../../random/distribution.js';
import type { ResourceMeter } from '../../stats/resource-usage.js';
import type { ModelConfig } from '../config.js';
import { Coalescer, type CoalescerClient } from '../interrupts/coalescer.js';
import type { InterruptCosts } from '../interrupts/delivery.js';
import { nextPollNs, PollingMeter } from '../interrupts/polling.js';
import { FlushQueues } from '../iommu/flush-queue.js';
import { type InvalidationClient, InvalidationQueues, LAZY_FLUSH_JOB } from '../iommu/invalidation.js';
import { IovaAllocator } from '../iommu/iova-allocator.js';
import type { Translator } from '../iommu/translator.js';
import type { ModelContext } from '../ports.js';
import type { AddressLayout } from './address-layout.js';
import type { DataPathStats } from './data-path-stats.js';
import type { CompletionListener } from './engines.js';
import type { PacketPool } from './packet-pool.js';
import {
  HEAD,
  IN_INVALIDATION,
  N_CLAIM,
  N_DONE,
  N_UNMAP,
  POLL_SCHEDULED,
  type QueueTable,
  STATE,
  STRIDE,
  TAIL,
} from './queue-table.js';

export class Driver implements CompletionListener, CoalescerClient, InvalidationClient {
  readonly coalescer: Coalescer | undefined;
  readonly invalidations: InvalidationQueues | undefined;
  readonly pollMeter: PollingMeter;
  /** Packets handled since construction (never reset). */
  totalHandled = 0;
  /** Where a guest driver's moderation command goes (the instance's CVQ), once the control plane is built. */
  moderationPort: ((instance: number) => void) | undefined;
  private readonly sim: Simulator;
  private readonly q: number;
  private readonly polling: boolean;
  private readonly strictUnmap: boolean;
  /** Lazy invalidation: the domains' flush queues. */
  readonly lazy: FlushQueues | undefined;
  /** Dynamic mappings: each mapping's IOVA. */
  private readonly iova: IovaAllocator | undefined;
  /** One IOMMU domain for all instances (the parent function's), not one each. */
  private readonly sharedDomain: boolean;
  private readonly irqHandler: number;
  private readonly pollHandler: number;
  /** `interrupt-handlers`: guest handler time per vector (charged, not queued: the model runs handlers of one vector concurrently). */
  private readonly handlers: ResourceMeter | undefined;

  constructor(
    private readonly ctx: ModelContext,
    private readonly queues: QueueTable,
    private readonly pool: PacketPool,
    private readonly stats: DataPathStats,
    private readonly costs: InterruptCosts,
    private readonly translator: Translator | undefined,
    private readonly layout: AddressLayout,
    /** Host cores poll the used rings instead of interrupts (the interrupt mode delivers none). */
    polling: boolean,
    /** The isolation mode's domain: every instance its own, or the parent function's one. */
    domain: 'instance' | 'function' = 'instance',
  ) {
    const config: ModelConfig = ctx.config;
    this.sim = ctx.sim;
    this.q = 2 * config.device.queuePairs;
    this.polling = polling;
    const dynamic = translator !== undefined && config.iommu.mappings === 'dynamic';
    if (dynamic) {
      const rng = ctx.streams.stream('data/invalidation');
      const iommu = config.iommu;
      const units = config.limits.iommuUnits;
      const meter = ctx.resources.register({ name: 'invalidation-queue', capacity: Math.max(1, units) });
      this.invalidations = new InvalidationQueues(
        this.sim,
        units,
        {
          latency: makeDistribution(iommu.invalidationLatency),
          occupancyNs: iommu.invalidationOccupancy,
          atsNs: translator.devtlb === undefined ? 0 : iommu.atsInvalidation,
          perDescriptor: iommu.invalidationSubmit === 'per-descriptor',
        },
        rng,
        this,
        stats.set,
        meter,
      );
    }
    this.strictUnmap = dynamic && config.iommu.invalidation === 'strict';
    this.sharedDomain = domain === 'function';
    this.iova = dynamic ? new IovaAllocator(layout.contexts) : undefined;
    const n = ctx.instances.capacity;
    this.lazy =
      dynamic && !this.strictUnmap && translator !== undefined && this.invalidations !== undefined
        ? new FlushQueues(
            this.sim,
            translator,
            this.invalidations,
            {
              domains: this.sharedDomain ? 1 : n,
              keysPerDomain: this.sharedDomain
                ? Number.POSITIVE_INFINITY
                : (layout.contexts / Math.max(1, n)) * layout.span,
              batch: config.iommu.lazyBatch,
              timeoutNs: config.iommu.lazyTimeout,
            },
            stats.set,
          )
        : undefined;
    this.coalescer = this.polling
      ? undefined
      : new Coalescer(
          this.sim,
          queues.queues,
          config.interrupts.coalescing,
          this,
          config.fidelity.mode === 'batch' ? config.fidelity.window : 0,
          'data',
          true,
        );
    this.pollMeter = stats.set.add('data/polling', new PollingMeter(config));
    // Capacity 1 until the run settles it to the vectors in use (settleHandlers).
    this.handlers = this.polling
      ? undefined
      : ctx.resources.register({ name: 'interrupt-handlers', capacity: 1, role: 'accounted' });
    this.irqHandler = this.sim.handler('data/interrupt', (q) => this.onInterrupt(q));
    this.pollHandler = this.sim.handler('data/poll', (q) => this.onPoll(q));
  }

  /**
   * The driver maps the buffer of a packet posted on queue q of `instance`, in memory page
   * `page`: static mappings translate the page itself, dynamic ones a fresh IOVA. Returns the
   * page the device's DMA names.
   */
  mapBuffer(instance: number, q: number, page: number): number {
    const iova = this.iova;
    return iova === undefined ? page : iova.map(this.layout.context(instance, q));
  }

  /** The device wrote used entries of queue q: coalescing decides on a notification, or a poll will find them. */
  onDeviceCompletions(q: number): void {
    if (this.polling) this.schedulePoll(q);
    else (this.coalescer as Coalescer).onCompletions(q, this.queues.rec[q * STRIDE + N_DONE] as number);
  }

  /** Adaptive coalescing stepped queue q's profile: the guest sends NOTF_COAL_VQ_SET on its CVQ. */
  onModerationChange(q: number): void {
    this.stats.coalCommands.add(1);
    this.moderationPort?.(Math.floor(q / this.q));
  }

  /** Coalescing fired for queue q: claim its completions and deliver the interrupt. */
  onNotify(q: number): void {
    const r = this.queues.rec;
    const b = q * STRIDE;
    const k = r[b + N_DONE] as number;
    r[b + N_DONE] = 0;
    r[b + N_CLAIM] = k;
    const c = this.costs;
    const handler = c.handlerNs + k * c.perPacketNs;
    this.stats.guestCpuNs.add(handler);
    this.chargeHandler(handler);
    if (c.hostNsPerInterrupt > 0) this.ctx.hostCpu.addBusy(c.hostNsPerInterrupt);
    this.sim.schedule(c.deliveryNs + handler, this.irqHandler, q);
  }

  /** The driver's handler for queue q's interrupt has run: its claimed completions are handled. */
  private onInterrupt(q: number): void {
    const r = this.queues.rec;
    const b = q * STRIDE;
    const k = r[b + N_CLAIM] as number;
    r[b + N_CLAIM] = 0;
    const g = this.ctx.instances.group[Math.floor(q / this.q)] as number;
    this.stats.interrupts[g] = (this.stats.interrupts[g] as number) + 1;
    const bytes = this.takeCompletions(q, k);
    (this.coalescer as Coalescer).onHandled(q, r[b + N_DONE] as number, k, bytes);
  }

  /** Guest handler time of one interrupt (data or control), ns. */
  chargeHandler(ns: number): void {
    if (this.handlers !== undefined) this.handlers.heldNs += ns;
  }

  /** Before collection: the handlers' capacity is the vectors in use at the end of the window. */
  settleHandlers(vectors: number): void {
    if (this.handlers !== undefined) this.handlers.capacity = Math.max(1, vectors);
  }

  /** The number of active instances changed: the poll interval follows the rings to scan. */
  setPolledInstances(active: number): void {
    if (this.polling) this.pollMeter.setRings(this.sim.now, active * this.q);
  }

  private schedulePoll(q: number): void {
    const r = this.queues.rec;
    const s = r[q * STRIDE + STATE] as number;
    if ((s & POLL_SCHEDULED) !== 0) return;
    r[q * STRIDE + STATE] = s | POLL_SCHEDULED;
    this.sim.scheduleAt(
      nextPollNs(this.sim.now, q, this.pollMeter.intervalNs),
      this.pollHandler,
      q,
      Priority.LOW,
    );
  }

  private onPoll(q: number): void {
    const r = this.queues.rec;
    const b = q * STRIDE;
    r[b + STATE] = (r[b + STATE] as number) & ~POLL_SCHEDULED;
    const k = r[b + N_DONE] as number;
    r[b + N_DONE] = 0;
    this.stats.guestCpuNs.add(k * this.costs.perPacketNs);
    this.takeCompletions(q, k);
  }

  /**
   * The driver takes k done packets of queue q (at the head of the unhandled list, behind any
   * still unmapping): without strict unmaps they are handled now; with them they join the
   * unmap block and each is handled when its invalidation completes. Returns the bytes handled now.
   */
  private takeCompletions(q: number, k: number): number {
    if (this.strictUnmap) {
      const r = this.queues.rec;
      const b = q * STRIDE;
      r[b + N_UNMAP] = (r[b + N_UNMAP] as number) + k;
      const s = r[b + STATE] as number;
      if (k > 0 && (s & IN_INVALIDATION) === 0) {
        r[b + STATE] = s | IN_INVALIDATION;
        (this.invalidations as InvalidationQueues).submit(this.unitOf(q), q, 1);
      }
      return 0;
    }
    let bytes = 0;
    for (let j = 0; j < k; j++) bytes += this.handleHead(q);
    return bytes;
  }

  /** Handles the head packet of queue q now: latency, throughput, slot freed; returns its size. */
  private handleHead(q: number): number {
    const now = this.sim.now;
    const pool = this.pool;
    const stats = this.stats;
    const r = this.queues.rec;
    const b = q * STRIDE;
    const p = r[b + HEAD] as number;
    const instance = Math.floor(q / this.q);
    const g = this.ctx.instances.group[instance] as number;
    const size = pool.size(p);
    stats.latency[g]?.add(now - pool.arrival(p));
    stats.irqLatencyNs.add(now - pool.done(p));
    stats.handled[g] = (stats.handled[g] as number) + 1;
    stats.bytes[g] = (stats.bytes[g] as number) + size;
    stats.ringLevel.add(now, -1);
    this.totalHandled++;
    if (this.lazy !== undefined) this.lazy.add(this.sharedDomain ? 0 : instance);
    const next = pool.next(p);
    r[b + HEAD] = next;
    if (next === -1) r[b + TAIL] = -1;
    pool.release(p);
    return size;
  }

  /** The IOMMU unit that translates queue q's instance: instances spread over the units in turn. */
  private unitOf(q: number): number {
    return Math.floor(q / this.q) % (this.invalidations as InvalidationQueues).units;
  }

  /** A strict unmap left the invalidation queue: flush its page, handle its packet, submit the next. */
  onInvalidationDone(job: number, submittedAtNs: number): void {
    // The CPU that flushes a domain (flush_iotlb_all) spins until the invalidation completes.
    if (job === LAZY_FLUSH_JOB) {
      this.stats.guestCpuNs.add(this.sim.now - submittedAtNs);
      return;
    }
    const q = job;
    const r = this.queues.rec;
    const b = q * STRIDE;
    const p = r[b + HEAD] as number;
    const instance = Math.floor(q / this.q);
    this.translator?.invalidate(this.layout.bufferKey(instance, q, this.pool.page(p)));
    // The submitting core spins in the synchronous flush (qi_submit_sync): guest CPU time.
    this.stats.guestCpuNs.add(this.sim.now - submittedAtNs);
    const size = this.handleHead(q);
    this.coalescer?.addBytes(q, size);
    const left = (r[b + N_UNMAP] as number) - 1;
    r[b + N_UNMAP] = left;
    if (left > 0) (this.invalidations as InvalidationQueues).submit(this.unitOf(q), q, 1);
    else r[b + STATE] = (r[b + STATE] as number) & ~IN_INVALIDATION;
  }
}
