/**
 * The data path (model.md §1.1, §3, §4): every instance's RX/TX virtqueues, the device's
 * shared engines, DMA translation, invalidations, notification coalescing and interrupt
 * delivery (or polling), driven by the workload groups' merged arrival processes.
 *
 * Event chain of one packet (per-packet fidelity):
 *   arrival (group event) → accepted into its queue (TX: driver post, kick unless the device is
 *   already processing the queue; RX: needs a posted buffer, else dropped) → an engine serves
 *   it: service + bytes × engineNsPerByte + descriptor read + 3 translations (descriptor page,
 *   buffer page, used-ring page) → engine-done event: used entry written → coalescing decides
 *   the notification → interrupt event at notify + delivery + handler (+ per-packet) time: the
 *   driver handles the completions (latency ends; TX slot reclaimed / RX buffer refilled).
 *   Dynamic mappings unmap each handled buffer: strict through the shared invalidation queue
 *   (the packet is handled when its unmap completes), lazy into the deferred-flush batch.
 *   Polling replaces coalescing and interrupts with per-queue polls at a fixed phase.
 * Engines: a queue waits in one FIFO for a free engine, which then takes up to `budget` of its
 * packets in a row (a NAPI-like turn: device pipelines fetch a queue's descriptors in bursts,
 * and consecutive packets of a queue share ring pages in the IOTLB) before the queue goes back
 * to the FIFO's tail if it still has work. Per-packet fidelity gives every packet its own
 * service event; batch fidelity serves a whole turn in one event (all its packets complete at
 * its end) — same discipline, coarser events, error measured in the tests.
 *
 * Data-path kinds: `hardware` engines translate every DMA access; `vduse` is a host process
 * copying through bounce buffers (copyNsPerByte, a wake-up after idling, no IOMMU) and
 * `software` (vdpa_sim) a kernel thread over a software IOTLB — both report their busy time as
 * host CPU (ctx.hostCpu, charged when a service starts).
 *
 * State is struct-of-arrays indexed by queue id qid = instance × Q + local (Q = 2 × pairs;
 * local 2p is RX of pair p, 2p+1 its TX). A queue's packets form one FIFO linked through the
 * packet pool, in four consecutive blocks: [unmapping][claimed by an interrupt][done, not
 * claimed][in the device]. A queue is served by one engine at a time (in-order completions);
 * queues wait for an engine in one FIFO. No object or closure per packet or event.
 */
import { Priority } from '../../engine/priority.js';
import type { Simulator } from '../../engine/simulator.js';
import { type Distribution, makeDistribution } from '../../random/distribution.js';
import type { ModelConfig } from '../config.js';
import { Coalescer } from '../interrupts/coalescer.js';
import { type InterruptCosts, interruptCosts } from '../interrupts/delivery.js';
import { nextPollNs, PollingMeter } from '../interrupts/polling.js';
import { vectorsUsed } from '../interrupts/vectors.js';
import { InvalidationQueue, LAZY_FLUSH_JOB, LazyFlush } from '../iommu/invalidation.js';
import { ISOLATION_BEHAVIOUR } from '../iommu/isolation-modes.js';
import { Translator } from '../iommu/translator.js';
import type { DataPathPort, MetricSink, ModelComponent, ModelContext } from '../ports.js';
import { AddressLayout } from './address-layout.js';
import { DataPathStats, setFinite } from './data-path-stats.js';
import { PacketPool } from './packet-pool.js';
import { TrafficSource } from './traffic-source.js';

/** Queue flags. */
const DEVICE_ACTIVE = 1; // in the ready FIFO or in service: the driver does not kick (event-idx)
const IN_INVALIDATION = 2; // its next strict unmap is in the invalidation queue
const POLL_SCHEDULED = 4;

/** Lifetime counts (never reset) for conservation checks: offered = handled + dropped + inFlight. */
export interface DataPathTotals {
  offered: number;
  handled: number;
  dropped: number;
  inFlight: number;
}

export class DataPath implements ModelComponent, DataPathPort {
  readonly stats: DataPathStats;
  readonly translator: Translator | undefined;
  readonly layout: AddressLayout;
  readonly coalescer: Coalescer | undefined;
  private readonly sim: Simulator;
  private readonly config: ModelConfig;
  private readonly group: Uint16Array;
  private readonly groupNames: string[];
  private readonly sources: (TrafficSource | undefined)[];
  private readonly costs: InterruptCosts;
  private readonly engineService: Distribution;
  private readonly pool = new PacketPool();

  // Constants of the run.
  private readonly q: number;
  private readonly pairs: number;
  private readonly queueSize: number;
  /** Packets an engine takes from one queue per turn (NAPI-like budget). */
  private readonly turn: number;
  /** Packets per service event: 1 (packet fidelity) or the whole turn (batch fidelity). */
  private readonly perEvent: number;
  private readonly hostDataPath: boolean;
  private readonly engineNsPerByte: number;
  private readonly fixedServiceNs: number;
  private readonly wakeupNs: number;
  private readonly kickNs: number;
  private readonly polling: boolean;
  private readonly strictUnmap: boolean;
  private readonly lazy: LazyFlush | undefined;
  private readonly invalidations: InvalidationQueue | undefined;

  // Per instance.
  private readonly active: Uint8Array;
  private activeCount = 0;

  // Per queue.
  private readonly head: Int32Array;
  private readonly devHead: Int32Array;
  private readonly tail: Int32Array;
  private readonly nDev: Uint16Array;
  private readonly nDone: Uint16Array;
  private readonly nClaim: Uint16Array;
  private readonly nUnmap: Uint16Array;
  private readonly usedIdx: Uint16Array;
  private readonly flags: Uint8Array;

  // Queues waiting for an engine (each at most once): a ring buffer.
  private readonly ready: Int32Array;
  private readyHead = 0;
  private readyCount = 0;

  // Engines.
  private readonly engQueue: Int32Array;
  private readonly engCount: Int32Array;
  /** Packets left in the engine's current turn on its queue. */
  private readonly engLeft: Int32Array;
  private readonly engIdle: Uint8Array;
  private readonly freeEngines: Int32Array;
  private freeCount: number;

  private readonly pollMeter: PollingMeter;

  // Lifetime totals.
  private totalOffered = 0;
  private totalHandled = 0;
  private totalDropped = 0;

  private readonly arrivalHandler: number;
  private readonly engineHandler: number;
  private readonly irqHandler: number;
  private readonly pollHandler: number;

  constructor(private readonly ctx: ModelContext) {
    const config = ctx.config;
    this.config = config;
    this.sim = ctx.sim;
    const n = ctx.instances.capacity;
    this.group = ctx.instances.group;
    this.groupNames = config.workload.groups.map((g) => g.name);
    this.pairs = config.device.queuePairs;
    this.q = 2 * this.pairs;
    this.queueSize = config.device.queueSize;
    const budget = Math.floor(config.fidelity.budget);
    this.turn = Number.isFinite(budget) && budget > 1 ? budget : 1;
    this.perEvent = config.fidelity.mode === 'batch' ? this.turn : 1;
    const kind = config.device.dataPath;
    this.hostDataPath = kind !== 'hardware';
    this.engineNsPerByte =
      config.device.engineNsPerByte + (this.hostDataPath ? config.device.copyNsPerByte : 0);
    this.fixedServiceNs = config.device.dmaReadNs;
    this.engineService = makeDistribution(config.device.engineService);
    this.wakeupNs = this.hostDataPath ? config.device.wakeupNs : 0;
    this.kickNs = config.device.kickNs;
    this.costs = interruptCosts(config);
    this.polling = config.strategy.interrupts === 'polling';

    const behaviour = ISOLATION_BEHAVIOUR[config.strategy.isolation];
    this.layout = new AddressLayout(config, n, behaviour.context === 'queue');
    const translates = kind !== 'vduse';
    this.translator = translates
      ? new Translator(config.iommu, behaviour, {
          allowDevtlb: kind === 'hardware',
          allowDeviceMmu: kind === 'hardware',
        })
      : undefined;
    this.warnIgnored(kind, behaviour.isolates);

    const dynamic = translates && config.iommu.mappings === 'dynamic';
    if (dynamic) {
      const rng = ctx.streams.stream('data/invalidation');
      const service = makeDistribution(config.iommu.invalidationService);
      this.invalidations = new InvalidationQueue(this.sim, service, rng, this);
    }
    this.strictUnmap = dynamic && config.iommu.invalidation === 'strict';
    this.lazy =
      dynamic && !this.strictUnmap && this.translator !== undefined && this.invalidations !== undefined
        ? new LazyFlush(
            this.sim,
            this.translator,
            this.invalidations,
            config.iommu.lazyBatch,
            config.iommu.lazyTimeoutNs,
          )
        : undefined;

    this.active = new Uint8Array(n);
    const nq = n * this.q;
    this.head = new Int32Array(nq).fill(-1);
    this.devHead = new Int32Array(nq).fill(-1);
    this.tail = new Int32Array(nq).fill(-1);
    this.nDev = new Uint16Array(nq);
    this.nDone = new Uint16Array(nq);
    this.nClaim = new Uint16Array(nq);
    this.nUnmap = new Uint16Array(nq);
    this.usedIdx = new Uint16Array(nq);
    this.flags = new Uint8Array(nq);
    this.ready = new Int32Array(Math.max(1, nq));

    const engines = Math.max(1, config.device.engines);
    this.engQueue = new Int32Array(engines).fill(-1);
    this.engCount = new Int32Array(engines);
    this.engLeft = new Int32Array(engines);
    this.engIdle = new Uint8Array(engines).fill(1);
    this.freeEngines = new Int32Array(engines);
    for (let e = 0; e < engines; e++) this.freeEngines[e] = engines - 1 - e;
    this.freeCount = engines;

    this.coalescer = this.polling
      ? undefined
      : new Coalescer(this.sim, nq, config.interrupts.coalescing, this);
    this.stats = new DataPathStats(this.groupNames.length, this.sim.now);
    this.sources = config.workload.groups.map((group, g) =>
      TrafficSource.create(
        group,
        ctx.instances.groupStart[g] as number,
        ctx.instances.groupSizes[g] as number,
        ctx.streams,
        this.layout.bufferPages[g] as number,
        this.pairs,
        this.engineService,
      ),
    );
    this.pollMeter = new PollingMeter(config);
    this.updatePolling();

    this.arrivalHandler = this.sim.handler('data/arrival', (g) => this.onArrival(g));
    this.engineHandler = this.sim.handler('data/engine-done', (e) => this.onEngineDone(e));
    this.irqHandler = this.sim.handler('data/interrupt', (q) => this.onInterrupt(q));
    this.pollHandler = this.sim.handler('data/poll', (q) => this.onPoll(q));
  }

  // ── life cycle ────────────────────────────────────────────────────────────────────────────

  start(): void {
    for (let g = 0; g < this.sources.length; g++) this.scheduleArrival(g);
  }

  activate(instance: number): void {
    if (this.active[instance] === 1) return;
    this.active[instance] = 1;
    this.activeCount++;
    this.updatePolling();
  }

  deactivate(instance: number): void {
    if (this.active[instance] !== 1) return;
    this.active[instance] = 0;
    this.activeCount--;
    this.updatePolling();
  }

  /** A CVQ or config interrupt of `instance` (reported by the control plane): counted and costed like a data one. */
  notifyControl(instance: number): void {
    if (this.polling) return;
    const g = this.group[instance] as number;
    this.stats.controlInterrupts[g] = (this.stats.controlInterrupts[g] as number) + 1;
    this.stats.guestCpuNs += this.costs.handlerNs;
    this.ctx.hostCpu.addBusy(this.costs.hostNsPerInterrupt);
  }

  /** Instances whose traffic flows. */
  get activeInstances(): number {
    return this.activeCount;
  }

  resetStats(nowNs: number): void {
    this.stats.reset(nowNs);
    this.translator?.resetCounters();
    this.invalidations?.resetCounters();
    this.pollMeter.take(nowNs); // polling before the boundary belongs to the warm-up
  }

  collect(sink: MetricSink, windowNs: number): void {
    const now = this.sim.now;
    this.stats.write(sink, this.groupNames, windowNs);
    setFinite(sink, 'engine_util', this.stats.busyEngines.mean(now) / this.engQueue.length);
    const tr = this.translator;
    if (tr !== undefined) {
      const p = tr.platform;
      setFinite(sink, 'iotlb_hit_rate', p.hits / p.lookups);
      setFinite(sink, 'iotlb_misses_per_s', ((p.lookups - p.hits) * 1e9) / windowNs);
      const dev = tr.deviceCounters();
      if (dev !== undefined) setFinite(sink, 'devtlb_hit_rate', dev.hits / dev.lookups);
      setFinite(sink, 'translation_ns_per_packet', tr.stallNs / this.stats.serviced);
    }
    const inv = this.invalidations;
    setFinite(sink, 'invalidations_per_s', inv === undefined ? 0 : (inv.completed * 1e9) / windowNs);
    if (inv !== undefined)
      setFinite(sink, 'invalidation_wait_mean_us', inv.sojournSumNs / inv.completed / 1000);
    setFinite(sink, 'vectors_used', vectorsUsed(this.config, this.activeCount));
    setFinite(sink, 'vector_sharers_max', this.costs.sharers);
    if (this.polling) this.ctx.hostCpu.addBusy(this.pollMeter.take(now));
  }

  /** Lifetime totals for conservation checks. */
  totals(): DataPathTotals {
    return {
      offered: this.totalOffered,
      handled: this.totalHandled,
      dropped: this.totalDropped,
      inFlight: this.pool.live,
    };
  }

  // ── arrivals ──────────────────────────────────────────────────────────────────────────────

  private scheduleArrival(g: number): void {
    const t = this.sources[g]?.process.nextNs;
    if (t === undefined || !Number.isFinite(t)) return;
    this.sim.scheduleAt(Math.max(this.sim.now, Math.round(t)), this.arrivalHandler, g);
  }

  private onArrival(g: number): void {
    const src = this.sources[g] as TrafficSource;
    const instance = src.process.fire();
    this.scheduleArrival(g);
    if (instance < 0) return;
    src.draw(); // always, ready or not: common random numbers
    if (this.active[instance] !== 1) return;
    this.offer(instance, src.pair, src.tx, src.size, src.page, src.serviceNs);
  }

  /**
   * One packet offered to `instance` now (the arrival handler's work; public for tests and
   * trace-driven workloads): accepted into queue pair `pair`'s TX or RX queue, or dropped when
   * the ring has no free slot (RX: no posted buffer; TX: the ring is full and the packet would
   * overflow the qdisc). Returns false when dropped. The instance must be active.
   */
  offer(instance: number, pair: number, tx: boolean, size: number, page: number, serviceNs: number): boolean {
    const stats = this.stats;
    const g = this.group[instance] as number;
    stats.offered[g] = (stats.offered[g] as number) + 1;
    this.totalOffered++;
    const q = instance * this.q + 2 * pair + (tx ? 1 : 0);
    const outstanding =
      (this.nDev[q] as number) +
      (this.nDone[q] as number) +
      (this.nClaim[q] as number) +
      (this.nUnmap[q] as number);
    if (outstanding >= this.queueSize) {
      stats.dropped[g] = (stats.dropped[g] as number) + 1;
      this.totalDropped++;
      return false;
    }
    const pool = this.pool;
    const p = pool.alloc();
    pool.arrival[p] = this.sim.now;
    pool.size[p] = size;
    pool.page[p] = page;
    pool.service[p] = serviceNs;
    const t = this.tail[q] as number;
    if (t === -1) this.head[q] = p;
    else pool.next[t] = p;
    this.tail[q] = p;
    if (this.devHead[q] === -1) this.devHead[q] = p;
    this.nDev[q] = (this.nDev[q] as number) + 1;
    stats.ringLevel.add(this.sim.now, 1);
    const f = this.flags[q] as number;
    if ((f & DEVICE_ACTIVE) === 0) {
      // The driver kicks (TX doorbell) only when the device is not already processing the queue.
      this.flags[q] = f | DEVICE_ACTIVE;
      if (tx) stats.guestCpuNs += this.kickNs;
      this.pushReady(q);
      if (this.freeCount > 0) this.dispatch();
    }
    return true;
  }

  // ── engines ───────────────────────────────────────────────────────────────────────────────

  private pushReady(q: number): void {
    const cap = this.ready.length;
    let i = this.readyHead + this.readyCount;
    if (i >= cap) i -= cap;
    this.ready[i] = q;
    this.readyCount++;
  }

  private popReady(): number {
    const q = this.ready[this.readyHead] as number;
    if (++this.readyHead === this.ready.length) this.readyHead = 0;
    this.readyCount--;
    return q;
  }

  /** Free engines take queues from the ready FIFO. */
  private dispatch(): void {
    while (this.freeCount > 0 && this.readyCount > 0) {
      const e = this.freeEngines[--this.freeCount] as number;
      this.stats.busyEngines.add(this.sim.now, 1);
      this.engLeft[e] = this.turn;
      this.serve(e, this.popReady());
    }
  }

  /** Engine e serves the next packets of queue q: one per event, or the rest of its turn in batch mode. */
  private serve(e: number, q: number): void {
    const pool = this.pool;
    const k = Math.min(this.perEvent, this.nDev[q] as number, this.engLeft[e] as number);
    const instance = Math.floor(q / this.q);
    const local = q - instance * this.q;
    const tr = this.translator;
    const layout = this.layout;
    const qs = this.queueSize;
    let idx = this.usedIdx[q] as number;
    let p = this.devHead[q] as number;
    let total = 0;
    for (let j = 0; j < k; j++) {
      const size = pool.size[p] as number;
      let ns = (pool.service[p] as number) + this.fixedServiceNs + this.engineNsPerByte * size;
      if (tr !== undefined) {
        const slot = idx % qs;
        ns += tr.translate(layout.descKey(instance, q, local, slot));
        ns += tr.translate(layout.bufferKey(instance, q, pool.page[p] as number));
        ns += tr.translate(layout.usedKey(instance, q, local, slot));
      }
      total += ns;
      idx++;
      p = pool.next[p] as number;
    }
    if (this.engIdle[e] === 1) {
      this.engIdle[e] = 0;
      total += this.wakeupNs;
    }
    if (this.hostDataPath) this.ctx.hostCpu.addBusy(total);
    this.engQueue[e] = q;
    this.engCount[e] = k;
    this.engLeft[e] = (this.engLeft[e] as number) - k;
    this.stats.serviced += k;
    this.sim.schedule(total, this.engineHandler, e, Priority.HIGH);
  }

  private onEngineDone(e: number): void {
    const now = this.sim.now;
    const q = this.engQueue[e] as number;
    const k = this.engCount[e] as number;
    const pool = this.pool;
    let p = this.devHead[q] as number;
    for (let j = 0; j < k; j++) {
      pool.done[p] = now;
      p = pool.next[p] as number;
    }
    this.devHead[q] = p;
    this.nDev[q] = (this.nDev[q] as number) - k;
    this.nDone[q] = (this.nDone[q] as number) + k;
    this.usedIdx[q] = (this.usedIdx[q] as number) + k;
    const more = (this.nDev[q] as number) > 0;
    if (more && (this.engLeft[e] as number) > 0) {
      this.serve(e, q); // the turn goes on
    } else {
      if (more) this.pushReady(q);
      else this.flags[q] = (this.flags[q] as number) & ~DEVICE_ACTIVE;
      if (this.readyCount > 0) {
        this.engLeft[e] = this.turn;
        this.serve(e, this.popReady());
      } else {
        this.engQueue[e] = -1;
        this.engIdle[e] = 1;
        this.freeEngines[this.freeCount++] = e;
        this.stats.busyEngines.add(now, -1);
      }
    }
    if (this.polling) this.schedulePoll(q);
    else (this.coalescer as Coalescer).onCompletions(q, this.nDone[q] as number);
  }

  // ── notifications and the driver ──────────────────────────────────────────────────────────

  /** Coalescing fired for queue q: claim its completions and deliver the interrupt. */
  onNotify(q: number): void {
    const k = this.nDone[q] as number;
    this.nDone[q] = 0;
    this.nClaim[q] = k;
    const c = this.costs;
    const handler = c.handlerNs + k * c.perPacketNs;
    this.stats.guestCpuNs += handler;
    if (c.hostNsPerInterrupt > 0) this.ctx.hostCpu.addBusy(c.hostNsPerInterrupt);
    this.sim.schedule(c.deliveryNs + handler, this.irqHandler, q);
  }

  /** The driver's handler for queue q's interrupt has run: its claimed completions are handled. */
  private onInterrupt(q: number): void {
    const k = this.nClaim[q] as number;
    this.nClaim[q] = 0;
    const g = this.group[Math.floor(q / this.q)] as number;
    this.stats.interrupts[g] = (this.stats.interrupts[g] as number) + 1;
    const bytes = this.takeCompletions(q, k);
    (this.coalescer as Coalescer).onHandled(q, this.nDone[q] as number, k, bytes);
  }

  private schedulePoll(q: number): void {
    const f = this.flags[q] as number;
    if ((f & POLL_SCHEDULED) !== 0) return;
    this.flags[q] = f | POLL_SCHEDULED;
    this.sim.scheduleAt(
      nextPollNs(this.sim.now, q, this.pollMeter.intervalNs),
      this.pollHandler,
      q,
      Priority.LOW,
    );
  }

  private onPoll(q: number): void {
    this.flags[q] = (this.flags[q] as number) & ~POLL_SCHEDULED;
    const k = this.nDone[q] as number;
    this.nDone[q] = 0;
    this.stats.guestCpuNs += k * this.costs.perPacketNs;
    this.takeCompletions(q, k);
  }

  /**
   * The driver takes k done packets of queue q (at the head of the unhandled list, behind any
   * still unmapping): without strict unmaps they are handled now; with them they join the
   * unmap block and each is handled when its invalidation completes. Returns the bytes handled now.
   */
  private takeCompletions(q: number, k: number): number {
    if (this.strictUnmap) {
      this.nUnmap[q] = (this.nUnmap[q] as number) + k;
      const f = this.flags[q] as number;
      if (k > 0 && (f & IN_INVALIDATION) === 0) {
        this.flags[q] = f | IN_INVALIDATION;
        (this.invalidations as InvalidationQueue).submit(q);
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
    const p = this.head[q] as number;
    const instance = Math.floor(q / this.q);
    const g = this.group[instance] as number;
    const size = pool.size[p] as number;
    stats.latency[g]?.add(now - (pool.arrival[p] as number));
    stats.irqLatencySumNs += now - (pool.done[p] as number);
    stats.handled[g] = (stats.handled[g] as number) + 1;
    stats.bytes[g] = (stats.bytes[g] as number) + size;
    stats.ringLevel.add(now, -1);
    this.totalHandled++;
    if (this.lazy !== undefined) this.lazy.add(this.layout.bufferKey(instance, q, pool.page[p] as number));
    const next = pool.next[p] as number;
    this.head[q] = next;
    if (next === -1) this.tail[q] = -1;
    pool.release(p);
    return size;
  }

  /** A strict unmap left the invalidation queue: flush its page, handle its packet, submit the next. */
  onInvalidationDone(job: number, submittedAtNs: number): void {
    if (job === LAZY_FLUSH_JOB) return;
    const q = job;
    const p = this.head[q] as number;
    const instance = Math.floor(q / this.q);
    this.translator?.invalidate(this.layout.bufferKey(instance, q, this.pool.page[p] as number));
    // The submitting core spins in the synchronous flush (qi_submit_sync): guest CPU time.
    this.stats.guestCpuNs += this.sim.now - submittedAtNs;
    const size = this.handleHead(q);
    this.coalescer?.addBytes(q, size);
    const left = (this.nUnmap[q] as number) - 1;
    this.nUnmap[q] = left;
    if (left > 0) (this.invalidations as InvalidationQueue).submit(q);
    else this.flags[q] = (this.flags[q] as number) & ~IN_INVALIDATION;
  }

  // ── polling CPU ───────────────────────────────────────────────────────────────────────────

  private updatePolling(): void {
    if (this.polling) this.pollMeter.setRings(this.sim.now, this.activeCount * this.q);
  }

  private warnIgnored(kind: string, isolates: boolean): void {
    const isolation = this.config.strategy.isolation;
    if (kind === 'vduse' && isolation !== 'none') {
      this.ctx.warn(
        `strategy.isolation ${isolation} has no effect on a vduse data path (bounce buffers, no IOMMU)`,
      );
    } else if (!isolates) {
      this.ctx.warn('strategy.isolation none: instances share one DMA context (no isolation, insecure)');
    }
    if (kind === 'software' && isolation === 'device-mmu') {
      this.ctx.warn(
        'strategy.isolation device-mmu on a software data path: only its software IOTLB is modelled',
      );
    }
  }
}
