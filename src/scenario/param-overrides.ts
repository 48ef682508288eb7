/**
 * Typed overrides: a value set by path in memory, in the canonical units the model reads (ns,
 * bytes, per second, ns per byte, a DistSpec in ns or bytes), for programs that vary a
 * parameter — the capacity search's probes, calibration, sensitivity analysis — without
 * composing `--set` text. Each value is written back in the document form its declaration
 * gives (`90` ns → `90ns`), exactly and checked for its kind here, then validated by the
 * same schema as the file: an override can do nothing a scenario file could not.
 */

import { declaredPath, paramAt } from '../model/params/catalogue.js';
import type { TrafficRate, ValueKind } from '../model/params/param.js';
import type { DistSpec } from '../random/distribution.js';
import { InputError } from '../util/errors.js';

/** A canonical value: a number, a name, a flag, a distribution, a traffic rate or a list of numbers. */
export type OverrideValue =
  | number
  | string
  | boolean
  | DistSpec
  | TrafficRate
  | readonly number[]
  | Record<string, unknown>;

export interface ParamOverride {
  /** Scenario key path, e.g. `instances`, `iommu.walk.memAccess`, `workload.groups[1].traffic.rate`. */
  readonly path: string;
  readonly value: OverrideValue;
}

function refuse(path: string, message: string, allowed?: string): never {
  throw new InputError(`override ${path}: ${message}`, { path }, allowed);
}

function finite(path: string, v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    refuse(path, `expected ${what}, got ${JSON.stringify(v)}`);
  return v;
}

function whole(path: string, v: unknown, what: string): number {
  const n = finite(path, v, what);
  if (!Number.isInteger(n)) refuse(path, `expected a whole number of ${what}, got ${n}`);
  return n;
}

/** A duration or size DistSpec in canonical units, written with its unit. */
function distributionText(path: string, d: unknown, unit: 'ns' | 'B'): Record<string, unknown> {
  if (typeof d === 'number') return distributionText(path, { dist: 'constant', value: d }, unit);
  if (typeof d !== 'object' || d === null || !('dist' in d))
    refuse(path, 'expected a number or a distribution {dist, …}');
  const q = (x: unknown) => `${whole(path, x, unit === 'ns' ? 'ns' : 'bytes')}${unit}`;
  const spec = d as Record<string, unknown>;
  const out: Record<string, unknown> = { ...spec };
  for (const key of ['value', 'mean', 'min', 'max'] as const) if (key in spec) out[key] = q(spec[key]);
  if (Array.isArray(spec.values)) out.values = spec.values.map(q);
  return out;
}

/** The document form of a canonical value of this kind. */
function documentValue(path: string, kind: ValueKind, v: OverrideValue): unknown {
  switch (kind.type) {
    case 'count':
      return whole(path, v, 'items');
    case 'real':
      return finite(path, v, 'a number');
    case 'duration': {
      const ns = kind.inUs ? finite(path, v, 'µs') * 1000 : finite(path, v, 'ns');
      if (!Number.isInteger(ns)) refuse(path, `expected a whole number of ns, got ${ns}`);
      return `${ns}ns`;
    }
    case 'size':
      return `${whole(path, v, 'bytes')}B`;
    case 'perByte':
      return `${finite(path, v, 'ns per byte')}ns/B`;
    case 'eventRate':
      return `${finite(path, v, 'a rate per second')}/s`;
    case 'trafficRate': {
      if (typeof v === 'number') return `${finite(path, v, 'packets per second')}pps`;
      const r = v as TrafficRate;
      return `${finite(path, r.value, 'a rate')}${r.unit}`;
    }
    case 'distribution':
      return distributionText(path, v, kind.of === 'duration' ? 'ns' : 'B');
    case 'choice':
    case 'strategy':
    case 'name':
      if (typeof v !== 'string') refuse(path, `expected a name, got ${JSON.stringify(v)}`);
      return v;
    case 'list':
      if (!Array.isArray(v)) refuse(path, 'expected a list of numbers');
      return (v as readonly unknown[]).map((x) => finite(path, x, 'a number'));
    case 'form':
      if (kind.name === 'locality' && typeof v === 'object' && v !== null && 'kind' in v) {
        const l = v as { kind: string; exponent?: number };
        return l.kind === 'zipf' ? { zipf: l.exponent } : l.kind;
      }
      return structuredClone(v);
  }
}

/** The value kind at a scenario path, or undefined when no parameter is declared there. */
export function overrideKind(path: string): ValueKind | undefined {
  return paramAt(declaredPath(path))?.param.value;
}

/** The value to write at `path` in the scenario document, in the form its kind is written. */
export function overrideDocumentValue(o: ParamOverride): unknown {
  const kind = overrideKind(o.path);
  if (kind !== undefined) return documentValue(o.path, kind, o.value);
  return refuse(o.path, 'not a declared parameter (vdpascale schema lists them)');
}
