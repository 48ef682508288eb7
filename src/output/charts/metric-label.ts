/**
 * Axis titles from metric names: the unit suffix of a metric (src/model/metrics.ts)
 * becomes a unit in parentheses, so `latency_p99_us` reads "latency p99 (µs)".
 */

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
  for (const [suffix, unit] of UNIT_SUFFIXES) {
    if (metric.endsWith(suffix) && metric.length > suffix.length) {
      // A rate or utilisation keeps its word; the other suffixes are pure units.
      const stem = suffix === '_rate' || suffix === '_util' ? metric : metric.slice(0, -suffix.length);
      return `${words(stem)} (${unit})`;
    }
  }
  return words(metric);
}

/** `ctrl_latency_p99` → "ctrl latency p99"; `p999` reads as p99.9 like the quantile it is. */
function words(name: string): string {
  return name.replace(/_p999(?=_|$)/, '_p99.9').replace(/_/g, ' ');
}
