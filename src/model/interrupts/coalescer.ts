/**
 * Per-queue notification coalescing with virtio-net NOTF_COAL semantics [[virtio-net]]: counting
 * starts at the first pending completion; the device notifies when `maxPackets` completions
 * are pending or `maxUsecs` have passed since the first, whichever comes first; 0 in either
 * (or maxPackets 1) notifies every completion. `adaptive` takes both from net_dim (dim.ts).
 * The virtio spec resets both to 0 and virtio_net starts from 0 [[virtio-net]]
 * [[linux-virtio-net-cvq]], so the platform default notifies every completion.
 *
 * Adaptive on a net device is virtio_net's DIM: RX queues only (virtnet_rx_dim_work; TX queues
 * keep their static thresholds, 0), and every profile step is one VIRTIO_NET_CTRL_NOTF_COAL_VQ_SET
 * command the driver sends on the CVQ (`onModerationChange`): moderation is control traffic.
 *
 * The client keeps the completions; the coalescer only decides when to notify. A notification
 * claims every pending completion (the client's count restarts at 0), and the queue's vector is
 * masked until the driver has handled it (`onHandled`): a threshold reached meanwhile is
 * remembered and fires at unmasking — the MSI-X pending bit, and what event-idx suppression
 * does while a NAPI poll runs.
 *
 * Units: `maxUsecs` is in microseconds, as its name, virtio's `max_usecs` and the platform
 * profile (`interrupts.coalescing.maxUsecs: 16`) say — the one time in ModelConfig not in ns.
 */
import type { Simulator } from '../../engine/simulator.js';
import type { CoalescingConfig } from '../config.js';
import { type CoalescingTimers, EventTimers, TickTimers } from './coalescing-timers.js';
import { DIM_PROFILES, DimTable } from './dim.js';

export interface CoalescerClient {
  /** Queue q's notification fires now: claim its pending completions and deliver the interrupt. */
  onNotify(queue: number): void;
  /** Adaptive coalescing changed queue q's thresholds: the driver tells the device. */
  onModerationChange?(queue: number): void;
}

const IN_FLIGHT = 1;
const DEFERRED = 2;

export class Coalescer {
  /** Adaptive state, when the policy is adaptive. */
  readonly dim: DimTable | undefined;
  private readonly timers: CoalescingTimers;
  private readonly flags: Uint8Array;
  private readonly staticPackets: number;
  private readonly staticNs: number;

  /**
   * `windowNs` 0: one engine event per timer (packet fidelity); otherwise timers fire at the
   * end of their window, one event per window (batch fidelity, coalescing-timers.ts).
   */
  constructor(
    private readonly sim: Simulator,
    queues: number,
    config: CoalescingConfig,
    private readonly client: CoalescerClient,
    windowNs = 0,
    /** Names its timer events (`data/…` for the net data path, `blk/…` for the block one). */
    prefix = 'data',
    /** virtio-net numbering (RX of pair p is 2p, TX 2p + 1): only RX queues adapt; TX notifies every completion. */
    private readonly rxOnly = false,
  ) {
    this.flags = new Uint8Array(queues);
    if (config.kind === 'adaptive') {
      this.dim = new DimTable(queues, config.profile);
      this.staticPackets = 0;
      this.staticNs = 0;
    } else {
      this.dim = undefined;
      this.staticPackets = config.maxPackets;
      this.staticNs = config.maxUsecs * 1000;
    }
    const fire = (q: number) => this.fire(q);
    this.timers =
      windowNs > 0
        ? new TickTimers(sim, queues, windowNs, longestTimerNs(config), fire, prefix)
        : new EventTimers(sim, queues, fire, prefix);
  }

  /** Current thresholds of queue q. */
  maxPackets(q: number): number {
    return this.adapts(q) ? (this.dim as DimTable).maxPackets(q) : this.staticPackets;
  }
  maxNs(q: number): number {
    return this.adapts(q) ? (this.dim as DimTable).maxNs(q) : this.staticNs;
  }

  /** Whether queue q's thresholds come from DIM. */
  private adapts(q: number): boolean {
    return this.dim !== undefined && !(this.rxOnly && (q & 1) === 1);
  }

  /** True while queue q's interrupt is being delivered or handled. */
  inFlight(q: number): boolean {
    return ((this.flags[q] as number) & IN_FLIGHT) !== 0;
  }

  /** Completions were added to queue q; `pending` = completions not yet claimed by a notification. */
  onCompletions(q: number, pending: number): void {
    const k = this.maxPackets(q);
    const t = this.maxNs(q);
    if (k <= 1 || t === 0 || pending >= k) {
      this.fire(q);
    } else if (!this.timers.armed(q)) {
      this.timers.arm(q, t);
    }
  }

  /**
   * The driver finished handling queue q's interrupt (`packets` of `bytes` bytes): unmask, feed
   * DIM, and fire at once if a threshold was reached meanwhile and completions are pending.
   */
  onHandled(q: number, pending: number, packets: number, bytes: number): void {
    const f = this.flags[q] as number;
    this.flags[q] = 0;
    if (this.adapts(q) && (this.dim as DimTable).onEvent(q, this.sim.now, packets, bytes))
      this.client.onModerationChange?.(q);
    if ((f & DEFERRED) !== 0 && pending > 0) this.fire(q);
  }

  /** Bytes handled later than their interrupt (strict unmaps), for DIM's byte rate. */
  addBytes(q: number, bytes: number): void {
    if (this.adapts(q)) (this.dim as DimTable).addBytes(q, bytes);
  }

  private fire(q: number): void {
    this.timers.disarm(q);
    const f = this.flags[q] as number;
    if ((f & IN_FLIGHT) !== 0) {
      this.flags[q] = f | DEFERRED;
      return;
    }
    this.flags[q] = IN_FLIGHT;
    this.client.onNotify(q);
  }
}

/** The longest timer a coalescing policy arms (ns): maxUsecs, or the largest of the DIM profile's. */
function longestTimerNs(config: CoalescingConfig): number {
  if (config.kind !== 'adaptive') return config.maxUsecs * 1000;
  const p = DIM_PROFILES[config.profile];
  return 1000 * Math.max(...p.rx.map((e) => e[0]), ...p.tx.map((e) => e[0]));
}
