/**
 * Human forms of profile values for listings: durations in the largest unit that keeps them
 * ≥ 1 (ns, µs, ms, s), sizes in binary units when exact, distributions by name and parameters,
 * counts with thousands separators. Canonical values stay in the profile; this is display only.
 */
import type { DistSpec } from '../random/distribution.js';
import { NS_PER_MS, NS_PER_S, NS_PER_US } from '../util/units.js';
import type { ProfileParam } from './profile.js';

/** A number with at most 4 significant digits and no trailing zeros; integers ≥ 10,000 grouped. */
function formatNumber(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) >= 10_000) return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return String(+x.toPrecision(4));
}

/** 1100000 → '1.1 ms', 150 → '150 ns'. */
export function formatNs(ns: number): string {
  if (ns >= NS_PER_S) return `${formatNumber(ns / NS_PER_S)} s`;
  if (ns >= NS_PER_MS) return `${formatNumber(ns / NS_PER_MS)} ms`;
  if (ns >= NS_PER_US) return `${formatNumber(ns / NS_PER_US)} µs`;
  return `${formatNumber(ns)} ns`;
}

const BINARY: Array<[number, string]> = [
  [1024 ** 4, 'TiB'],
  [1024 ** 3, 'GiB'],
  [1024 ** 2, 'MiB'],
  [1024, 'KiB'],
];

/** 4096 → '4 KiB', 28 → '28 B'. */
export function formatBytes(bytes: number): string {
  for (const [factor, unit] of BINARY) {
    if (bytes >= factor && bytes % factor === 0) return `${formatNumber(bytes / factor)} ${unit}`;
  }
  return `${formatNumber(bytes)} B`;
}

/** A DistSpec in ns: 'fixed 1.1 ms', 'exponential mean 10 µs', 'uniform 340 ms–520 ms'… */
export function formatDist(d: DistSpec): string {
  switch (d.dist) {
    case 'constant':
    case 'deterministic':
      return `fixed ${formatNs(d.value)}`;
    case 'exponential':
      return `exponential mean ${formatNs(d.mean)}`;
    case 'uniform':
      return `uniform ${formatNs(d.min)}–${formatNs(d.max)}`;
    case 'lognormal':
      return `lognormal mean ${formatNs(d.mean)} cv ${formatNumber(d.cv)}`;
    case 'empirical': {
      const values = d.values.map(formatNs).join(', ');
      return d.weights === undefined
        ? `empirical {${values}}`
        : `empirical {${values}} weights {${d.weights.map(formatNumber).join(', ')}}`;
    }
  }
}

/** A number in a parameter's canonical unit, in the form a reader expects. */
function formatInUnit(value: number, unit: string): string {
  switch (unit) {
    case 'ns':
    case 'dist(ns)':
      return formatNs(value);
    case 'bytes':
      return formatBytes(value);
    case 'ns/instance':
      return `${formatNs(value)} per instance`;
    default:
      return `${formatNumber(value)} ${unit}`;
  }
}

/** The value of a parameter with its unit, in the form a reader expects. */
export function formatParamValue(p: Pick<ProfileParam, 'value' | 'unit'>): string {
  const { value, unit } = p;
  if (typeof value === 'object') return formatDist(value);
  if (typeof value !== 'number') return String(value);
  return formatInUnit(value, unit);
}

/** '50 ns–500 ns', '1 µs–1 ms (log); at most limits.hostCpus', or the note alone; '' when neither. */
export function formatParamRange(p: Pick<ProfileParam, 'range' | 'rangeNote' | 'unit'>): string {
  const { range, rangeNote, unit } = p;
  const scaled = ['ns', 'dist(ns)', 'bytes', 'ns/instance'].includes(unit);
  const ends = (r: NonNullable<typeof range>) =>
    scaled
      ? `${formatInUnit(r.min, unit)}–${formatInUnit(r.max, unit)}`
      : `${formatNumber(r.min)}–${formatNumber(r.max)} ${unit}`;
  const span = range === undefined ? undefined : `${ends(range)}${range.scale === 'log' ? ' (log)' : ''}`;
  return [span, rangeNote].filter((x) => x !== undefined).join('; ');
}
