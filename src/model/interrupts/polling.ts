/**
 * Polling instead of interrupts (docs/model.md, "Data path"): host cores visit every used ring of every
 * active instance each pass. A pass costs rings × pollPerRing of core time spread over
 * `host.cores`; when that exceeds `pollInterval` the pass itself sets the interval (the cores
 * are saturated), so latency grows with the number of rings. Each queue is visited at a fixed
 * phase within the interval (a hash of its id), so polls of different queues spread out.
 */

import type { Resettable } from '../../stats/stats-set.js';
import { mix32 } from '../../util/hash.js';
import type { ModelConfig } from '../config.js';

/** Interval between two visits of one ring (ns) with `rings` rings to poll. */
export function effectivePollIntervalNs(config: ModelConfig, rings: number): number {
  const work = Math.ceil((rings * config.interrupts.pollPerRing) / Math.max(1, config.host.cores));
  return Math.max(1, config.interrupts.pollInterval, work);
}

/** Next time ≥ now at which the poller visits queue q. */
export function nextPollNs(nowNs: number, queue: number, intervalNs: number): number {
  const phase = mix32(queue) % intervalNs;
  const offset = (((phase - nowNs) % intervalNs) + intervalNs) % intervalNs;
  return nowNs + offset;
}

/**
 * The current poll interval and the host core time polling has used (accrued lazily). Its
 * owner registers it with its StatsSet: the warm-up reset discards the polling before it.
 */
export class PollingMeter implements Resettable {
  intervalNs = 1;
  private busyPerNs = 0;
  private busyNs = 0;
  private settledAt = 0;

  constructor(private readonly config: ModelConfig) {}

  /** The number of rings to poll changed at `nowNs`. */
  setRings(nowNs: number, rings: number): void {
    this.settle(nowNs);
    this.intervalNs = effectivePollIntervalNs(this.config, rings);
    this.busyPerNs = (rings * this.config.interrupts.pollPerRing) / this.intervalNs;
  }

  /** Host core time used since the last `take` (or `discard`), up to `nowNs`; restarts the count. */
  take(nowNs: number): number {
    this.settle(nowNs);
    const busy = this.busyNs;
    this.busyNs = 0;
    return busy;
  }

  /** Warm-up boundary: the time polled so far belongs to the warm-up (the interval stays). */
  reset(nowNs: number): void {
    this.take(nowNs);
  }

  /** What `take(nowNs)` would return, without restarting the count. */
  peek(nowNs: number): number {
    return this.busyNs + this.busyPerNs * (nowNs - this.settledAt);
  }

  private settle(nowNs: number): void {
    this.busyNs += this.busyPerNs * (nowNs - this.settledAt);
    this.settledAt = nowNs;
  }
}
