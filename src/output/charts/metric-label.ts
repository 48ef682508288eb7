/**
 * Axis titles from metric names: the words of the metric table (model/metrics.ts), so
 * `ctrl_latency_p99_us` reads "control latency p99 (µs)". A name outside the table (a metric
 * of an older result folder) falls back to its words, its unit suffix becoming the unit.
 */
import { METRIC_INFO, type MetricName } from '../../model/metrics.js';

/** Longest suffixes first so `_per_s` wins over `_s`. */
const UNIT_SUFFIXES: readonly (readonly [string, string])[] = [
  ['_ns_per_packet', 'ns per packet'],
  ['_us_per_packet', 'µs per packet'],
  ['_per_packet', 'per packet'],
  ['_per_s', 'per s'],
  ['_pps', 'packets/s'],
  ['_gbps', 'Gbit/s'],
  ['_us', 'µs'],
  ['_ms', 'ms'],
  ['_ns', 'ns'],
  ['_rate', 'fraction'],
  ['_util', 'fraction'],
  ['_jain', 'Jain index, 0–1'],
];

/** Human title for a metric, e.g. `throughput_pps` → "throughput (packets/s)". */
export function metricLabel(metric: string): string {
  const info = Object.hasOwn(METRIC_INFO, metric) ? METRIC_INFO[metric as MetricName] : undefined;
  if (info !== undefined) return info.unit === '' ? info.label : `${info.label} (${info.unit})`;
  for (const [suffix, unit] of UNIT_SUFFIXES) {
    if (metric.endsWith(suffix) && metric.length > suffix.length) {
      // A rate or utilisation keeps its word; the other suffixes are pure units.
      const stem = suffix === '_rate' || suffix === '_util' ? metric : metric.slice(0, -suffix.length);
      return `${words(stem)} (${unit})`;
    }
  }
  return words(metric);
}

/** The metric's words without the unit, e.g. for a sentence ("control latency p99"). */
export function metricWords(metric: string): string {
  const info = Object.hasOwn(METRIC_INFO, metric) ? METRIC_INFO[metric as MetricName] : undefined;
  return info?.label ?? metricLabel(metric).replace(/ \([^)]*\)$/, '');
}

/** The metric's unit in words ('' for a count), for a value in a sentence ("99.8 µs"). */
export function metricUnit(metric: string): string {
  const info = Object.hasOwn(METRIC_INFO, metric) ? METRIC_INFO[metric as MetricName] : undefined;
  if (info !== undefined) return info.unit === 'fraction' ? '' : info.unit;
  return /\(([^)]*)\)$/.exec(metricLabel(metric))?.[1] ?? '';
}

/** `ctrl_latency_p99` → "ctrl latency p99"; `p999` reads as p99.9 like the quantile it is. */
function words(name: string): string {
  return name.replace(/_p999(?=_|$)/, '_p99.9').replace(/_/g, ' ');
}
