/**
 * The block data path: every blk instance's request virtqueues, its backend, DMA translation,
 * and completions through the same coalescing, interrupt delivery or polling as the net data
 * path (docs/model.md, "Block devices").
 *
 * Event chain of one request: issue (open loop: the group's arrival event; closed loop: a
 * completion of the same instance, on the same queue) → it takes a ring slot of its queue
 * (indirect descriptors: one per request; a full queue refuses an open-loop request, as blk-mq
 * would block its submitter) and waits, FIFO, for one of `blk.workers` → the worker holds it for
 * the backend's time (blk-backend.ts) plus the translation stalls of its chain (descriptor,
 * header, each data page, status, used entry) → backend-done event: used entry written →
 * coalescing decides the notification → interrupt event: the driver handles the completions
 * (latency ends, the slot is freed, a closed loop issues the next request).
 *
 * Requests live in a PacketPool (arrival, done, bytes, first block, service); per queue the
 * device's completed-but-unclaimed requests and the claimed ones are lists threaded through the
 * pool. Queues are indexed qid = instance × Q + local (Q = blk.numQueues); translation keys
 * come from the net data path's AddressLayout (shared IOTLB): a blk instance's contexts are its
 * own instance's (per-queue tagging maps request queue j to the instance's context j mod 2P).
 */
import { Priority } from '../../engine/priority.js';
import type { Simulator } from '../../engine/simulator.js';
import { doubled } from '../../util/doubled.js';
import type { BlkConfig, DeviceConfig, ModelConfig } from '../config.js';
import type { AddressLayout } from '../data-path/address-layout.js';
import { DATA_PATH_KINDS } from '../data-path/device-params.js';
import { PacketPool } from '../data-path/packet-pool.js';
import type { InstanceShape } from '../instance-shape.js';
import { Coalescer, type CoalescerClient } from '../interrupts/coalescer.js';
import { type InterruptCosts, interruptCosts } from '../interrupts/delivery.js';
import type { InterruptMode } from '../interrupts/interrupt-mode.js';
import { nextPollNs, PollingMeter } from '../interrupts/polling.js';
import type { Translator } from '../iommu/translator.js';
import type { DataPathPort, MetricSink, ModelComponent, ModelContext } from '../ports.js';
import { IndexedSet } from '../primitives/indexed-set.js';
import { Station } from '../primitives/station.js';
import type { BlkBackendMode } from './blk-backend.js';
import type { BlkModes, SharedDma } from './blk-modes.js';
import { BlkSource } from './blk-source.js';
import { BlkStats, blkQueueProbe } from './blk-stats.js';

export class BlkPath implements ModelComponent, DataPathPort {
  readonly stats: BlkStats;
  readonly coalescer: Coalescer | undefined;
  private readonly sim: Simulator;
  private readonly config: ModelConfig;
  private readonly blk: BlkConfig;
  private readonly device: DeviceConfig;
  private readonly backend: BlkBackendMode;
  private readonly interruptMode: InterruptMode;
  private readonly shape: InstanceShape;
  private readonly costs: InterruptCosts;
  private readonly translator: Translator | undefined;
  private readonly layout: AddressLayout;
  private readonly station: Station;
  private readonly pool = new PacketPool();
  private readonly pollMeter: PollingMeter;
  private readonly polling: boolean;
  private readonly groupNames: string[];
  private readonly blkGroups: number[];
  private readonly sources: (BlkSource | undefined)[];
  private readonly iodepth: Int32Array;

  private readonly q: number;
  /** Net queues per instance (2 × pairs): the context count of the shared address layout. */
  private readonly netQ: number;
  private readonly pageSize: number;
  // Per queue.
  private readonly outstanding: Int32Array;
  private readonly doneHead: Int32Array;
  private readonly doneTail: Int32Array;
  private readonly nDone: Int32Array;
  private readonly claimHead: Int32Array;
  private readonly nClaim: Int32Array;
  private readonly pollScheduled: Uint8Array;
  /** Requests the device has taken from the queue (its avail index): the ring slot of the next. */
  private readonly availIdx: Int32Array;
  /** Ring slots the shared address layout lays out per queue. */
  private readonly ringSlots: number;
  // Per instance.
  private readonly active: IndexedSet;
  private readonly nextQueue: Int32Array;
  // Per request (pool index): its queue and whether it woke an idle backend.
  private reqQueue = new Int32Array(1024);
  private reqWoke = new Uint8Array(1024);

  private readonly arrivalHandler: number;
  private readonly irqHandler: number;
  private readonly pollHandler: number;

  constructor(
    private readonly ctx: ModelContext,
    modes: BlkModes,
    dma: SharedDma,
  ) {
    const config = ctx.config;
    this.config = config;
    this.sim = ctx.sim;
    this.blk = config.blk;
    this.device = config.device;
    this.backend = modes.blkBackend;
    this.interruptMode = modes.interrupts;
    this.shape = modes.blkShape;
    this.costs = interruptCosts(config, modes.interrupts, modes.blkShape);
    this.polling = !modes.interrupts.delivers;
    this.translator = DATA_PATH_KINDS[config.device.dataPath].translates ? dma.translator : undefined;
    this.layout = dma.layout;
    this.pageSize = dma.layout.pageSize;
    this.q = config.blk.numQueues;
    this.netQ = 2 * config.device.queuePairs;
    const n = ctx.instances.capacity;
    const queues = n * this.q;
    this.outstanding = new Int32Array(queues);
    this.doneHead = new Int32Array(queues).fill(-1);
    this.doneTail = new Int32Array(queues).fill(-1);
    this.nDone = new Int32Array(queues);
    this.claimHead = new Int32Array(queues).fill(-1);
    this.nClaim = new Int32Array(queues);
    this.pollScheduled = new Uint8Array(queues);
    this.availIdx = new Int32Array(queues);
    this.ringSlots = Math.min(config.blk.queueSize, config.device.queueSize);
    this.active = new IndexedSet(n);
    this.nextQueue = new Int32Array(n);
    const groups = config.workload.groups;
    this.groupNames = groups.map((g) => g.name);
    this.blkGroups = groups.flatMap((g, i) => (g.device === 'blk' ? [i] : []));
    const workers = Math.max(1, config.blk.workers);
    const meter = ctx.resources.register({ name: 'blk-workers', capacity: workers });
    this.stats = new BlkStats(groups.length, meter);
    this.iodepth = Int32Array.from(groups, (g) => (g.device === 'blk' ? g.io.iodepth : 0));
    this.sources = groups.map((g, i) =>
      g.device === 'blk'
        ? new BlkSource(
            g,
            ctx.instances.groupStart[i] as number,
            ctx.instances.groupSizes[i] as number,
            config.blk,
            ctx.streams,
          )
        : undefined,
    );
    const done = (p: number) => this.onBackendDone(p);
    const hooks = { holdNs: (p: number) => this.holdNs(p), heavy: () => false, done };
    this.station = new Station(this.sim, 'blk/backend/done', workers, workers, hooks, meter);
    const client: CoalescerClient = { onNotify: (q) => this.onNotify(q) };
    this.coalescer = this.polling
      ? undefined
      : new Coalescer(
          this.sim,
          queues,
          config.interrupts.coalescing,
          client,
          config.fidelity.mode === 'batch' ? config.fidelity.window : 0,
          'blk',
        );
    this.pollMeter = this.stats.set.add('blk/polling', new PollingMeter(config));
    this.arrivalHandler = this.sim.handler('blk/arrival', (g) => this.onArrival(g));
    this.irqHandler = this.sim.handler('blk/interrupt', (q) => this.onInterrupt(q));
    this.pollHandler = this.sim.handler('blk/poll', (q) => this.onPoll(q));
  }

  start(): void {
    for (let g = 0; g < this.sources.length; g++) this.scheduleArrival(g);
  }

  /** DRIVER_OK: a closed loop puts its iodepth requests in flight now, spread over the queues. */
  activate(instance: number): void {
    if (!this.active.add(instance)) return;
    if (this.polling) this.pollMeter.setRings(this.sim.now, this.active.size * this.q);
    const g = this.ctx.instances.group[instance] as number;
    const depth = this.iodepth[g] as number;
    for (let k = 0; k < depth; k++) this.issue(instance, this.roundRobin(instance), this.sim.now);
  }

  deactivate(instance: number): void {
    if (!this.active.delete(instance)) return;
    if (this.polling) this.pollMeter.setRings(this.sim.now, this.active.size * this.q);
  }

  /** A config-change interrupt of a blk instance: counted and costed like a request interrupt. */
  notifyControl(instance: number): void {
    if (this.polling) return;
    const g = this.ctx.instances.group[instance] as number;
    this.stats.controlInterrupts[g] = (this.stats.controlInterrupts[g] as number) + 1;
    this.ctx.hostCpu.addBusy(this.costs.hostNsPerInterrupt);
  }

  resetStats(nowNs: number): void {
    this.stats.reset(nowNs);
  }

  /** Requests issued and not yet handled, against the backend's busy fraction (steady-state check). */
  readonly queue = blkQueueProbe(() => this.pool.live);

  /** Vectors the active blk instances hold (num_queues + 1 each with dedicated vectors). */
  vectorsUsed(): number {
    return this.interruptMode.vectorsUsed(this.config, this.shape, this.active.size);
  }

  settleResources(nowNs: number): number {
    return this.polling ? this.pollMeter.peek(nowNs) : 0;
  }

  collect(sink: MetricSink, windowNs: number): void {
    if (this.polling) this.ctx.hostCpu.addBusy(this.pollMeter.take(this.sim.now));
    if (this.blkGroups.length === 0) return;
    this.stats.write(sink, this.groupNames, this.blkGroups, windowNs, this.sim.now);
  }

  private roundRobin(instance: number): number {
    const local = this.nextQueue[instance] as number;
    this.nextQueue[instance] = local + 1 === this.q ? 0 : local + 1;
    return instance * this.q + local;
  }

  private scheduleArrival(g: number): void {
    const t = this.sources[g]?.process?.nextNs;
    if (t === undefined || !Number.isFinite(t)) return;
    this.sim.scheduleAt(Math.max(this.sim.now, Math.round(t)), this.arrivalHandler, g);
  }

  private onArrival(g: number): void {
    const src = this.sources[g] as BlkSource;
    const instance = (src.process as NonNullable<BlkSource['process']>).fire();
    this.scheduleArrival(g);
    if (!this.active.has(instance)) {
      src.draw(instance); // common random numbers: drawn whether or not the instance is ready
      return;
    }
    this.issue(instance, this.roundRobin(instance), this.sim.now);
  }

  /** A new request of `instance` on queue q, issued at `issuedNs` (now). */
  private issue(instance: number, q: number, issuedNs: number): void {
    const g = this.ctx.instances.group[instance] as number;
    const src = this.sources[g] as BlkSource;
    src.draw(instance);
    const stats = this.stats;
    stats.issued[g] = (stats.issued[g] as number) + 1;
    if ((this.outstanding[q] as number) >= this.blk.queueSize) {
      stats.refused[g] = (stats.refused[g] as number) + 1;
      return;
    }
    this.outstanding[q] = (this.outstanding[q] as number) + 1;
    const p = this.pool.alloc(issuedNs, src.bytes, src.block, src.serviceNs);
    if (p >= this.reqQueue.length) this.growRequests();
    this.reqQueue[p] = q;
    // An idle worker must be woken; a busy one takes the request from its queue.
    this.reqWoke[p] = this.station.pool.available ? 1 : 0;
    this.station.submit(p);
  }

  private growRequests(): void {
    this.reqQueue = doubled(this.reqQueue);
    this.reqWoke = doubled(this.reqWoke);
  }

  /** A worker takes request p now: the backend's time plus the stalls of the chain's DMA. */
  private holdNs(p: number): number {
    const pool = this.pool;
    const bytes = pool.size(p);
    let ns = this.backend.holdNs(this.blk, this.device, {
      bytes,
      serviceNs: pool.service(p),
      woke: this.reqWoke[p] === 1,
    });
    const tr = this.translator;
    if (tr !== undefined) ns += this.translate(tr, p, bytes);
    this.stats.started.add(1);
    if (this.backend.onHost) {
      this.ctx.hostCpu.addBusy(ns);
      this.stats.hostNs.add(ns);
    }
    return ns;
  }

  /**
   * The chain's translations: descriptor and header (the request's slot in the ring and in
   * blk-mq's per-tag array, keyed as the ring slot's page), each data page of the buffer (the
   * span's pages, as the page cache holds them), the status byte and the used entry, each at
   * its time in the chain, so that a miss can queue for bounded walkers (translator.ts).
   */
  private translate(tr: Translator, p: number, bytes: number): number {
    const q = this.reqQueue[p] as number;
    const instance = Math.floor(q / this.q);
    const local = (q - instance * this.q) % this.netQ;
    const ctxQ = instance * this.netQ + local;
    const layout = this.layout;
    const slot = (this.availIdx[q] as number) % this.ringSlots;
    this.availIdx[q] = (this.availIdx[q] as number) + 1;
    const g = this.ctx.instances.group[instance] as number;
    const pages = layout.bufferPages[g] as number;
    const offset = this.pool.page(p) * this.blk.blkSize;
    const first = Math.floor(offset / this.pageSize);
    const count = Math.floor(((offset % this.pageSize) + bytes - 1) / this.pageSize) + 1;
    const descKey = layout.descKey(instance, ctxQ, local, slot);
    const now = this.sim.now;
    let stall = tr.translate(descKey, now);
    stall += tr.translate(descKey, now + stall);
    for (let k = 0; k < count; k++)
      stall += tr.translate(layout.bufferKey(instance, ctxQ, (first + k) % pages), now + stall);
    stall += tr.translate(descKey, now + stall);
    stall += tr.translate(layout.usedKey(instance, ctxQ, local, slot), now + stall);
    this.stats.translations.add(count + 4);
    this.stats.stallNs.add(stall);
    return stall;
  }

  /** The backend finished request p: its used entry is written now. */
  private onBackendDone(p: number): void {
    this.pool.setDone(p, this.sim.now);
    const q = this.reqQueue[p] as number;
    const tail = this.doneTail[q] as number;
    if (tail === -1) this.doneHead[q] = p;
    else this.pool.setNext(tail, p);
    this.doneTail[q] = p;
    this.pool.setNext(p, -1);
    const pending = (this.nDone[q] as number) + 1;
    this.nDone[q] = pending;
    if (this.polling) this.schedulePoll(q);
    else (this.coalescer as Coalescer).onCompletions(q, pending);
  }

  /** Coalescing fired for queue q: claim its completions and deliver the interrupt. */
  private onNotify(q: number): void {
    const k = this.nDone[q] as number;
    this.claimHead[q] = this.doneHead[q] as number;
    this.nClaim[q] = k;
    this.doneHead[q] = -1;
    this.doneTail[q] = -1;
    this.nDone[q] = 0;
    const c = this.costs;
    if (c.hostNsPerInterrupt > 0) this.ctx.hostCpu.addBusy(c.hostNsPerInterrupt);
    this.sim.schedule(c.deliveryNs + c.handlerNs + k * c.perPacketNs, this.irqHandler, q);
  }

  private onInterrupt(q: number): void {
    const k = this.nClaim[q] as number;
    const head = this.claimHead[q] as number;
    this.claimHead[q] = -1;
    this.nClaim[q] = 0;
    const g = this.ctx.instances.group[Math.floor(q / this.q)] as number;
    this.stats.interrupts[g] = (this.stats.interrupts[g] as number) + 1;
    const bytes = this.handleList(q, head);
    (this.coalescer as Coalescer).onHandled(q, this.nDone[q] as number, k, bytes);
  }

  private schedulePoll(q: number): void {
    if (this.pollScheduled[q] === 1) return;
    this.pollScheduled[q] = 1;
    this.sim.scheduleAt(
      nextPollNs(this.sim.now, q, this.pollMeter.intervalNs),
      this.pollHandler,
      q,
      Priority.LOW,
    );
  }

  private onPoll(q: number): void {
    this.pollScheduled[q] = 0;
    const head = this.doneHead[q] as number;
    this.doneHead[q] = -1;
    this.doneTail[q] = -1;
    this.nDone[q] = 0;
    this.handleList(q, head);
  }

  /** The driver handles a list of completed requests of queue q now; returns their bytes. */
  private handleList(q: number, head: number): number {
    const now = this.sim.now;
    const pool = this.pool;
    const stats = this.stats;
    const instance = Math.floor(q / this.q);
    const g = this.ctx.instances.group[instance] as number;
    const closed = (this.iodepth[g] as number) > 0;
    let bytes = 0;
    let p = head;
    while (p !== -1) {
      const next = pool.next(p);
      const size = pool.size(p);
      stats.latency[g]?.add(now - pool.arrival(p));
      stats.completed[g] = (stats.completed[g] as number) + 1;
      stats.bytes[g] = (stats.bytes[g] as number) + size;
      bytes += size;
      this.outstanding[q] = (this.outstanding[q] as number) - 1;
      pool.release(p);
      if (closed && this.active.has(instance)) this.issue(instance, q, now);
      p = next;
    }
    return bytes;
  }
}
