/**
 * A vDPA parent profile: a documented set of ModelConfig values with the source of each number.
 * The platform profile gives every hardware and platform-software value; a parent profile lists
 * only what differs from it (its own limits, costs and behaviour). Values are in canonical units
 * (integer ns for times, bytes, per-second rates, DistSpec in ns for service times), so the
 * scenario layer applies them by dotted path without parsing.
 */
import type { DistSpec } from '../random/distribution.js';
import type { ConfigLeafPath } from './config-paths.js';

export interface ProfileParam {
  /** Dotted ModelConfig path: 'limits.totalVfs', 'iommu.iotlb.entries', 'adminq.service.CREATE'… */
  path: ConfigLeafPath;
  /** Canonical units (ns, bytes, /s); a DistSpec for service-time parameters. */
  value: number | string | boolean | DistSpec;
  /** 'ns', 'entries', 'bytes', 'VFs', '/s', 'dist(ns)'… */
  unit: string;
  /** Plausible range, e.g. '0.5–5 µs'. */
  range: string;
  /** facts.md section and the primary source it cites, or a public document; 'estimate: …' otherwise. [anec]/[mem] tags kept. */
  source: string;
}

export interface ParentProfile {
  name: string;
  /** One line for listings. */
  description: string;
  /** How the parent behaves, each sentence naming the ModelConfig fields that express it. */
  behaviour: string[];
  params: ProfileParam[];
}

/** Shorthands for DistSpecs in ns, so profile tables read like the sources they cite. */
export const fixed = (valueNs: number): DistSpec => ({ dist: 'deterministic', value: valueNs });
export const exponential = (meanNs: number): DistSpec => ({ dist: 'exponential', mean: meanNs });
