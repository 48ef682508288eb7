/**
 * The device's shared engines (docs/model.md, "Data path"): a queue with work waits in one FIFO for a free
 * engine, which then takes up to `budget` of its packets in a row (a NAPI-like turn: device
 * pipelines fetch a queue's descriptors in bursts, and consecutive packets of a queue share
 * ring pages in the IOTLB) before the queue goes back to the FIFO's tail if it still has work.
 * A queue is served by one engine at a time, so its completions stay in order.
 *
 * A packet holds its engine for service + bytes × enginePerByte + descriptor read + three
 * translations (descriptor page, buffer page, used-ring page). Per-packet fidelity gives every
 * packet its own service event; batch fidelity serves a whole turn in one event (all its
 * packets complete at its end): the same discipline, coarser events.
 *
 * Host data paths (vduse, software) report their busy time as host CPU, charged when a service
 * starts, plus a wake-up after idling.
 */

import { Priority } from '../../engine/priority.js';
import type { Simulator } from '../../engine/simulator.js';
import type { ResourceMeter } from '../../stats/resource-usage.js';
import type { ModelConfig } from '../config.js';
import type { Translator } from '../iommu/translator.js';
import type { HostCpuPort } from '../ports.js';
import { IntRing } from '../primitives/int-ring.js';
import type { AddressLayout } from './address-layout.js';
import type { DataPathStats } from './data-path-stats.js';
import { DATA_PATH_KINDS } from './device-params.js';
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

/** Who hears about completions: the driver side (coalescing or polling). */
export interface CompletionListener {
  /** Used entries of queue q were written now (its N_DONE grew). */
  onDeviceCompletions(q: number): void;
}

export class Engines {
  /** Packets an engine takes from one queue per turn (NAPI-like budget). */
  private readonly turn: number;
  /** Packets per service event: 1 (packet fidelity) or the whole turn (batch fidelity). */
  private readonly perEvent: number;
  private readonly q: number;
  private readonly queueSize: number;
  private readonly hostDataPath: boolean;
  private readonly engineNsPerByte: number;
  private readonly fixedServiceNs: number;
  private readonly wakeupNs: number;

  // Queues waiting for an engine (each at most once): a ring buffer.
  /** Queues with work and no engine, in the order they became ready (each at most once). */
  private readonly ready: IntRing;

  private readonly engQueue: Int32Array;
  private readonly engCount: Int32Array;
  /** Packets left in the engine's current turn on its queue. */
  private readonly engLeft: Int32Array;
  private readonly engIdle: Uint8Array;
  private readonly freeEngines: Int32Array;
  private freeCount: number;
  private readonly doneHandler: number;

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
    /** `data-engines`: engines held (the busy level), queues waiting in the ready FIFO. */
    private readonly meter: ResourceMeter,
  ) {
    const budget = Math.floor(config.fidelity.budget);
    this.turn = Number.isFinite(budget) && budget > 1 ? budget : 1;
    this.perEvent = config.fidelity.mode === 'batch' ? this.turn : 1;
    this.q = 2 * config.device.queuePairs;
    this.queueSize = config.device.queueSize;
    this.hostDataPath = DATA_PATH_KINDS[config.device.dataPath].onHost;
    this.engineNsPerByte = config.device.enginePerByte + (this.hostDataPath ? config.device.copyPerByte : 0);
    this.fixedServiceNs = config.device.dmaRead;
    this.wakeupNs = this.hostDataPath ? config.device.wakeup : 0;
    this.ready = new IntRing(Math.max(1, queues.queues));
    const engines = Math.max(1, config.device.engines);
    this.engQueue = new Int32Array(engines).fill(-1);
    this.engCount = new Int32Array(engines);
    this.engLeft = new Int32Array(engines);
    this.engIdle = new Uint8Array(engines).fill(1);
    this.freeEngines = new Int32Array(engines);
    for (let e = 0; e < engines; e++) this.freeEngines[e] = engines - 1 - e;
    this.freeCount = engines;
    this.doneHandler = sim.handler('data/engine-done', (e) => this.onEngineDone(e));
  }

  get count(): number {
    return this.engQueue.length;
  }

  /** Queue q has work and no engine: it joins the ready FIFO, served at once if an engine is free. */
  wake(q: number): void {
    this.pushReady(q);
    if (this.freeCount > 0) this.dispatch();
  }

  /** The ready FIFO, metered as the engines' queue (`data-engines`). */
  private pushReady(q: number): void {
    this.meter.join(this.sim.now);
    this.ready.push(q);
  }

  private popReady(): number {
    this.meter.leave(this.sim.now);
    return this.ready.shift();
  }

  /** Free engines take queues from the ready FIFO. */
  private dispatch(): void {
    while (this.freeCount > 0 && this.ready.length > 0) {
      const e = this.freeEngines[--this.freeCount] as number;
      this.stats.busyEngines.add(this.sim.now, 1);
      this.engLeft[e] = this.turn;
      this.serve(e, this.popReady());
    }
  }

  /** Engine e serves the next packets of queue q: one per event, or the rest of its turn in batch mode. */
  private serve(e: number, q: number): void {
    const pool = this.pool;
    const r = this.queues.rec;
    const b = q * STRIDE;
    const k = Math.min(this.perEvent, r[b + N_DEV] as number, this.engLeft[e] as number);
    const instance = Math.floor(q / this.q);
    const local = q - instance * this.q;
    const tr = this.translator;
    const layout = this.layout;
    const qs = this.queueSize;
    let idx = (r[b + STATE] as number) & USED_MASK;
    let p = r[b + DEV_HEAD] as number;
    let total = 0;
    const wake = this.engIdle[e] === 1 ? this.wakeupNs : 0;
    this.engIdle[e] = 0;
    // A service's translations are requested back to back from its start, so that a bounded
    // walker pool (translator.ts) stays busy while misses wait: were the used entry's walk
    // timed after the data, each service would leave its walker idle for the data's time, a
    // gap no later-computed walk could fill, and saturated walkers would serve a third fewer.
    const at = this.sim.now + wake;
    let stalled = 0;
    for (let j = 0; j < k; j++) {
      const work = pool.service(p) + this.fixedServiceNs + this.engineNsPerByte * pool.size(p);
      let ns = work;
      if (tr !== undefined) {
        const slot = idx % qs;
        // Summed in this order since the first version: the same rounding, the same event times.
        const d = tr.translate(layout.descKey(instance, q, local, slot), at + stalled);
        const b = tr.translate(layout.bufferKey(instance, q, pool.page(p)), at + stalled + d);
        const u = tr.translate(layout.usedKey(instance, q, local, slot), at + stalled + d + b);
        ns += d;
        ns += b;
        ns += u;
        stalled += d + b + u;
      }
      total += ns;
      idx++;
      p = pool.next(p);
    }
    if (wake > 0) total += wake; // added last, as ever: the same rounding, the same event times
    if (this.hostDataPath) this.hostCpu.addBusy(total);
    this.engQueue[e] = q;
    this.engCount[e] = k;
    this.engLeft[e] = (this.engLeft[e] as number) - k;
    this.stats.serviced.add(k);
    this.sim.schedule(total, this.doneHandler, e, Priority.HIGH);
  }

  private onEngineDone(e: number): void {
    const now = this.sim.now;
    const q = this.engQueue[e] as number;
    const k = this.engCount[e] as number;
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
    if (left > 0 && (this.engLeft[e] as number) > 0) {
      this.serve(e, q); // the turn goes on
    } else {
      if (left > 0) this.pushReady(q);
      else r[b + STATE] = (r[b + STATE] as number) & ~DEVICE_ACTIVE;
      if (this.ready.length > 0) {
        this.engLeft[e] = this.turn;
        this.serve(e, this.popReady());
      } else {
        this.engQueue[e] = -1;
        this.engIdle[e] = 1;
        this.freeEngines[this.freeCount++] = e;
        this.stats.busyEngines.add(now, -1);
      }
    }
    this.listener.onDeviceCompletions(q);
  }
}
