/**
 * The DMA microbenchmark workload (workload group `dma`, the pcie-bench methodology
 * [[neugebauer-pcie-2018]]; docs/validation.md maps its options): every instance of a DMA group
 * is one requester — a DMA engine of the device — that keeps `outstanding` requests of `size`
 * bytes in flight over its own host buffer `window`, closed loop: a request starts as soon as
 * one of its PCIe tags is free (DmaTags).
 *
 * One request, started at s:
 *   read:       translation stall τ (device TLB, IOTLB, walk, walker queue: Translator), then
 *               the round trip `device.dmaRead`; its data then crosses the requester's link
 *               share in arrival order (`device.enginePerByte` per byte) → done.
 *   write:      τ → its bytes over the link share → done (posted: no round trip).
 *   read-write: a write, then a read of the same bytes (two translations), as pcie-bench's
 *               write-read latency test.
 * So with C IOTLB entries, N > C pages drawn uniformly and T outstanding requests, the hit rate
 * is C/N (LRU under independent uniform references) and the rate is T / (dmaRead + size·perByte
 * + (1 − C/N)·walk) by Little's law, until the walkers (`iommu.walk.concurrency`) or the link
 * share (1 / (size·perByte)) bound it.
 *
 * Events: a request starts (its translation is computed), its data arrives (it takes the link,
 * FIFO in arrival order, and completes; a read-write's read phase is a second arrival). A
 * request is counted — transactions, bytes, latency = done − s — when its completion is
 * processed inside the measured window. Request state lives in flat arrays indexed by slot
 * (instance's tag); no object per request.
 */
import type { Simulator } from '../../engine/simulator.js';
import type { RandomStream } from '../../random/random-stream.js';
import type { Counter } from '../../stats/counter.js';
import type { Histogram } from '../../stats/histogram.js';
import { StatsSet } from '../../stats/stats-set.js';
import type { DmaConfig, ModelConfig } from '../config.js';
import type { Translator } from '../iommu/translator.js';
import type { MetricSink, ModelContext } from '../ports.js';
import type { AddressLayout } from './address-layout.js';
import { setFinite } from './data-path-stats.js';
import { DmaTags } from './dma-tags.js';

const OP_READ = 0;
const OP_WRITE = 1;
const OP_READ_WRITE = 2;

/** Phase of a request whose data-arrival event is pending. */
const PHASE_DATA = 0;
/** A read-write's write has left; its read's data arrives next. */
const PHASE_READ_BACK = 1;

/** One DMA group's fixed parameters, resolved once. */
interface BenchGroup {
  readonly op: number;
  readonly size: number;
  /** Size-aligned slots in the window (random offsets are drawn among them). */
  readonly slots: number;
  readonly random: boolean;
  readonly cold: boolean;
  readonly rng: RandomStream;
  /** Bytes a request moves (a read-write moves its bytes twice). */
  readonly bytes: number;
  readonly outstanding: number;
  /** The group's requesters' tags (`outstanding` each), indexed by instance − first. */
  readonly tags: DmaTags;
  readonly first: number;
  readonly count: number;
  /** First request slot of the group: instance i's tags are slots slotBase + (i − first)·outstanding + k. */
  readonly slotBase: number;
}

export class DmaBench {
  private readonly sim: Simulator;
  private readonly set = new StatsSet();
  private readonly transactions: Counter;
  private readonly bytes: Counter;
  private readonly latency: Histogram;
  /** Per instance: its DMA group (index into `groups`), or −1 when it runs no benchmark. */
  private readonly benchOf: Int16Array;
  private readonly groups: BenchGroup[] = [];
  /** Per instance: when its link share is next free (ns). */
  private readonly linkFree: Float64Array;
  /** Per instance: next sequential offset slot. */
  private readonly cursor: Float64Array;
  /** Per instance: 1 when issuing (active and, for cold groups, measuring). */
  private readonly running: Uint8Array;
  private readonly active: Uint8Array;
  /** Per request slot: its instance, exact start, page key, phase. */
  private readonly slotInstance: Int32Array;
  private readonly slotStart: Float64Array;
  private readonly slotKey: Float64Array;
  private readonly slotPhase: Uint8Array;
  /** 1 while the slot's tag is held by a request (a stopped requester lets them drain). */
  private readonly slotBusy: Uint8Array;
  private readonly startHandler: number;
  private readonly dataHandler: number;
  private readonly readNs: number;
  private readonly perByte: number;
  private readonly pageSize: number;
  private measuring = false;

  /** The benchmark of the config's DMA groups, or undefined when no group has one. */
  static create(
    ctx: ModelContext,
    translator: Translator | undefined,
    layout: AddressLayout,
  ): DmaBench | undefined {
    return ctx.config.workload.groups.some((g) => g.dma !== undefined)
      ? new DmaBench(ctx, translator, layout)
      : undefined;
  }

  private constructor(
    ctx: ModelContext,
    private readonly translator: Translator | undefined,
    private readonly layout: AddressLayout,
  ) {
    const config: ModelConfig = ctx.config;
    this.sim = ctx.sim;
    const n = ctx.instances.capacity;
    this.benchOf = new Int16Array(n).fill(-1);
    let slots = 0;
    config.workload.groups.forEach((g, gi) => {
      const dma = g.dma;
      if (dma === undefined) return;
      const first = ctx.instances.groupStart[gi] as number;
      const count = ctx.instances.groupSizes[gi] as number;
      this.benchOf.fill(this.groups.length, first, first + count);
      const rng = ctx.streams.stream(`dma/offset/${g.name}`);
      this.groups.push(benchGroup(dma, rng, first, count, slots));
      slots += count * dma.outstanding;
    });
    this.slotInstance = new Int32Array(slots);
    this.slotStart = new Float64Array(slots);
    this.slotKey = new Float64Array(slots);
    this.slotPhase = new Uint8Array(slots);
    this.slotBusy = new Uint8Array(slots);
    for (const g of this.groups) {
      for (let r = 0; r < g.count; r++) {
        const base = g.slotBase + r * g.outstanding;
        this.slotInstance.fill(g.first + r, base, base + g.outstanding);
      }
    }
    this.linkFree = new Float64Array(n);
    this.cursor = new Float64Array(n);
    this.running = new Uint8Array(n);
    this.active = new Uint8Array(n);
    this.transactions = this.set.counter('dma/transactions');
    this.bytes = this.set.counter('dma/bytes');
    this.latency = this.set.histogram('dma/latency');
    this.readNs = config.device.dmaRead;
    this.perByte = config.device.enginePerByte;
    this.pageSize = config.iommu.iotlb.pageSize;
    this.startHandler = this.sim.handler('dma/start', (slot) => this.onStart(slot));
    this.dataHandler = this.sim.handler('dma/data', (slot) => this.onData(slot));
  }

  /** Whether `instance` belongs to a DMA group (the data path hands its life cycle here). */
  runs(instance: number): boolean {
    return (this.benchOf[instance] as number) >= 0;
  }

  activate(instance: number): void {
    this.active[instance] = 1;
    if (!this.groupOf(instance).cold || this.measuring) this.start(instance);
  }

  deactivate(instance: number): void {
    this.active[instance] = 0;
    this.running[instance] = 0;
  }

  /** Warm-up boundary: counters restart; cold requesters start now, with nothing cached for them. */
  resetStats(nowNs: number): void {
    this.set.resetAll(nowNs);
    this.measuring = true;
    for (let i = 0; i < this.active.length; i++) {
      if (this.active[i] === 1 && this.running[i] === 0) this.start(i);
    }
  }

  collect(sink: MetricSink, windowNs: number): void {
    setFinite(sink, 'dma_transactions_per_s', this.transactions.rate(windowNs));
    setFinite(sink, 'dma_bandwidth_gbps', (this.bytes.value * 8) / windowNs);
    setFinite(sink, 'dma_latency_mean_ns', this.latency.mean);
    setFinite(sink, 'dma_latency_p99_ns', this.latency.quantile(0.99));
  }

  /** The requester starts: each of its tags not held by a draining request starts a request now. */
  private start(instance: number): void {
    if (this.running[instance] === 1) return;
    this.running[instance] = 1;
    const g = this.groupOf(instance);
    const r = instance - g.first;
    const now = this.sim.now;
    const base = g.slotBase + r * g.outstanding;
    for (let slot = base; slot < base + g.outstanding; slot++) {
      if (this.slotBusy[slot] === 1) continue;
      this.slotBusy[slot] = 1;
      const at = g.tags.acquire(r, now);
      this.slotStart[slot] = at;
      this.sim.scheduleAt(Math.max(now, Math.round(at)), this.startHandler, slot);
    }
  }

  /** A stopped requester's request gives its tag back at `atNs` instead of starting another. */
  private idle(slot: number, g: BenchGroup, r: number, atNs: number): void {
    this.slotBusy[slot] = 0;
    g.tags.release(r, atNs);
  }

  private groupOf(instance: number): BenchGroup {
    return this.groups[this.benchOf[instance] as number] as BenchGroup;
  }

  /** A request starts now on its tag: it translates its page and its data is due after the round trip. */
  private onStart(slot: number): void {
    const instance = this.slotInstance[slot] as number;
    const g = this.groupOf(instance);
    if (this.running[instance] !== 1) {
      this.idle(slot, g, instance - g.first, this.sim.now);
      return;
    }
    const s = this.slotStart[slot] as number;
    const key = this.keyOf(instance, g);
    this.slotKey[slot] = key;
    const tau = this.translator === undefined ? 0 : this.translator.translate(key, s);
    const arrives = g.op === OP_WRITE || g.op === OP_READ_WRITE ? s + tau : s + tau + this.readNs;
    this.slotPhase[slot] = PHASE_DATA;
    this.sim.scheduleAt(Math.max(this.sim.now, Math.round(arrives)), this.dataHandler, slot);
  }

  /** A request's data is at the link: it crosses after what arrived before it; then it completes. */
  private onData(slot: number): void {
    const instance = this.slotInstance[slot] as number;
    const g = this.groupOf(instance);
    const now = this.sim.now;
    const done = Math.max(now, this.linkFree[instance] as number) + g.size * this.perByte;
    this.linkFree[instance] = done;
    if (g.op === OP_READ_WRITE && this.slotPhase[slot] === PHASE_DATA) {
      // The write has left; the read of the same bytes translates again and makes its round trip.
      const tau =
        this.translator === undefined ? 0 : this.translator.translate(this.slotKey[slot] as number, done);
      this.slotPhase[slot] = PHASE_READ_BACK;
      this.sim.scheduleAt(Math.round(done + tau + this.readNs), this.dataHandler, slot);
      return;
    }
    const r = instance - g.first;
    if (this.measuring) {
      this.transactions.add();
      this.bytes.add(g.bytes);
      this.latency.add(done - (this.slotStart[slot] as number));
    }
    if (this.running[instance] !== 1) {
      this.idle(slot, g, r, done);
      return;
    }
    g.tags.release(r, done);
    const next = g.tags.acquire(r, done);
    this.slotStart[slot] = next;
    this.sim.scheduleAt(Math.max(now, Math.round(next)), this.startHandler, slot);
  }

  /** The translation key of the page the requester's next request addresses. */
  private keyOf(instance: number, g: BenchGroup): number {
    let slot: number;
    if (g.random) slot = g.slots > 1 ? g.rng.below(g.slots) : 0;
    else {
      slot = this.cursor[instance] as number;
      this.cursor[instance] = slot + 1 >= g.slots ? 0 : slot + 1;
    }
    const page = Math.floor((slot * g.size) / this.pageSize);
    const layout = this.layout;
    return layout.bufferKey(instance, instance * layout.queuesPerInstance, page);
  }
}

function benchGroup(
  dma: DmaConfig,
  rng: RandomStream,
  first: number,
  count: number,
  slotBase: number,
): BenchGroup {
  const op = dma.op === 'read' ? OP_READ : dma.op === 'write' ? OP_WRITE : OP_READ_WRITE;
  return {
    op,
    size: dma.size,
    slots: Math.max(1, Math.floor(dma.window / dma.size)),
    random: dma.pattern === 'random',
    cold: dma.cache === 'cold',
    rng,
    bytes: op === OP_READ_WRITE ? 2 * dma.size : dma.size,
    outstanding: dma.outstanding,
    tags: new DmaTags(count, dma.outstanding),
    first,
    count,
    slotBase,
  };
}
