/**
 * The data path's accumulators over the measured window, per workload group where
 * groups.csv has rows per group, and the mapping to metric names (metrics.ts).
 *
 * Warm-up convention: `reset` restarts every accumulator at the boundary. Counts then follow
 * the event that defines them: `offered` counts arrivals in the window, `throughput` and the
 * latency distribution count packets whose completion the driver handled in the window —
 * including packets that arrived during warm-up — and `dropped` counts drops in the window.
 * Time-weighted levels (ring occupancy, busy engines) keep their level across the reset.
 */
import type { Counter } from '../../stats/counter.js';
import { Histogram } from '../../stats/histogram.js';
import { StatsSet } from '../../stats/stats-set.js';
import type { TimeWeighted } from '../../stats/time-weighted.js';
import type { MetricSink } from '../ports.js';

export class DataPathStats {
  /**
   * Every accumulator below, created through the set so that one `reset` clears them all; the
   * data path's parts with counts of their own (the translator's caches and walkers, the
   * invalidation and flush queues) register them here when they are built.
   */
  readonly set = new StatsSet();
  readonly offered: Float64Array;
  readonly dropped: Float64Array;
  readonly handled: Float64Array;
  readonly bytes: Float64Array;
  /** Data-path interrupts delivered (handled), per group. */
  readonly interrupts: Float64Array;
  /** CVQ and config interrupts reported by the control plane, per group. */
  readonly controlInterrupts: Float64Array;
  /** Latency (ns) of handled packets, per group. */
  readonly latency: Histogram[];
  /** Completion (used-ring write) → driver handling, summed over handled packets (ns). */
  readonly irqLatencyNs: Counter;
  /** Guest CPU: kicks, interrupt handlers, per-packet handling, strict-unmap spinning (ns). */
  readonly guestCpuNs: Counter;
  /** Moderation changes sent to the device (adaptive coalescing: one CVQ command each). */
  readonly coalCommands: Counter;
  /** Packets whose engine service started in the window. */
  readonly serviced: Counter;
  /** Translations of ring pages (avail, descriptors, used) in the window; buffers are the rest. */
  readonly ringTranslations: Counter;
  /** Descriptors posted or received and not yet handled by the driver, all queues. */
  readonly ringLevel: TimeWeighted;
  /** Serial engine work scheduled in the window (ns): what engine_util divides by engines × window. */
  readonly engineWorkNs: Counter;

  constructor(groups: number, startNs: number) {
    const set = this.set;
    this.offered = set.counts('data/offered', groups);
    this.dropped = set.counts('data/dropped', groups);
    this.handled = set.counts('data/handled', groups);
    this.bytes = set.counts('data/bytes', groups);
    this.interrupts = set.counts('data/interrupts', groups);
    this.controlInterrupts = set.counts('data/control-interrupts', groups);
    this.latency = Array.from({ length: groups }, (_, g) => set.histogram(`data/latency/${g}`));
    this.irqLatencyNs = set.counter('data/irq-latency-sum');
    this.guestCpuNs = set.counter('data/guest-cpu');
    this.coalCommands = set.counter('data/coal-commands');
    this.serviced = set.counter('data/serviced');
    this.ringTranslations = set.counter('data/ring-translations');
    this.ringLevel = set.timeWeighted('data/ring-level', startNs, 0);
    this.engineWorkNs = set.counter('data/engine-work');
  }

  reset(nowNs: number): void {
    this.set.resetAll(nowNs);
  }

  /** The pooled latency histogram of all groups. */
  allLatency(): Histogram {
    const all = new Histogram();
    for (const h of this.latency) all.merge(h);
    return all;
  }

  /** Writes the data-path metrics (metrics.ts); values that are not finite are left unset. */
  write(sink: MetricSink, groupNames: readonly string[], windowNs: number): void {
    const perS = 1e9 / windowNs;
    const offered = sum(this.offered);
    const handled = sum(this.handled);
    const irqs = sum(this.interrupts) + sum(this.controlInterrupts);
    const all = this.allLatency();
    setFinite(sink, 'offered_pps', offered * perS);
    setFinite(sink, 'throughput_pps', handled * perS);
    setFinite(sink, 'throughput_gbps', (sum(this.bytes) * 8) / windowNs);
    setFinite(sink, 'drop_rate', sum(this.dropped) / offered);
    setFinite(sink, 'latency_mean_us', all.mean / 1000);
    setFinite(sink, 'latency_p50_us', all.quantile(0.5) / 1000);
    setFinite(sink, 'latency_p99_us', all.quantile(0.99) / 1000);
    setFinite(sink, 'latency_p999_us', all.quantile(0.999) / 1000);
    setFinite(sink, 'interrupts_per_s', irqs * perS);
    setFinite(sink, 'interrupts_per_packet', irqs / handled);
    setFinite(sink, 'irq_latency_mean_us', this.irqLatencyNs.value / handled / 1000);
    setFinite(sink, 'guest_cpu_us_per_packet', this.guestCpuNs.value / handled / 1000);
    setFinite(sink, 'coal_commands_per_s', this.coalCommands.value * perS);
    for (let g = 0; g < groupNames.length; g++) {
      const name = groupNames[g] as string;
      const h = this.latency[g] as Histogram;
      const o = this.offered[g] as number;
      const n = this.handled[g] as number;
      const gi = (this.interrupts[g] as number) + (this.controlInterrupts[g] as number);
      setGroupFinite(sink, name, 'offered_pps', o * perS);
      setGroupFinite(sink, name, 'throughput_pps', n * perS);
      setGroupFinite(sink, name, 'drop_rate', (this.dropped[g] as number) / o);
      setGroupFinite(sink, name, 'latency_mean_us', h.mean / 1000);
      setGroupFinite(sink, name, 'latency_p99_us', h.quantile(0.99) / 1000);
      setGroupFinite(sink, name, 'interrupts_per_packet', gi / n);
    }
  }
}

export function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
}

export function setFinite(sink: MetricSink, metric: string, value: number): void {
  if (Number.isFinite(value)) sink.set(metric, value);
}

export function setGroupFinite(sink: MetricSink, group: string, metric: string, value: number): void {
  if (Number.isFinite(value)) sink.setGroup(group, metric, value);
}
