/**
 * Per-queue notification coalescing with virtio-net NOTF_COAL semantics [[virtio-net]]: counting
 * starts at the first pending completion; the device notifies when `maxPackets` completions
 * are pending or `maxUsecs` have passed since the first, whichever comes first; 0 in either
 * (or maxPackets 1) notifies every completion. `adaptive` takes both from net_dim (dim.ts).
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
import { Priority } from '../../engine/priority.js';
import type { Simulator } from '../../engine/simulator.js';
import type { CoalescingConfig } from '../config.js';
import { DimTable } from './dim.js';

export interface CoalescerClient {
  /** Queue q's notification fires now: claim its pending completions and deliver the interrupt. */
  onNotify(queue: number): void;
}

const IN_FLIGHT = 1;
const DEFERRED = 2;

export class Coalescer {
  /** Adaptive state, when the policy is adaptive. */
  readonly dim: DimTable | undefined;
  /** Timer handles per queue (−1: none); Float64 because engine handles exceed 2^31. */
  private readonly timer: Float64Array;
  private readonly flags: Uint8Array;
  private readonly staticPackets: number;
  private readonly staticNs: number;
  private readonly timerHandler: number;

  constructor(
    private readonly sim: Simulator,
    queues: number,
    config: CoalescingConfig,
    private readonly client: CoalescerClient,
  ) {
    this.timer = new Float64Array(queues).fill(-1);
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
    this.timerHandler = sim.handler('data/coalescing-timer', (q) => {
      this.timer[q] = -1;
      this.fire(q);
    });
  }

  /** Current thresholds of queue q. */
  maxPackets(q: number): number {
    return this.dim === undefined ? this.staticPackets : this.dim.maxPackets(q);
  }
  maxNs(q: number): number {
    return this.dim === undefined ? this.staticNs : this.dim.maxNs(q);
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
    } else if (this.timer[q] === -1) {
      this.timer[q] = this.sim.schedule(t, this.timerHandler, q, Priority.LOW);
    }
  }

  /**
   * The driver finished handling queue q's interrupt (`packets` of `bytes` bytes): unmask, feed
   * DIM, and fire at once if a threshold was reached meanwhile and completions are pending.
   */
  onHandled(q: number, pending: number, packets: number, bytes: number): void {
    const f = this.flags[q] as number;
    this.flags[q] = 0;
    this.dim?.onEvent(q, this.sim.now, packets, bytes);
    if ((f & DEFERRED) !== 0 && pending > 0) this.fire(q);
  }

  /** Bytes handled later than their interrupt (strict unmaps), for DIM's byte rate. */
  addBytes(q: number, bytes: number): void {
    this.dim?.addBytes(q, bytes);
  }

  private fire(q: number): void {
    const h = this.timer[q] as number;
    if (h !== -1) {
      this.sim.cancel(h);
      this.timer[q] = -1;
    }
    const f = this.flags[q] as number;
    if ((f & IN_FLIGHT) !== 0) {
      this.flags[q] = f | DEFERRED;
      return;
    }
    this.flags[q] = IN_FLIGHT;
    this.client.onNotify(q);
  }
}
