/**
 * A vDPA parent profile: a documented set of ModelConfig values with the source of each number.
 * The platform profile gives every hardware and platform-software value; a parent profile lists
 * only what differs from it (its own limits, costs and behaviour). Values are in canonical units
 * (integer ns for times, bytes, per-second rates, DistSpec in ns for service times), so the
 * scenario layer applies them by dotted path without parsing.
 *
 * Every value says how it is known (`basis`), which public documents it rests on (`cite`, keys
 * of the project's bibliography, docs/sources.md) and, as data, the range of plausible values
 * that calibration and sensitivity analysis may explore.
 */
import type { SourceKey } from '../bibliography/bibliography.js';
import type { DistSpec } from '../random/distribution.js';
import type { ConfigLeafPath } from './config-paths.js';

/**
 * How a value is known:
 * - spec: normative text or a constant in source code (a hard fact);
 * - measured: a published measurement;
 * - derived: arithmetic on cited values (the note shows it);
 * - reported: a forum or issue-tracker report, good for a range only;
 * - unchecked: quoted from the literature, but the full text was not re-read;
 * - design: how the parent works, read from its driver (a kind, not a number);
 * - estimate: no public number: reasoned in the note, with a wide range.
 */
export type Basis = 'spec' | 'measured' | 'derived' | 'reported' | 'unchecked' | 'design' | 'estimate';
export const BASES: readonly Basis[] = [
  'spec',
  'measured',
  'derived',
  'reported',
  'unchecked',
  'design',
  'estimate',
];

/**
 * Plausible values in the parameter's canonical unit (for a distribution: of its mean). `log`
 * when the range spans more than a decade, so that sampling treats 1 µs–1 ms evenly per decade.
 */
export interface ParamRange {
  readonly min: number;
  readonly max: number;
  readonly scale: 'linear' | 'log';
}

/** A range; the scale is log when min > 0 and max / min > 10, unless given. */
export function between(min: number, max: number, scale?: ParamRange['scale']): ParamRange {
  if (!(min <= max)) throw new Error(`range ${min}–${max} is inverted`);
  return { min, max, scale: scale ?? (min > 0 && max / min > 10 ? 'log' : 'linear') };
}

export interface ProfileParam {
  /** Dotted ModelConfig path: 'limits.totalVfs', 'iommu.iotlb.entries', 'adminq.service.CREATE'… */
  path: ConfigLeafPath;
  /** Canonical units (ns, bytes, /s); a DistSpec for service-time parameters. */
  value: number | string | boolean | DistSpec;
  /** 'ns', 'entries', 'bytes', 'VFs', '/s', 'dist(ns)'… */
  unit: string;
  /** Plausible values; absent for a hard limit, a kind or a choice (nothing to calibrate). */
  range?: ParamRange;
  /** What the numbers alone do not say: 'power of two', 'hard limit', 'firmware-dependent'. */
  rangeNote?: string;
  basis: Basis;
  /** Bibliography keys the value rests on (none for a pure estimate). */
  cite: readonly SourceKey[];
  /** How the value follows from the sources, or how it was estimated, in this project's words. */
  note: string;
}

export interface ParentProfile {
  name: string;
  /** One line for listings. */
  description: string;
  /** How the parent behaves, each sentence naming the ModelConfig fields that express it. */
  behaviour: string[];
  /** Bibliography keys of the parent as a whole (its driver, its vendor documents). */
  cite: readonly SourceKey[];
  params: ProfileParam[];
}

/** Shorthands for DistSpecs in ns, so profile tables read like the sources they cite. */
export const fixed = (valueNs: number): DistSpec => ({ dist: 'deterministic', value: valueNs });
export const exponential = (meanNs: number): DistSpec => ({ dist: 'exponential', mean: meanNs });
