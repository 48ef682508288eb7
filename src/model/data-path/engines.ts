/**
 * The device's shared engines (docs/model.md, "Data path"). When a queue has work and no turn
 * in flight (a kick, or the end of its previous turn), the device fetches up to
 * `device.descPrefetch` of its available descriptors — reading the avail ring (its idx and the
 * entries) and then the descriptors, as a split virtqueue is read [[virtio-rings]] — and the
 * packets fetched form one turn, given to the engine whose serial work frees first, when that
 * engine can take it: a hardware engine prefetches one turn while it works on the one before
 * (from the moment that turn's work begins, and at the latest the fetch's two reads and one
 * buffer transfer before its work frees), a host thread when it reaches the queue; until then
 * the queue waits in a FIFO, so a turn holds the descriptors available when an engine gets to
 * it, and no engine books more than the turn it works on and the one it prefetches.
 * How many descriptors a device fetches at once is a device design choice [[pcie-model]], not
 * a simulation knob: per-packet results never depend on `fidelity.budget`. A queue has one
 * turn in flight at a time, so its completions stay in order.
 *
 * Translations: a fetch translates the pages its reads touch (avail idx and entries,
 * descriptors); each packet translates its buffer page and the used-ring page its completion
 * is written to. A turn's translations are made when it is fetched, in the order its requests
 * are issued.
 *
 * Timing of a hardware engine: a pipeline whose DMA requests overlap (dma-tags.ts). The fetch
 * is two dependent reads (the avail ring, then the descriptors it names: 2 × dmaRead plus the
 * fetch's stalls); each packet's buffer transfer is then one request of dmaRead plus its
 * buffer's stall, issued once the descriptors are in and a tag is free; it holds its tag until
 * its completion arrives (a tag names one outstanding non-posted request [[linux-pci-probe]]; the data then
 * waits in the device's buffer, at most the two booked turns' worth). The engine's own work — service + bytes × enginePerByte
 * (the link transfer) + the used-ring write's stall — is serial. So an engine completes at most
 * min(1 / work, tags / DMA latency) packets per unit time, fetches overlap other turns' work,
 * and a translation stall costs throughput only where the tags run out (Little's law). Tags
 * are taken in the order turns are given; a turn's buffer requests are reckoned when it is
 * fetched, so a later turn's fetch may count them as in flight a little early (conservative).
 *
 * Host data paths (vduse, software) are threads that wait on every access: a packet holds its
 * thread for service + bytes × perByte + dmaRead + its stalls (the fetch's on the turn's first
 * packet), a wake-up is paid when the thread was idle, and the busy time is host CPU.
 *
 * Events: one completion event per packet (per-packet fidelity) or per `fidelity.budget`
 * packets of a turn (batch fidelity: they complete together at the last one's time), and one
 * take event whenever queues wait for an engine. `engine_util`: the serial work's share.
 * The pool is the resource protocol's computed form (primitives/resource.ts), inline for speed:
 * its observable side is the `data-engines` meter (the ready FIFO's level, the work in time).
 */

import { Priority } from '../../engine/priority.js';
import type { Simulator } from '../../engine/simulator.js';
import type { ResourceMeter } from '../../stats/resource-usage.js';
import type { ModelConfig } from '../config.js';
import type { Translator } from '../iommu/translator.js';
import type { HostCpuPort } from '../ports.js';
import { IntRing } from '../primitives/int-ring.js';
import { KeyedMinHeap } from '../primitives/keyed-min-heap.js';
import type { AddressLayout } from './address-layout.js';
import type { DataPathStats } from './data-path-stats.js';
import { DATA_PATH_KINDS } from './device-params.js';
import { DmaTags } from './dma-tags.js';
import type { PacketPool } from './packet-pool.js';
import {
  DEV_HEAD,
  DEVICE_ACTIVE,
  N_DEV,
  N_DONE,
  type QueueTable,
  STATE,
  STRIDE,
  USED_MASK,
} from './queue-table.js';

/** Dependent DMA reads of one split-ring fetch: the avail ring, then the descriptors it names [[virtio-rings]]. */
const FETCH_READS = 2;
/** A completion event's argument: (queue × COUNT_SPAN + packets) × 2 + (1 if it ends the turn). */
const COUNT_SPAN = 131_072;

/** Who hears about completions: the driver side (coalescing or polling). */
export interface CompletionListener {
  /** Used entries of queue q were written now (its N_DONE grew). */
  onDeviceCompletions(q: number): void;
}

export class Engines {
  /** Descriptors fetched from one queue per turn (device.descPrefetch). */
  private readonly turn: number;
  /** Packets per completion event: 1 (packet fidelity) or up to fidelity.budget (batch fidelity). */
  private readonly perEvent: number;
  private readonly q: number;
  private readonly queueSize: number;
  private readonly hostDataPath: boolean;
  private readonly engineNsPerByte: number;
  private readonly dmaNs: number;
  private readonly wakeupNs: number;
  /** Hardware engines' outstanding DMA requests (undefined for host threads). */
  private readonly tags: DmaTags | undefined;
  /** When each engine's serial work is next free, and the engines ordered by it. */
  private readonly workFree: Float64Array;
  private readonly byFree: KeyedMinHeap;
  /** Queues with work waiting for an engine to reach them, oldest first (each at most once). */
  private readonly ready: IntRing;
  /** When each engine's booked serial work begins: a hardware engine fetches its next turn no earlier. */
  private readonly workBegin: Float64Array;
  /** How long before its work frees a hardware engine fetches its next turn at the latest (the fetch's reads and the first buffer's); 0 for threads. */
  private readonly fetchLeadNs: number;
  /** The queue whose ring a fetch translates: instance, queue, local index (no allocation per fetch). */
  private readonly ring = new Int32Array(3);
  private takePending = false;
  private readonly doneHandler: number;
  private readonly takeHandler: number;

  constructor(
    private readonly sim: Simulator,
    config: ModelConfig,
    private readonly queues: QueueTable,
    private readonly pool: PacketPool,
    private readonly stats: DataPathStats,
    private readonly translator: Translator | undefined,
    private readonly layout: AddressLayout,
    private readonly hostCpu: HostCpuPort,
    private readonly listener: CompletionListener,
    /** `data-engines`: queues waiting in the ready FIFO (the engines' work is charged in time by the owner). */
    private readonly meter: ResourceMeter,
    /** `dma-tags`: the hardware engines' tags, charged with each request's hold and wait. */
    private readonly tagMeter?: ResourceMeter,
  ) {
    this.turn = Math.max(1, Math.floor(config.device.descPrefetch));
    const budget = Math.max(1, Math.floor(config.fidelity.budget));
    this.perEvent = config.fidelity.mode === 'batch' ? Math.min(budget, COUNT_SPAN - 1) : 1;
    this.q = 2 * config.device.queuePairs;
    this.queueSize = config.device.queueSize;
    this.hostDataPath = DATA_PATH_KINDS[config.device.dataPath].onHost;
    this.engineNsPerByte = config.device.enginePerByte + (this.hostDataPath ? config.device.copyPerByte : 0);
    this.dmaNs = config.device.dmaRead;
    this.wakeupNs = this.hostDataPath ? config.device.wakeup : 0;
    const engines = Math.max(1, config.device.engines);
    this.tags = this.hostDataPath ? undefined : new DmaTags(engines, Math.max(1, config.device.dmaTags));
    // −1: never busy, so a host thread's first turn pays its wake-up.
    this.workFree = new Float64Array(engines).fill(-1);
    this.workBegin = new Float64Array(engines).fill(-1);
    this.byFree = new KeyedMinHeap(this.workFree);
    this.ready = new IntRing(Math.max(1, queues.queues));
    this.fetchLeadNs = this.hostDataPath ? 0 : (FETCH_READS + 1) * this.dmaNs;
    this.doneHandler = sim.handler('data/engine-done', (arg) => this.onDone(arg));
    this.takeHandler = sim.handler('data/engine-take', () => this.onTake());
  }

  get count(): number {
    return this.workFree.length;
  }

  /**
   * A turn's work is counted when it is given, so a window's share is the work booked in it,
   * plus what was booked before it for after its start, minus what is booked past its end
   * (exact while booked work has no gaps, as a backlogged engine's has not).
   */
  resetStats(nowNs: number): void {
    this.stats.engineWorkNs.add(this.bookedAfter(nowNs));
  }

  /** The serial work inside the window up to `nowNs` (ns, over all engines): what engine_util divides. */
  workNs(nowNs: number): number {
    return this.stats.engineWorkNs.value - this.bookedAfter(nowNs);
  }

  private bookedAfter(nowNs: number): number {
    let ns = 0;
    for (const free of this.workFree) if (free > nowNs) ns += free - nowNs;
    return ns;
  }

  /**
   * Queue q has work and no turn in flight. The engine whose work frees first fetches its turn
   * when it can take it (`takeAt`): at once if it is idle or about to be, otherwise q joins the
   * ready FIFO, so a turn holds the descriptors available when an engine reaches the queue,
   * and no engine books work more than one fetch ahead.
   */
  wake(q: number): void {
    const e = this.byFree.min();
    if (this.ready.length === 0 && this.takeAt(e) <= this.sim.now) {
      this.startTurn(e, q);
      this.byFree.update(e);
      return;
    }
    this.ready.push(q);
    this.meter.join(this.sim.now);
    this.scheduleTake();
  }

  /**
   * When engine e can take its next turn. A host thread: when its work frees. A hardware
   * engine prefetches one turn while it works on another (a descriptor cache of two turns):
   * its next fetch starts when the booked turn's work begins, and at the latest a fetch's lead
   * before it frees. Overlapping the whole turn hides the fetch's translation stalls, so a
   * backlogged engine never idles waiting for descriptors (engine_util → 1 at overload).
   */
  private takeAt(e: number): number {
    const free = this.workFree[e] as number;
    if (this.fetchLeadNs === 0) return free;
    return Math.min(free - this.fetchLeadNs, this.workBegin[e] as number);
  }

  private scheduleTake(): void {
    if (this.takePending || this.ready.length === 0) return;
    this.takePending = true;
    const at = Math.max(this.sim.now, this.takeAt(this.byFree.min()));
    this.sim.schedule(at - this.sim.now, this.takeHandler, 0, Priority.HIGH);
  }

  /** Engines that can take a turn now take the ready queues, oldest first. */
  private onTake(): void {
    this.takePending = false;
    const now = this.sim.now;
    while (this.ready.length > 0) {
      const e = this.byFree.min();
      if (this.takeAt(e) > now) break;
      this.meter.leave(now);
      this.startTurn(e, this.ready.shift());
      this.byFree.update(e);
    }
    this.scheduleTake();
  }

  /**
   * Queue q's turn, given to engine e now: the descriptors available now (up to one prefetch;
   * later arrivals wait for the next turn), the turn's translations, when each packet
   * completes, and the completion events.
   */
  private startTurn(e: number, q: number): void {
    const now = this.sim.now;
    const pool = this.pool;
    const r = this.queues.rec;
    const b = q * STRIDE;
    const k = Math.min(this.turn, r[b + N_DEV] as number);
    const instance = Math.floor(q / this.q);
    const local = q - instance * this.q;
    const tr = this.translator;
    const tags = this.tags;
    const first = ((r[b + STATE] as number) & USED_MASK) % this.queueSize;
    const free = this.workFree[e] as number;
    const begin = Math.max(now, free);
    // A host thread that had nothing to do is woken first.
    let end = free < now ? begin + this.wakeupNs : begin;
    // Each translation is given the time of its access, so a bounded walker pool queues it.
    // Hardware: the fetch holds one tag for its two dependent reads.
    // A hardware turn's translations are requested back to back from its fetch (walkAt), so
    // bounded walkers stay busy: timed at each request's start they would leave booked gaps.
    let descriptorsIn = 0;
    let walkAt = now;
    if (tags !== undefined) {
      const start = tags.acquire(e, now);
      const fetchStall = tr === undefined ? 0 : this.fetchStall(instance, q, local, first, k, start);
      walkAt = start + fetchStall;
      descriptorsIn = start + FETCH_READS * this.dmaNs + fetchStall;
      tags.release(e, descriptorsIn);
      this.chargeTag(now, start, descriptorsIn);
    } else if (tr !== undefined) {
      end += this.fetchStall(instance, q, local, first, k, end);
    }
    let p = r[b + DEV_HEAD] as number;
    let work = 0;
    let inEvent = 0;
    for (let j = 0; j < k; j++) {
      const bufferKey = this.layout.bufferKey(instance, q, pool.page(p));
      const usedKey = this.layout.usedKey(instance, q, local, (first + j) % this.queueSize);
      if (tr !== undefined) this.stats.ringTranslations.add(1);
      const base = pool.service(p) + this.engineNsPerByte * pool.size(p);
      if (tags === undefined) {
        const bufferStall = tr === undefined ? 0 : tr.translate(bufferKey, end);
        const dataIn = end + this.dmaNs + bufferStall;
        end = dataIn + base + (tr === undefined ? 0 : tr.translate(usedKey, dataIn));
      } else {
        const start = tags.acquire(e, descriptorsIn);
        const bufferStall = tr === undefined ? 0 : tr.translate(bufferKey, walkAt);
        const usedStall = tr === undefined ? 0 : tr.translate(usedKey, walkAt + bufferStall);
        walkAt += bufferStall + usedStall;
        const arrived = start + this.dmaNs + bufferStall;
        tags.release(e, arrived);
        this.chargeTag(descriptorsIn, start, arrived);
        const consumed = Math.max(arrived, end);
        const own = base + usedStall;
        end = consumed + own;
        work += own;
      }
      p = pool.next(p);
      if (++inEvent === this.perEvent || j === k - 1) {
        const last = j === k - 1 ? 1 : 0;
        this.sim.schedule(end - now, this.doneHandler, (q * COUNT_SPAN + inEvent) * 2 + last, Priority.HIGH);
        inEvent = 0;
      }
    }
    if (tags === undefined) {
      work = end - begin;
      this.hostCpu.addBusy(work);
    }
    this.workBegin[e] = begin;
    this.workFree[e] = end;
    this.stats.engineWorkNs.add(work);
    this.stats.serviced.add(k);
  }

  /** A DMA request ready at `readyNs` held a tag from `startNs` to `freeNs` (computed, so charged in time). */
  private chargeTag(readyNs: number, startNs: number, freeNs: number): void {
    const m = this.tagMeter;
    if (m === undefined) return;
    m.heldNs += freeNs - startNs;
    m.queuedNs += startNs - readyNs;
    m.wait.add(startNs - readyNs);
  }

  /**
   * Translation stall of fetching k descriptors of queue q from slot `first` on, the fetch
   * starting at `atNs`: the avail ring's idx, the avail entries, then the descriptors (each page
   * once per read), each translated when the reads before it have been.
   */
  private fetchStall(
    instance: number,
    q: number,
    local: number,
    first: number,
    k: number,
    atNs: number,
  ): number {
    const layout = this.layout;
    this.ring[0] = instance;
    this.ring[1] = q;
    this.ring[2] = local;
    const idxKey = layout.ringKey(instance, q, local, layout.availIdxOffset);
    let stall = this.translateRing(layout.availIdxOffset, layout.availIdxOffset + 2, -1, atNs);
    // Slots [first, first + k) of the ring, in one or (wrapping) two runs.
    const run1 = Math.min(k, this.queueSize - first);
    const e1 = first + run1;
    const run2 = k - run1;
    stall += this.translateRing(
      layout.availEntryOffset(first),
      layout.availEntryOffset(e1),
      idxKey,
      atNs + stall,
    );
    if (run2 > 0)
      stall += this.translateRing(
        layout.availEntryOffset(0),
        layout.availEntryOffset(run2),
        idxKey,
        atNs + stall,
      );
    stall += this.translateRing(layout.descOffset(first), layout.descOffset(e1), -1, atNs + stall);
    if (run2 > 0)
      stall += this.translateRing(layout.descOffset(0), layout.descOffset(run2), -1, atNs + stall);
    return stall;
  }

  /**
   * Translates each page that bytes [lo, hi) of the fetching queue's ring (`ring`: instance,
   * queue, local index) touch, but `skip` (read already), the first at `atNs`; returns the stall.
   */
  private translateRing(lo: number, hi: number, skip: number, atNs: number): number {
    const tr = this.translator as Translator;
    const r = this.ring;
    const firstKey = this.layout.ringKey(r[0] as number, r[1] as number, r[2] as number, lo);
    const lastKey = this.layout.ringKey(r[0] as number, r[1] as number, r[2] as number, hi - 1);
    let stall = 0;
    for (let key = firstKey; key <= lastKey; key++) {
      if (key === skip) continue;
      stall += tr.translate(key, atNs + stall);
      this.stats.ringTranslations.add(1);
    }
    return stall;
  }

  /** Used entries written: `packets` packets of a queue complete now (and maybe its turn). */
  private onDone(arg: number): void {
    const now = this.sim.now;
    const last = arg % 2;
    const code = (arg - last) / 2;
    const k = code % COUNT_SPAN;
    const q = (code - k) / COUNT_SPAN;
    const pool = this.pool;
    const r = this.queues.rec;
    const b = q * STRIDE;
    let p = r[b + DEV_HEAD] as number;
    for (let j = 0; j < k; j++) {
      pool.setDone(p, now);
      p = pool.next(p);
    }
    r[b + DEV_HEAD] = p;
    const left = (r[b + N_DEV] as number) - k;
    r[b + N_DEV] = left;
    r[b + N_DONE] = (r[b + N_DONE] as number) + k;
    const s = r[b + STATE] as number;
    r[b + STATE] = (s & ~USED_MASK) | ((s + k) & USED_MASK);
    if (last === 1) {
      if (left > 0) this.wake(q);
      else r[b + STATE] = (r[b + STATE] as number) & ~DEVICE_ACTIVE;
    }
    this.listener.onDeviceCompletions(q);
  }
}
