/**
 * The vocabulary every component declares its parameters in (ns-3's TypeId attributes, as
 * plain data): a parameter has a value kind with its hard bounds (the validator), a
 * description, a display unit, where its value comes from when a scenario does not give one
 * (the parent profile, a default written as a scenario writes it, or nothing), the documents
 * its bounds rest on, and when it applies. Components group parameters into sections
 * (`device`, `iommu`, …) next to their code; the catalogue (src/strategies/catalogue.ts)
 * collects them, and the scenario schema, the JSON Schema, `vdpascale profiles`, the
 * ignored-option warnings, `--set` and typed overrides are all derived from it.
 *
 * A section's TypeScript type is derived from its declaration (`ValuesOf`), so the model reads
 * `config.iommu.walk.memAccess` under the same name a scenario, a profile and `--set` use.
 * Values are canonical: integer ns for durations, bytes for sizes, per second for rates, ns per
 * byte, DistSpec in ns or bytes.
 */
import type { SourceKey } from '../../bibliography/bibliography.js';
import type { DistSpec } from '../../random/distribution.js';

/** Kinds of strategy a `strategy.*` parameter names (the catalogue lists what is registered). */
export type StrategyKind =
  | 'transport'
  | 'cvq'
  | 'isolation'
  | 'interrupts'
  | 'provisioning'
  | 'qos'
  | 'blkBackend';

/** Complex values whose schema the scenario layer builds (unions and maps with their own rules). */
export type FormName = 'locality' | 'opsMix';

/** A rule beyond the bounds: a power of two (ring sizes), or one of a few values (page sizes). */
export type ValueRule =
  | { readonly powerOfTwo: true }
  | { readonly oneOf: readonly number[]; readonly text: string };

/** How a value is written and what it becomes. Bounds are inclusive in canonical units. */
export type ValueKind =
  | {
      readonly type: 'count';
      readonly min: number;
      readonly max: number;
      readonly why?: string;
      readonly rule?: ValueRule;
    }
  | { readonly type: 'real'; readonly min: number; readonly max: number; readonly exclusiveMin?: boolean }
  | {
      readonly type: 'duration';
      readonly min?: number;
      readonly max?: number;
      readonly exclusiveMin?: boolean;
      /** Kept in µs rather than ns (virtio's max_usecs field). */
      readonly inUs?: boolean;
    }
  | { readonly type: 'size'; readonly min?: number; readonly max?: number; readonly rule?: ValueRule }
  | { readonly type: 'perByte' }
  | { readonly type: 'eventRate'; readonly min?: number; readonly exclusiveMin?: boolean }
  | { readonly type: 'trafficRate' }
  | { readonly type: 'distribution'; readonly of: 'duration' | 'size' }
  | { readonly type: 'choice'; readonly values: readonly string[] }
  | { readonly type: 'strategy'; readonly of: StrategyKind }
  | {
      readonly type: 'name';
      readonly pattern: RegExp;
      readonly max: number;
      /** What to write instead of a bad name, and what to say when it is missing. */
      readonly message: string;
      readonly missing: string;
    }
  | { readonly type: 'list'; readonly of: ValueKind; readonly min: number }
  | { readonly type: 'form'; readonly name: FormName };

/** Data traffic: packets per second, or a bit rate that the loader divides by the packet size. */
export type TrafficRate = { unit: 'pps'; value: number } | { unit: 'bps'; value: number };

/**
 * Where a value comes from when the scenario leaves it out: the parent profile (hardware and
 * platform software), a default written as a scenario writes it, derived from other values
 * (the loader fills it), or nothing (absent is meaningful).
 */
export type Origin =
  | { readonly from: 'profile' }
  | { readonly from: 'default'; readonly value: unknown }
  | { readonly from: 'derived'; readonly how: string }
  | { readonly from: 'absent'; readonly means: string };

/**
 * A condition on another parameter's value: it must be one of `in` (or none of `notIn`).
 * `why` replaces the generated reason ("strategy.cvq is software, not hardware") when the
 * effect needs saying ("iommu.mappings is static: nothing is unmapped, so nothing is invalidated").
 */
export interface Condition {
  readonly path: string;
  readonly in?: readonly string[];
  readonly notIn?: readonly string[];
  readonly why?: string;
}

/** Applies only when the parameter at `path` has one of `values`. */
export const when = (path: string, values: readonly string[], why?: string): Condition =>
  why === undefined ? { path, in: values } : { path, in: values, why };

/** Applies only when the parameter at `path` has none of `values`. */
export const unless = (path: string, values: readonly string[], why?: string): Condition =>
  why === undefined ? { path, notIn: values } : { path, notIn: values, why };

export interface Param<T = unknown> {
  readonly kind: 'param';
  readonly value: ValueKind;
  /** One or two sentences: what it means, the unit written, an example. */
  readonly description: string;
  /**
   * A few words for chart axes, legends and tables ("device in-flight limit") when the key's own
   * words under its section's title would not do (scenario/parameter-label.ts).
   */
  readonly title?: string;
  /** Unit of the canonical value in listings: 'ns', 'bytes', 'entries', 'dist(ns)'… */
  readonly unit: string;
  readonly origin: Origin;
  /** Documents the bounds or the default rest on. */
  readonly cite: readonly SourceKey[];
  /** Every condition must hold for the parameter to have an effect (strategy use aside). */
  readonly appliesWhen: readonly Condition[];
  /** What it means when no layer gives a value (`optional(…)`): the model reads undefined. */
  readonly absent?: string;
  /** Must be written whenever its group is (`required(…)`: a group's name, a token bucket's rate). */
  readonly required: boolean;
  /** Phantom: the canonical type the model reads. */
  readonly _type?: T;
}

/** Parameters and nested groups of one section. */
export type Shape = { readonly [key: string]: Param | Group };

export interface Group<S extends Shape = Shape> {
  readonly kind: 'group';
  readonly description: string;
  /** A few words naming the group; its parameters' labels start with them ("IOTLB page size"). */
  readonly title?: string;
  /**
   * Words for the group written as `none` — the same as leaving it out ("no limit"): a special
   * value said as such instead of a sentinel (a token bucket of 1000M/s).
   */
  readonly none?: string;
  readonly shape: S;
  /** A list of such objects (workload groups), with its length bounds. */
  readonly repeated?: { readonly min: number; readonly max: number; readonly description: string };
  /** Written also as one value standing for the whole group (see the scenario layer's forms). */
  readonly shorthand?: 'coalescing' | 'classMap';
  readonly appliesWhen: readonly Condition[];
}

export interface Section<S extends Shape = Shape, N extends string = string> extends Group<S> {
  readonly name: N;
}

type Own<S> = { [K in keyof S as string extends K ? never : K]: S[K] };
type ParsedValue<V> =
  V extends Param<infer T>
    ? T
    : V extends { kind: 'group'; shape: infer G extends Shape }
      ? V extends { repeated: object }
        ? Parsed<G>[]
        : Parsed<G> | (V extends { none: string } ? 'none' : never)
      : never;
type RequiredKeys<S> = {
  [K in keyof Own<S>]: Own<S>[K] extends { required: true } ? K : never;
}[keyof Own<S>];

/**
 * What a parsed scenario holds for a shape: what the user wrote, canonical; every key optional
 * but those marked `required` (a group's name, a token bucket's rate).
 */
export type Parsed<S extends Shape> = {
  -readonly [K in Exclude<keyof Own<S>, RequiredKeys<S>>]?: ParsedValue<Own<S>[K]>;
} & { -readonly [K in RequiredKeys<S>]: ParsedValue<Own<S>[K]> };

/** The canonical values of a shape, as the model reads them. */
export type ValuesOf<S extends Shape> = {
  -readonly [K in keyof S as string extends K ? never : K]: S[K] extends Param<infer T>
    ? T
    : S[K] extends { kind: 'group'; shape: infer G extends Shape }
      ? S[K] extends { repeated: object }
        ? ValuesOf<G>[]
        : ValuesOf<G>
      : never;
};

// ── builders ───────────────────────────────────────────────────────────────────────────────

interface ParamOptions {
  description: string;
  /** Words for charts and tables (Param.title). */
  title?: string;
  /** Default: 'profile' (a hardware value). */
  origin?: Origin;
  unit?: string;
  cite?: readonly SourceKey[];
  appliesWhen?: readonly Condition[];
}

const PROFILE: Origin = { from: 'profile' };

function param<T>(value: ValueKind, unit: string, o: ParamOptions): Param<T> {
  return {
    kind: 'param',
    value,
    description: o.description,
    ...(o.title === undefined ? {} : { title: o.title }),
    unit: o.unit ?? unit,
    origin: o.origin ?? PROFILE,
    cite: o.cite ?? [],
    appliesWhen: o.appliesWhen ?? [],
    required: false,
  };
}

/** The default a scenario would write, e.g. `byDefault('fifo')`, `byDefault('0/s')`. */
export const byDefault = (value: unknown): Origin => ({ from: 'default', value });
export const derived = (how: string): Origin => ({ from: 'derived', how });
export const absent = (means: string): Origin => ({ from: 'absent', means });

/** A whole number; `why` explains a bound that is not obvious (`'the MSI-X table has 2048 entries'`). */
export const count = (
  bounds: { min: number; max?: number; why?: string; rule?: ValueRule },
  o: ParamOptions & { unit: string },
): Param<number> =>
  param(
    {
      type: 'count',
      min: bounds.min,
      max: bounds.max ?? Number.MAX_SAFE_INTEGER,
      why: bounds.why,
      rule: bounds.rule,
    },
    o.unit,
    o,
  );

export const real = (
  bounds: { min: number; max?: number; exclusiveMin?: boolean },
  o: ParamOptions & { unit: string },
): Param<number> =>
  param(
    { type: 'real', min: bounds.min, max: bounds.max ?? Number.MAX_VALUE, exclusiveMin: bounds.exclusiveMin },
    o.unit,
    o,
  );

/**
 * A duration written with a unit (`400ns`, `20ms`): integer ns in the model, or µs with `inUs`
 * (bounds stay in ns, as written).
 */
export const duration = (
  o: ParamOptions & { min?: number; max?: number; exclusiveMin?: boolean; inUs?: boolean },
): Param<number> =>
  param(
    { type: 'duration', min: o.min, max: o.max, exclusiveMin: o.exclusiveMin, inUs: o.inUs },
    o.inUs ? 'µs' : 'ns',
    o,
  );

/** A size written with a unit (`4KiB`), integer bytes in the model. */
export const size = (o: ParamOptions & { min?: number; max?: number; rule?: ValueRule }): Param<number> =>
  param({ type: 'size', min: o.min, max: o.max, rule: o.rule }, 'bytes', o);

/** A time per byte (`0.28ns/B`), ns per byte in the model. */
export const perByte = (o: ParamOptions): Param<number> => param({ type: 'perByte' }, 'ns/byte', o);

/** An event rate (`50/s`), per second in the model. */
export const eventRate = (o: ParamOptions & { min?: number; exclusiveMin?: boolean }): Param<number> =>
  param({ type: 'eventRate', min: o.min, exclusiveMin: o.exclusiveMin }, '/s', o);

export const trafficRate = (o: ParamOptions): Param<TrafficRate> => param({ type: 'trafficRate' }, 'pps', o);

/** A service time or latency: a duration or a distribution of durations (DistSpec in ns). */
export const latency = (o: ParamOptions): Param<DistSpec> =>
  param({ type: 'distribution', of: 'duration' }, 'dist(ns)', o);

/** A size or a distribution of sizes (DistSpec in bytes). */
export const sizeDistribution = (o: ParamOptions): Param<DistSpec> =>
  param({ type: 'distribution', of: 'size' }, 'dist(bytes)', o);

export const choice = <const V extends readonly string[]>(values: V, o: ParamOptions): Param<V[number]> =>
  param({ type: 'choice', values }, 'kind', o);

/** The name of a registered strategy of one kind (the catalogue knows the names). */
export const strategy = (of: StrategyKind, o: ParamOptions): Param<string> =>
  param({ type: 'strategy', of }, 'strategy', o);

export const name = (
  rule: { pattern: RegExp; max: number; message: string; missing: string },
  o: ParamOptions,
): Param<string> => param({ type: 'name', ...rule }, 'name', o);

export const list = (of: ValueKind, min: number, o: ParamOptions & { unit: string }): Param<number[]> =>
  param({ type: 'list', of, min }, o.unit, o);

export const form = <T>(formName: FormName, o: ParamOptions): Param<T> =>
  param({ type: 'form', name: formName }, 'form', o);

export function group<
  const S extends Shape,
  const E extends Partial<
    Pick<Group<S>, 'repeated' | 'shorthand' | 'appliesWhen' | 'title' | 'none'>
  > = Record<never, never>,
>(description: string, shape: S, extra: E = {} as E): Group<S> & E {
  return { kind: 'group', description, shape, ...extra, appliesWhen: extra.appliesWhen ?? [] } as Group<S> &
    E;
}

export function section<const S extends Shape, const N extends string>(
  sectionName: N,
  description: string,
  shape: S,
  extra: Partial<Pick<Group<S>, 'appliesWhen' | 'title'>> = {},
): Section<S, N> {
  const title = extra.title === undefined ? {} : { title: extra.title };
  return {
    kind: 'group',
    name: sectionName,
    description,
    ...title,
    shape,
    appliesWhen: extra.appliesWhen ?? [],
  };
}

/** A parameter that must be written whenever its group is. */
export function required<T>(p: Param<T>): Param<T> & { readonly required: true } {
  return { ...p, required: true };
}

/** A parameter whose absence is meaningful (`iommu.missPenalty` unset = use the page walk). */
export function optional<T>(p: Param<T>, means: string): Param<T | undefined> {
  return { ...p, absent: means } as Param<T | undefined>;
}
