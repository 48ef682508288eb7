/**
 * Quantities with units, parsed to plain numbers in one canonical unit each:
 * durations → integer nanoseconds, sizes → integer bytes, bit rates → bit/s, packet rates →
 * packets/s, event rates → events/s. Simulated time is an integer count of ns (floating-point
 * time drifts: 0.1-steps do not add up), so durations are rounded to whole ns and must fit
 * exactly in a double (≤ 2^53).
 */

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_S = 1_000_000_000;
/** The largest duration a simulation can represent exactly. */
export const MAX_TIME_NS = Number.MAX_SAFE_INTEGER;

export type QuantityKind = 'duration' | 'size' | 'bitrate' | 'pktrate' | 'rate';

const DURATION: Record<string, number> = { ns: 1, us: NS_PER_US, µs: NS_PER_US, ms: NS_PER_MS, s: NS_PER_S };
const SIZE: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
};
const BITRATE: Record<string, number> = { bps: 1, Kbps: 1e3, kbps: 1e3, Mbps: 1e6, Gbps: 1e9, Tbps: 1e12 };
const PKTRATE: Record<string, number> = { pps: 1, kpps: 1e3, Kpps: 1e3, Mpps: 1e6, Gpps: 1e9 };
const RATE: Record<string, number> = {
  '/s': 1,
  'k/s': 1e3,
  'K/s': 1e3,
  'M/s': 1e6,
  Hz: 1,
  kHz: 1e3,
  MHz: 1e6,
};

const TABLES: Record<QuantityKind, Record<string, number>> = {
  duration: DURATION,
  size: SIZE,
  bitrate: BITRATE,
  pktrate: PKTRATE,
  rate: RATE,
};

/** Examples shown in error messages, one per kind. */
export const UNIT_EXAMPLES: Record<QuantityKind, string> = {
  duration: '400ns, 1.5us, 20ms, 2s',
  size: '64B, 4KiB, 2MiB, 1GiB',
  bitrate: '25Gbps, 100Mbps',
  pktrate: '20kpps, 2Mpps',
  rate: '50/s, 20k/s, 1M/s',
};

const QUANTITY = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-zµ/]+)\s*$/;

/** Units accepted for a kind, for error messages. */
export function unitsOf(kind: QuantityKind): string[] {
  return Object.keys(TABLES[kind]);
}

/**
 * Parses `"400ns"`-style text. Returns undefined when the text is not a quantity of that kind
 * (callers turn that into an error that names the key and shows `UNIT_EXAMPLES`).
 */
export function parseQuantity(text: string, kind: QuantityKind): number | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const factor = TABLES[kind][m[2] ?? ''];
  if (factor === undefined) return undefined;
  const value = Number(m[1]) * factor;
  if (!Number.isFinite(value) || value < 0) return undefined;
  return kind === 'duration' || kind === 'size' ? Math.round(value) : value;
}

/** Integer ns from a duration string; throws a plain Error for programmer-supplied constants. */
export function duration(text: string): number {
  const v = parseQuantity(text, 'duration');
  if (v === undefined) throw new Error(`not a duration: ${text}`);
  return v;
}

/** Integer bytes from a size string. */
export function size(text: string): number {
  const v = parseQuantity(text, 'size');
  if (v === undefined) throw new Error(`not a size: ${text}`);
  return v;
}

/** Unit helpers for code: exact integer ns. */
export const ns = (x: number): number => Math.round(x);
export const us = (x: number): number => Math.round(x * NS_PER_US);
export const ms = (x: number): number => Math.round(x * NS_PER_MS);
export const sec = (x: number): number => Math.round(x * NS_PER_S);

/** Human form of a ns duration with the largest unit that keeps it ≥ 1 (for messages). */
export function formatDuration(timeNs: number): string {
  if (timeNs >= NS_PER_S) return `${+(timeNs / NS_PER_S).toPrecision(6)}s`;
  if (timeNs >= NS_PER_MS) return `${+(timeNs / NS_PER_MS).toPrecision(6)}ms`;
  if (timeNs >= NS_PER_US) return `${+(timeNs / NS_PER_US).toPrecision(6)}us`;
  return `${timeNs}ns`;
}

/** Human form of a byte count with the largest binary unit that divides it (for messages). */
export function formatSize(bytes: number): string {
  for (const [unit, n] of [
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ] as const) {
    if (bytes >= n && bytes % n === 0) return `${bytes / n}${unit}`;
  }
  return `${bytes}B`;
}
