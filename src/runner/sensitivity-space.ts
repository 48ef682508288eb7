/**
 * The parameter space of a sensitivity analysis: which parameters vary and over which range.
 * By default every parameter of the scenario's parent profile whose value is an estimate, over
 * the range the profile documents for it (`vdpascale profiles NAME`), log-uniform where the
 * range spans more than a decade; or paths named on the command line, with the profile's range
 * or one given as `PATH=LO..HI`. A sample is a point u of [0, 1]^k; each coordinate becomes a
 * value in the parameter's canonical unit, and a distribution keeps its shape with that mean.
 */
import type { ModelConfig } from '../model/config.js';
import type { ValueKind } from '../model/params/param.js';
import { resolveProfile } from '../profiles/index.js';
import { between, type ParamRange } from '../profiles/profile.js';
import type { DistSpec } from '../random/distribution.js';
import { ignoredReason, type OverrideValue, overrideKind, type ParamOverride } from '../scenario/index.js';
import { getIn } from '../scenario/plain-data.js';
import { closest } from '../scenario/suggest.js';
import { InputError } from '../util/errors.js';
import { parseQuantity, type QuantityKind } from '../util/units.js';
import type { Study } from './study.js';

/** One varied parameter. */
export interface SpaceParam {
  /** Scenario key path (`adminq.service.CREATE`, `iommu.iotlb.entries`). */
  path: string;
  range: ParamRange;
  /** How a sampled number is set: rounded to a whole number, as is, or as the mean of the distribution in force. */
  form: 'whole' | 'real' | 'mean';
  /** Canonical unit of the range (`ns`, `entries`, `/s`, `dist(ns)` for a mean). */
  unit: string;
  /** Where the range comes from: `profile mlx5 (estimate)`, `platform (estimate)` or `--params`. */
  origin: string;
  /** Named on the command line (a range the scenario refuses is an error, not a note). */
  given: boolean;
  /**
   * The only values the parameter takes inside its range (a ring size's powers of two, a page
   * size's few values): a coordinate picks the nearest of them on the range's scale.
   */
  allowed?: readonly number[];
}

export interface ParameterSpace {
  params: SpaceParam[];
  /** Estimates left out, and why (the strategy ignores them at every point). */
  notes: string[];
}

const ESTIMATES = 'estimates';
const EXAMPLE_RANGE: Record<string, string> = {
  duration: '1us..1ms',
  size: '4KiB..1MiB',
  rate: '10/s..1k/s',
};
const RANGE = /^([^=\s]+)=([^.]+(?:\.[^.]+)?)\.\.(.+)$/;

/** The form a numeric kind is sampled in; undefined for kinds with no range (names, choices, lists). */
function formOf(kind: ValueKind): SpaceParam['form'] | undefined {
  switch (kind.type) {
    case 'count':
    case 'duration':
    case 'size':
      return 'whole';
    case 'real':
    case 'perByte':
    case 'eventRate':
    case 'trafficRate':
      return 'real';
    case 'distribution':
      return 'mean';
    default:
      return undefined;
  }
}

/** The values a declared rule admits within [min, max] (undefined: every number of the form). */
function allowedValues(kind: ValueKind, range: ParamRange): number[] | undefined {
  const rule = kind.type === 'count' || kind.type === 'size' ? kind.rule : undefined;
  if (rule === undefined) return undefined;
  const candidates =
    'powerOfTwo' in rule
      ? Array.from({ length: 53 }, (_, e) => 2 ** e)
      : [...rule.oneOf].sort((a, b) => a - b);
  return candidates.filter((v) => v >= range.min && v <= range.max);
}

/** `allowed` when the parameter's declaration restricts its values, checked non-empty. */
function withAllowed(path: string, kind: ValueKind, range: ParamRange): Pick<SpaceParam, 'allowed'> {
  const allowed = allowedValues(kind, range);
  if (allowed === undefined) return {};
  if (allowed.length === 0)
    throw new InputError(
      `--params: the range ${range.min}..${range.max} holds no value the parameter may take`,
      { path },
      'a range holding a power of two (ring sizes) or one of the listed values',
    );
  return { allowed };
}

function quantityKindOf(kind: ValueKind): QuantityKind | undefined {
  if (kind.type === 'duration' || (kind.type === 'distribution' && kind.of === 'duration')) return 'duration';
  if (kind.type === 'size' || (kind.type === 'distribution' && kind.of === 'size')) return 'size';
  if (kind.type === 'eventRate') return 'rate';
  return undefined;
}

/** A bound written as a canonical number (`50000000`) or a quantity with its unit (`50ms`). */
function parseBound(path: string, text: string, kind: ValueKind): number {
  const n = Number(text);
  if (text.trim() !== '' && Number.isFinite(n)) return n;
  const qk = quantityKindOf(kind);
  const q = qk === undefined ? undefined : parseQuantity(text.trim(), qk);
  if (q === undefined)
    throw new InputError(
      `--params: '${text}' is not a number${qk ? ` or a ${qk}` : ''}`,
      { path },
      qk === 'duration'
        ? 'a number of ns or a duration such as 50ms'
        : 'a number in the parameter’s canonical unit',
    );
  return q;
}

/** The estimates of the profile in force at every base point, by scenario path. */
function profileEstimates(study: Study): Map<string, { range: ParamRange; unit: string; origin: string }> {
  const parents = new Set(study.points.map((p) => p.config.parent));
  const out = new Map<string, { range: ParamRange; unit: string; origin: string }>();
  if (parents.size !== 1) return out;
  const parent = study.points[0]?.config.parent as string;
  for (const p of resolveProfile(parent)) {
    if (p.basis !== 'estimate' || p.range === undefined) continue;
    const origin = `${p.from === parent ? `profile ${parent}` : 'platform'} (estimate)`;
    out.set(p.path, { range: p.range, unit: p.unit, origin });
  }
  return out;
}

/** Why the strategy ignores `path` at every base point, or undefined when some point uses it. */
function ignoredEverywhere(path: string, study: Study): string | undefined {
  let why: string | undefined;
  for (const p of study.points) {
    why = ignoredReason(path, p.config);
    if (why === undefined) return undefined;
  }
  return why;
}

/** Reads `--params` (default `estimates`) against the scenario as loaded. Throws InputError. */
export function parameterSpace(tokens: readonly string[], study: Study): ParameterSpace {
  const estimates = profileEstimates(study);
  const params = new Map<string, SpaceParam>();
  const notes: string[] = [];
  const list = tokens.length === 0 ? [ESTIMATES] : tokens;
  for (const token of list) {
    if (token === ESTIMATES) {
      if (estimates.size === 0)
        throw new InputError(
          '--params estimates: the sweep varies the parent, so there is no one profile to take estimates from',
          {},
          'name the paths: --params PATH=LO..HI',
        );
      for (const [path, e] of estimates) {
        if (params.has(path)) continue;
        const kind = overrideKind(path);
        const form = kind === undefined ? undefined : formOf(kind);
        const why = ignoredEverywhere(path, study);
        if (form === undefined) notes.push(`${path}: not numeric, left out`);
        else if (why !== undefined) notes.push(`${path}: left out, ${why}`);
        else
          params.set(path, {
            path,
            range: e.range,
            form,
            unit: e.unit,
            origin: e.origin,
            given: false,
            ...withAllowed(path, kind as ValueKind, e.range),
          });
      }
      continue;
    }
    const m = RANGE.exec(token);
    const path = m?.[1] ?? token;
    if (path.includes('=')) throw new InputError(`--params '${token}' is not PATH or PATH=LO..HI`);
    const kind = overrideKind(path);
    if (kind === undefined) {
      const guess = closest(path, [...estimates.keys()]);
      throw new InputError(
        `--params: not a parameter path${guess ? ` (did you mean ${guess}?)` : ''}`,
        { path },
        `'${ESTIMATES}', or a numeric parameter path; \`vdpascale profiles ${study.points[0]?.config.parent}\` lists them`,
      );
    }
    const form = formOf(kind);
    if (form === undefined)
      throw new InputError(
        `--params: a ${kind.type} has no numeric range to explore`,
        { path },
        'a count, duration, size, rate, real number or a distribution (its mean)',
      );
    if (study.swept.includes(path))
      throw new InputError(`--params: the scenario sweeps it; remove it from the sweep`, { path });
    const why = ignoredEverywhere(path, study);
    if (why !== undefined)
      throw new InputError(
        `--params: the strategy ignores it (${why})`,
        { path },
        'a parameter the scenario uses',
      );
    const known = estimates.get(path);
    let range: ParamRange;
    if (m !== null) {
      const lo = parseBound(path, m[2] as string, kind);
      const hi = parseBound(path, m[3] as string, kind);
      if (!(lo <= hi))
        throw new InputError(`--params: the range ${lo}..${hi} is inverted`, { path }, 'LO <= HI');
      range = between(lo, hi);
    } else if (known !== undefined) range = known.range;
    else
      throw new InputError(
        `--params: the profile documents no range for it`,
        { path },
        `${path}=LO..HI in canonical units or with a unit (e.g. ${path}=${EXAMPLE_RANGE[quantityKindOf(kind) ?? 'count'] ?? '1..100'})`,
      );
    const unit =
      known?.unit ??
      (form === 'mean' ? `dist(${kind.type === 'distribution' && kind.of === 'size' ? 'bytes' : 'ns'})` : '');
    params.set(path, {
      path,
      range,
      form,
      unit,
      origin: m !== null ? '--params' : (known?.origin ?? ''),
      given: true,
      ...withAllowed(path, kind, range),
    });
  }
  if (params.size === 0)
    throw new InputError('no parameter to vary', {}, 'estimates the scenario uses, or --params PATH=LO..HI');
  return { params: [...params.values()], notes };
}

/** The number at coordinate u ∈ [0, 1] of the parameter's range (log-uniform on a log range). */
export function numberAt(p: SpaceParam, u: number): number {
  const { min, max, scale } = p.range;
  const x = scale === 'log' ? min * (max / min) ** u : min + u * (max - min);
  // Clamped: (max/min)^1 can round a hair above max.
  const v = Math.min(max, Math.max(min, x));
  if (p.allowed !== undefined) return nearest(p.allowed, v, scale);
  return p.form === 'real' ? v : Math.round(v);
}

/** The value of `values` (ascending, non-empty) closest to v, on a log or a linear scale. */
function nearest(values: readonly number[], v: number, scale: ParamRange['scale']): number {
  const d = (a: number) => (scale === 'log' ? Math.abs(Math.log(a / v)) : Math.abs(a - v));
  let best = values[0] as number;
  for (const a of values) if (d(a) < d(best)) best = a;
  return best;
}

/** A distribution of the same shape with the given mean (whole canonical units, as the model keeps them). */
export function withMean(spec: DistSpec, mean: number): DistSpec {
  const r = Math.round;
  switch (spec.dist) {
    case 'constant':
    case 'deterministic':
      return { dist: spec.dist, value: r(mean) };
    case 'exponential':
      return { dist: 'exponential', mean: r(mean) };
    case 'lognormal':
      return { dist: 'lognormal', mean: r(mean), cv: spec.cv };
    case 'uniform': {
      const f = mean / ((spec.min + spec.max) / 2);
      return { dist: 'uniform', min: r(spec.min * f), max: r(spec.max * f) };
    }
    case 'empirical': {
      const total = (spec.weights ?? spec.values.map(() => 1)).reduce((a, b) => a + b, 0);
      const m = spec.values.reduce((s, v, i) => s + v * (spec.weights?.[i] ?? 1), 0) / total;
      const f = m === 0 ? 0 : mean / m;
      return { ...spec, values: spec.values.map((v) => r(v * f)) };
    }
  }
}

/** The value in force at a scenario path of a config (the same path in the ModelConfig). */
function valueIn(config: ModelConfig, path: string): unknown {
  return getIn(config as unknown as Record<string, unknown>, path.split('.'));
}

/** The overrides of one sample: each parameter at its coordinate, distributions keeping their shape. */
export function sampleOverrides(
  params: readonly SpaceParam[],
  u: ArrayLike<number>,
  base: ModelConfig,
): ParamOverride[] {
  return params.map((p, i) => {
    const x = numberAt(p, u[i] as number);
    let value: OverrideValue = x;
    if (p.form === 'mean') {
      const current = valueIn(base, p.path);
      const spec =
        typeof current === 'object' && current !== null && 'dist' in current
          ? (current as DistSpec)
          : ({ dist: 'constant', value: x } as DistSpec);
      value = withMean(spec, x);
    }
    return { path: p.path, value };
  });
}
