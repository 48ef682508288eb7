/**
 * The block data path's accumulators over the measured window, per workload group, and their
 * metric names (metrics.ts). As on the net side, completions count when the driver handles
 * them (latency from the request's issue to its handling), whenever the request was issued.
 */
import type { Counter } from '../../stats/counter.js';
import { Histogram } from '../../stats/histogram.js';
import type { ResourceMeter } from '../../stats/resource-usage.js';
import { StatsSet } from '../../stats/stats-set.js';
import { setFinite, setGroupFinite, sum } from '../data-path/data-path-stats.js';
import type { MetricSink, QueueProbe } from '../ports.js';

const NS_PER_US = 1000;

export class BlkStats {
  /** Every accumulator, so that one `reset` clears them all; the blk path registers its polling meter here. */
  readonly set = new StatsSet();
  /** Requests issued (open loop: offered) and refused for a full queue, per group. */
  readonly issued: Float64Array;
  readonly refused: Float64Array;
  /** Requests handled by the driver and their bytes, per group. */
  readonly completed: Float64Array;
  readonly bytes: Float64Array;
  /** Interrupts delivered for request queues, per group. */
  readonly interrupts: Float64Array;
  /** Config-change interrupts of blk instances reported by the control plane, per group. */
  readonly controlInterrupts: Float64Array;
  /** Issue → handled latency (ns), per group. */
  readonly latency: Histogram[];
  /** Host core time of the backends (ns). */
  readonly hostNs: Counter;
  /** Translations made and their stalls (ns). */
  readonly translations: Counter;
  readonly stallNs: Counter;
  /** Requests whose backend service started. */
  readonly started: Counter;

  /** The backend's workers (blk-workers): their busy fraction is blk_backend_util. */
  private readonly workers: ResourceMeter;

  constructor(groups: number, workers: ResourceMeter) {
    this.workers = workers;
    const set = this.set;
    this.issued = set.counts('blk/issued', groups);
    this.refused = set.counts('blk/refused', groups);
    this.completed = set.counts('blk/completed', groups);
    this.bytes = set.counts('blk/bytes', groups);
    this.interrupts = set.counts('blk/interrupts', groups);
    this.controlInterrupts = set.counts('blk/control-interrupts', groups);
    this.latency = Array.from({ length: groups }, (_, g) => set.histogram(`blk/latency/${g}`));
    this.hostNs = set.counter('blk/host-ns');
    this.translations = set.counter('blk/translations');
    this.stallNs = set.counter('blk/stall-ns');
    this.started = set.counter('blk/started');
  }

  reset(nowNs: number): void {
    this.set.resetAll(nowNs);
  }

  /** Interrupts of blk instances in the window (request queues and config changes). */
  interruptCount(): number {
    return sum(this.interrupts) + sum(this.controlInterrupts);
  }

  /** Writes the blk metrics for the groups of blk devices (`blkGroups`: their indices). */
  write(
    sink: MetricSink,
    groupNames: readonly string[],
    blkGroups: readonly number[],
    windowNs: number,
    nowNs: number,
  ): void {
    const perS = 1e9 / windowNs;
    const all = new Histogram();
    for (const g of blkGroups) all.merge(this.latency[g] as Histogram);
    const done = sum(this.completed);
    const iops = done * perS;
    const cores = this.hostNs.value / windowNs;
    setFinite(sink, 'blk_iops', iops);
    setFinite(sink, 'blk_bandwidth_gbps', (sum(this.bytes) * 8) / windowNs);
    setFinite(sink, 'blk_latency_mean_us', all.mean / NS_PER_US);
    setFinite(sink, 'blk_latency_p99_us', all.quantile(0.99) / NS_PER_US);
    setFinite(sink, 'blk_latency_p999_us', all.quantile(0.999) / NS_PER_US);
    setFinite(sink, 'blk_refused_rate', sum(this.refused) / sum(this.issued));
    const w = this.workers;
    setFinite(sink, 'blk_backend_util', w.held.integral(nowNs) / (w.capacity * windowNs));
    setFinite(sink, 'blk_host_cores', cores);
    setFinite(sink, 'blk_iops_per_host_core', cores > 0 ? iops / cores : Number.NaN);
    setFinite(sink, 'blk_translations_per_request', this.translations.value / this.started.value);
    setFinite(sink, 'blk_interrupts_per_request', sum(this.interrupts) / done);
    for (const g of blkGroups) {
      const name = groupNames[g] as string;
      const h = this.latency[g] as Histogram;
      setGroupFinite(sink, name, 'blk_iops', (this.completed[g] as number) * perS);
      setGroupFinite(sink, name, 'blk_bandwidth_gbps', ((this.bytes[g] as number) * 8) / windowNs);
      setGroupFinite(sink, name, 'blk_latency_mean_us', h.mean / NS_PER_US);
      setGroupFinite(sink, name, 'blk_latency_p99_us', h.quantile(0.99) / NS_PER_US);
      setGroupFinite(sink, name, 'blk_latency_p999_us', h.quantile(0.999) / NS_PER_US);
    }
  }
}

/**
 * The block path's queue for the steady-state check: requests issued and not yet handled
 * (waiting for a worker, in service, or waiting for their interrupt), against the backend's
 * busy fraction. An overloaded backend's backlog grows through the window.
 */
export function blkQueueProbe(live: () => number): QueueProbe {
  return { what: 'block requests in flight', utilisation: 'blk_backend_util', backlog: live };
}
