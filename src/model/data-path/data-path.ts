/**
 * The data path (docs/model.md, "Data path"): every instance's RX/TX virtqueues, the device's
 * shared engines, DMA translation, invalidations, notification coalescing and interrupt
 * delivery (or polling), driven by the workload groups' merged arrival processes.
 *
 * Event chain of one packet (per-packet fidelity):
 *   arrival (group event) → accepted into its queue (TX: driver post, kick unless the device is
 *   already processing the queue; RX: needs a posted buffer, else dropped) → an engine serves
 *   it (engines.ts) → engine-done event: used entry written → coalescing decides the
 *   notification → interrupt event: the driver handles the completions (driver.ts; latency
 *   ends; TX slot reclaimed / RX buffer refilled, after an unmap with dynamic mappings).
 *   Polling replaces coalescing and interrupts with per-queue polls at a fixed phase.
 *
 * This class wires the parts together and owns what arrives: the arrival events, `offer`, the
 * instances' activation and the metrics. Per-queue state is one packed record per queue
 * (queue-table.ts) indexed by qid = instance × Q + local (Q = 2 × pairs; local 2p is RX of
 * pair p, 2p+1 its TX); packets live in the packet pool. No object or closure per packet or
 * event.
 */
import type { Simulator } from '../../engine/simulator.js';
import { makeDistribution } from '../../random/distribution.js';
import type { ModelConfig } from '../config.js';
import type { InstanceShape } from '../instance-shape.js';
import type { Coalescer } from '../interrupts/coalescer.js';
import { type InterruptCosts, interruptCosts } from '../interrupts/delivery.js';
import type { InterruptMode } from '../interrupts/interrupt-mode.js';
import type { IsolationMode } from '../iommu/isolation-mode.js';
import { Translator } from '../iommu/translator.js';
import type { DataPathPort, MetricSink, ModelComponent, ModelContext, QueueProbe } from '../ports.js';
import { IndexedSet } from '../primitives/indexed-set.js';
import { AddressLayout } from './address-layout.js';
import { DataPathMeters } from './data-path-meters.js';
import { DataPathStats, setFinite } from './data-path-stats.js';
import { DATA_PATH_KINDS } from './device-params.js';
import { DmaBench } from './dma-bench.js';
import { Driver } from './driver.js';
import { Engines } from './engines.js';
import { PacketPool } from './packet-pool.js';
import { DEV_HEAD, DEVICE_ACTIVE, HEAD, N_DEV, QueueTable, STATE, STRIDE, TAIL } from './queue-table.js';
import { TrafficSource } from './traffic-source.js';

/** The strategies the data path is built with (chosen by name in src/strategies/). */
export interface DataPathModes {
  readonly isolation: IsolationMode;
  readonly interrupts: InterruptMode;
  readonly shape: InstanceShape;
}

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
  /** The DMA microbenchmark of the groups that run one instead of packet traffic. */
  readonly dma: DmaBench | undefined;
  private readonly sim: Simulator;
  private readonly config: ModelConfig;
  private readonly group: Uint16Array;
  private readonly groupNames: string[];
  private readonly sources: (TrafficSource | undefined)[];
  private readonly costs: InterruptCosts;
  private readonly pool = new PacketPool();
  private readonly queues: QueueTable;
  private readonly engines: Engines;
  /** The guest driver's side (public for tests: its invalidation queues and flush queues). */
  readonly driver: Driver;
  private readonly meters: DataPathMeters;

  private readonly q: number;
  private readonly queueSize: number;
  private readonly kickNs: number;
  private readonly polling: boolean;
  private readonly interruptMode: InterruptMode;
  private readonly shape: InstanceShape;

  /** Per instance: traffic flows. */
  private readonly active: IndexedSet;

  // Lifetime totals (handled: the driver's).
  private totalOffered = 0;
  private totalDropped = 0;

  private readonly arrivalHandler: number;
  /** Batch fidelity: arrivals are taken in windows of this many ns, one event per window (0: one per arrival). */
  private readonly windowNs: number;

  constructor(
    private readonly ctx: ModelContext,
    modes: DataPathModes,
  ) {
    const config = ctx.config;
    this.config = config;
    this.sim = ctx.sim;
    const n = ctx.instances.capacity;
    this.group = ctx.instances.group;
    this.groupNames = config.workload.groups.map((g) => g.name);
    const pairs = config.device.queuePairs;
    this.q = 2 * pairs;
    this.queueSize = config.device.queueSize;
    const kind = DATA_PATH_KINDS[config.device.dataPath];
    const engineService = makeDistribution(config.device.engineService);
    this.kickNs = config.device.kick;
    this.interruptMode = modes.interrupts;
    this.shape = modes.shape;
    this.costs = interruptCosts(config, modes.interrupts, modes.shape);
    this.polling = !modes.interrupts.delivers;

    const isolation = modes.isolation;
    this.layout = new AddressLayout(config, n, isolation.context === 'group' ? modes.shape.dataGroups : 1);
    this.stats = new DataPathStats(this.groupNames.length, this.sim.now);
    this.translator =
      kind.translates && isolation.passthrough !== true
        ? new Translator(config.iommu, isolation, {
            allowDevtlb: kind.deviceCaches,
            allowDeviceMmu: kind.deviceCaches,
            span: this.layout.span,
            contextsPerInstance: this.layout.contexts / Math.max(1, n),
            stats: this.stats.set,
          })
        : undefined;
    this.warnIgnored(kind, isolation);

    this.active = new IndexedSet(n);
    this.queues = new QueueTable(n * this.q);
    this.driver = new Driver(
      ctx,
      this.queues,
      this.pool,
      this.stats,
      this.costs,
      this.translator,
      this.layout,
      this.polling,
      isolation.domain,
    );
    this.coalescer = this.driver.coalescer;
    this.meters = new DataPathMeters(ctx, config, kind.onHost, this.translator);
    this.engines = new Engines(
      this.sim,
      config,
      this.queues,
      this.pool,
      this.stats,
      this.translator,
      this.layout,
      ctx.hostCpu,
      this.driver,
      this.meters.engines,
      this.meters.tags,
    );
    this.sources = config.workload.groups.map((group, g) =>
      TrafficSource.create(
        group,
        ctx.instances.groupStart[g] as number,
        ctx.instances.groupSizes[g] as number,
        ctx.streams,
        this.layout.bufferPages[g] as number,
        pairs,
        engineService,
      ),
    );
    this.dma = DmaBench.create(ctx, this.translator, this.layout);
    this.driver.setPolledInstances(0);
    this.windowNs = config.fidelity.mode === 'batch' ? Math.max(1, config.fidelity.window) : 0;
    this.arrivalHandler =
      this.windowNs > 0
        ? this.sim.handler('data/arrival-window', (g) => this.onArrivalWindow(g))
        : this.sim.handler('data/arrival', (g) => this.onArrival(g));
  }

  // ── life cycle ────────────────────────────────────────────────────────────────────────────

  start(): void {
    for (let g = 0; g < this.sources.length; g++) this.scheduleArrival(g);
  }

  activate(instance: number): void {
    if (!this.active.add(instance)) return;
    this.driver.setPolledInstances(this.active.size);
    if (this.dma?.runs(instance)) this.dma.activate(instance);
  }

  deactivate(instance: number): void {
    if (!this.active.delete(instance)) return;
    this.driver.setPolledInstances(this.active.size);
    if (this.dma?.runs(instance)) this.dma.deactivate(instance);
  }

  /** A CVQ or config interrupt of `instance` (reported by the control plane): counted and costed like a data one. */
  notifyControl(instance: number): void {
    if (this.polling) return;
    const g = this.group[instance] as number;
    this.stats.controlInterrupts[g] = (this.stats.controlInterrupts[g] as number) + 1;
    this.stats.guestCpuNs.add(this.costs.handlerNs);
    this.driver.chargeHandler(this.costs.handlerNs);
    this.ctx.hostCpu.addBusy(this.costs.hostNsPerInterrupt);
  }

  /** Adaptive coalescing's moderation commands go to `issue(instance)` (the control plane's CVQ). */
  sendModerationTo(issue: (instance: number) => void): void {
    this.driver.moderationPort = issue;
  }

  /** Instances whose traffic flows. */
  get activeInstances(): number {
    return this.active.size;
  }

  resetStats(nowNs: number): void {
    this.stats.reset(nowNs);
    this.engines.resetStats(nowNs);
    this.dma?.resetStats(nowNs);
  }

  collect(sink: MetricSink, windowNs: number): void {
    const now = this.sim.now;
    this.stats.write(sink, this.groupNames, windowNs);
    this.dma?.collect(sink, windowNs);
    setFinite(sink, 'engine_util', this.engines.workNs(now) / (this.engines.count * windowNs));
    const tr = this.translator;
    if (tr !== undefined) {
      const p = tr.platform;
      setFinite(sink, 'iotlb_hit_rate', p.hits / p.lookups);
      setFinite(sink, 'iotlb_misses_per_s', ((p.lookups - p.hits) * 1e9) / windowNs);
      const dev = tr.deviceCounters();
      if (dev !== undefined) setFinite(sink, 'devtlb_hit_rate', dev.hits / dev.lookups);
      setFinite(sink, 'translation_ns_per_packet', tr.stallNs / this.stats.serviced.value);
      const served = this.stats.serviced.value;
      setFinite(sink, 'ring_translations_per_packet', this.stats.ringTranslations.value / served);
    }
    const inv = this.driver.invalidations;
    setFinite(sink, 'invalidations_per_s', inv === undefined ? 0 : (inv.completed * 1e9) / windowNs);
    if (inv !== undefined) {
      setFinite(sink, 'invalidation_wait_mean_us', inv.sojournSumNs / inv.completed / 1000);
      setFinite(sink, 'invalidation_queue_util', inv.busyNs / (inv.units * windowNs));
    }
    setFinite(
      sink,
      'vectors_used',
      this.interruptMode.vectorsUsed(this.config, this.shape, this.active.size),
    );
    this.settleResources(now);
    setFinite(sink, 'vector_sharers_max', this.costs.sharers);
    if (this.polling) this.ctx.hostCpu.addBusy(this.driver.pollMeter.take(now));
  }

  settleResources(nowNs: number): number {
    this.meters.settle(this.engines.workNs(nowNs), this.translator);
    this.driver.settleHandlers(this.interruptMode.vectorsUsed(this.config, this.shape, this.active.size));
    return this.polling ? this.driver.pollMeter.peek(nowNs) : 0;
  }

  readonly queue: QueueProbe = {
    what: 'data-path packets in flight',
    utilisation: 'engine_util',
    backlog: () => this.pool.live,
  };

  /** Lifetime totals for conservation checks. */
  totals(): DataPathTotals {
    return {
      offered: this.totalOffered,
      handled: this.driver.totalHandled,
      dropped: this.totalDropped,
      inFlight: this.pool.live,
    };
  }

  // ── arrivals ──────────────────────────────────────────────────────────────────────────────

  /** The group's next arrival event: at the arrival, or (batch) at the end of its window. */
  private scheduleArrival(g: number): void {
    const t = this.sources[g]?.process.nextNs;
    if (t === undefined || !Number.isFinite(t)) return;
    let at = Math.max(this.sim.now, Math.round(t));
    const w = this.windowNs;
    if (w > 0) at = Math.ceil(at / w) * w;
    this.sim.scheduleAt(at, this.arrivalHandler, g);
  }

  private onArrival(g: number): void {
    const src = this.sources[g] as TrafficSource;
    const instance = src.process.fire();
    this.scheduleArrival(g); // before the packet's own events: the engine's sequence order
    this.deliver(src, instance, this.sim.now);
  }

  /**
   * Batch fidelity: every arrival of group g due by now (the end of a window) is offered now,
   * in order, from the same draws per-packet fidelity makes (common random numbers across
   * fidelities as across strategies); its latency still counts from its own arrival time.
   */
  private onArrivalWindow(g: number): void {
    const src = this.sources[g] as TrafficSource;
    const now = this.sim.now;
    for (;;) {
      const t = Math.round(src.process.nextNs);
      if (!(t <= now)) break;
      this.deliver(src, src.process.fire(), Math.max(0, t));
    }
    this.scheduleArrival(g);
  }

  /** The source's event just fired: a packet for `instance` arrived at `arrivalNs` (−1: an internal transition). */
  private deliver(src: TrafficSource, instance: number, arrivalNs: number): void {
    if (instance < 0) return;
    src.draw(); // always, ready or not: common random numbers
    if (!this.active.has(instance)) return;
    this.accept(instance, src.pair, src.tx, src.size, src.page, src.serviceNs, arrivalNs);
  }

  /**
   * One packet offered to `instance` now (the arrival handler's work; public for tests and
   * trace-driven workloads): accepted into queue pair `pair`'s TX or RX queue, or dropped when
   * the ring has no free slot (RX: no posted buffer; TX: the ring is full and the packet would
   * overflow the qdisc). Returns false when dropped. The instance must be active.
   */
  offer(instance: number, pair: number, tx: boolean, size: number, page: number, serviceNs: number): boolean {
    return this.accept(instance, pair, tx, size, page, serviceNs, this.sim.now);
  }

  /** `offer` of a packet that arrived at `arrivalNs` ≤ now (earlier in a batch window). */
  private accept(
    instance: number,
    pair: number,
    tx: boolean,
    size: number,
    page: number,
    serviceNs: number,
    arrivalNs: number,
  ): boolean {
    const stats = this.stats;
    const g = this.group[instance] as number;
    stats.offered[g] = (stats.offered[g] as number) + 1;
    this.totalOffered++;
    const q = instance * this.q + 2 * pair + (tx ? 1 : 0);
    if (this.queues.outstanding(q) >= this.queueSize) {
      stats.dropped[g] = (stats.dropped[g] as number) + 1;
      this.totalDropped++;
      return false;
    }
    const now = this.sim.now;
    const pool = this.pool;
    const p = pool.alloc(arrivalNs, size, this.driver.mapBuffer(instance, q, page), serviceNs);
    const r = this.queues.rec;
    const b = q * STRIDE;
    const t = r[b + TAIL] as number;
    if (t === -1) r[b + HEAD] = p;
    else pool.setNext(t, p);
    r[b + TAIL] = p;
    if (r[b + DEV_HEAD] === -1) r[b + DEV_HEAD] = p;
    r[b + N_DEV] = (r[b + N_DEV] as number) + 1;
    stats.ringLevel.add(now, 1);
    const s = r[b + STATE] as number;
    if ((s & DEVICE_ACTIVE) === 0) {
      // The driver kicks (TX doorbell) only when the device is not already processing the queue.
      r[b + STATE] = s | DEVICE_ACTIVE;
      if (tx) stats.guestCpuNs.add(this.kickNs);
      this.engines.wake(q);
    }
    return true;
  }

  private warnIgnored(
    kind: (typeof DATA_PATH_KINDS)[keyof typeof DATA_PATH_KINDS],
    isolation: IsolationMode,
  ): void {
    const dataPath = this.config.device.dataPath;
    if (!kind.translates && isolation.isolates) {
      this.ctx.warn(
        `strategy.isolation ${isolation.name} has no effect on a ${dataPath} data path (bounce buffers, no IOMMU)`,
      );
    } else if (!isolation.isolates) {
      this.ctx.warn(
        `strategy.isolation ${isolation.name}: instances share one DMA context (no isolation, insecure)`,
      );
    }
    if (kind.translates && !kind.deviceCaches && isolation.deviceMmu) {
      this.ctx.warn(
        `strategy.isolation ${isolation.name} on a ${dataPath} data path: only its software IOTLB is modelled`,
      );
    }
  }
}
