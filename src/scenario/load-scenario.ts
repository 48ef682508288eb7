/**
 * Loads a scenario file into everything the runner needs: the resolved document and its
 * hash, and one validated ModelConfig per sweep point. Every check happens here, before time
 * zero; any bad input throws an InputError that names the file, line, column and key path.
 */
import type { ModelConfig } from '../model/config.js';
import { MAX_TIME_NS } from '../util/units.js';
import { applySets } from './apply-sets.js';
import { checkCharts } from './charts.js';
import { ConfigProblem } from './config-problem.js';
import { RUN_DEFAULTS } from './defaults.js';
import { expandSweep, type ParamValue, type PlannedPoint, pointCount } from './expand-sweep.js';
import { checkExpectations, type Expectation } from './expectations.js';
import { ignoredOptionWarnings, writtenPaths } from './ignored-options.js';
import { type FileLayer, loadLayers } from './load-layers.js';
import { type Assignment, type PointContext, ScenarioLocator } from './locator.js';
import type { ParamOverride } from './param-overrides.js';
import { copyPlain, deepMerge, setIn } from './plain-data.js';
import { type ReadAxis, readSweep } from './read-sweep.js';
import { resolveConfig } from './resolve-config.js';
import { scenarioDocument, scenarioHash } from './scenario-document.js';
import { type ChartSpec, MAX_REPLICATIONS, type ParsedScenario, scenarioSchema } from './scenario-schema.js';
import { problemsOf } from './zod-issues.js';

export interface SweepPoint {
  index: number;
  id: string;
  params: Record<string, string | number | boolean>;
  config: ModelConfig;
}

/**
 * A loaded study: everything the runner needs to plan and run it and the result writer to
 * describe it. The runner names it `Study` (runner/study.ts) and derives the writer's `StudyInfo`
 * from it: this is the one declaration of the fields.
 */
export interface ResolvedScenario {
  name: string;
  description: string;
  file: string;
  seed: number;
  replications: number;
  durationNs: number;
  warmupNs: number;
  /** The resolved scenario as plain data (extends merged, --set applied, defaults filled) — written to scenario.yaml and the manifest. */
  document: Record<string, unknown>;
  /** 14-hex hash of the stable JSON of `document`. */
  hash: string;
  /** Dotted paths in column order (grid keys, then zip keys). */
  swept: string[];
  points: SweepPoint[];
  charts: ChartSpec[];
  /** The checked `expect` entries (empty when the scenario states none). */
  expect: Expectation[];
  warnings: string[];
}

export interface LoadOptions {
  sets?: string[];
  /** Values set by path in canonical units (no text to parse), applied after `sets`. */
  overrides?: readonly ParamOverride[];
  replications?: number;
  seed?: number;
}

/**
 * A scenario read once (its files parsed, their positions kept for messages) that resolves
 * again with typed overrides in memory: what a search over a parameter probes.
 */
export interface PreparedScenario {
  /** The scenario as the options give it. */
  readonly base: ResolvedScenario;
  /** The scenario with these overrides applied after the options' own. */
  resolve(overrides: readonly ParamOverride[]): ResolvedScenario;
}

/** More runs than this is a mistake, not a study: refused before anything runs. */
export const MAX_RUNS = 1_000_000;

export async function loadScenario(file: string, options: LoadOptions = {}): Promise<ResolvedScenario> {
  return (await prepareScenario(file, options)).base;
}

/** Reads the scenario's files once; `resolve` applies overrides in memory. */
export async function prepareScenario(file: string, options: LoadOptions = {}): Promise<PreparedScenario> {
  const layers = await loadLayers(file);
  const base = resolveScenario(file, layers, options);
  return {
    base,
    resolve: (overrides) =>
      resolveScenario(file, layers, { ...options, overrides: [...(options.overrides ?? []), ...overrides] }),
  };
}

function resolveScenario(file: string, layers: readonly FileLayer[], options: LoadOptions): ResolvedScenario {
  const locator = new ScenarioLocator(layers);
  const data = mergeLayers(layers);
  const warnings = new Warnings();
  for (const w of applySets(data, options, locator)) warnings.add(w);
  const { sweep, ...base } = data;
  const axes = readSweep(sweep, base, locator);
  checkRunCount(axes, base, locator);
  const { scenario, points } = resolvePoints(base, axes, locator, warnings);
  const durationNs = scenario.duration;
  const warmupNs = scenario.warmup ?? 0;
  checkHorizon(durationNs, warmupNs, locator);
  const swept = axes.map((a) => a.path);
  const charts = scenario.charts ?? [];
  for (const w of located(locator, () => checkCharts(charts, swept))) warnings.add(w);
  const groups = points[0]?.config.workload.groups.map((g) => g.name) ?? [];
  const checked = located(locator, () => checkExpectations(scenario.expect ?? [], swept, points, groups));
  for (const w of checked.warnings) warnings.add(w);
  const document = scenarioDocument(data);
  return {
    name: scenario.name,
    description: scenario.description ?? RUN_DEFAULTS.description,
    file,
    seed: scenario.seed ?? RUN_DEFAULTS.seed,
    replications: scenario.replications ?? RUN_DEFAULTS.replications,
    durationNs,
    warmupNs,
    document,
    hash: scenarioHash(document),
    swept,
    points,
    charts,
    expect: checked.expect,
    warnings: warnings.list(points.length),
  };
}

/** Every point, validated and resolved; the run-level keys (not sweepable) are read from the first. */
function resolvePoints(
  base: Record<string, unknown>,
  axes: readonly ReadAxis[],
  locator: ScenarioLocator,
  warnings: Warnings,
): { scenario: ParsedScenario; points: SweepPoint[] } {
  let first: ParsedScenario | undefined;
  const points = expandSweep(axes).map((plan) => {
    const { parsed, point } = resolvePoint(base, axes, plan, locator, warnings);
    first ??= parsed;
    return point;
  });
  if (first === undefined) throw new Error('internal: a sweep expands to at least one point');
  return { scenario: first, points };
}

/** Base files first; `$schema` and `extends` are consumed here and not part of the scenario. */
function mergeLayers(layers: readonly FileLayer[]): Record<string, unknown> {
  let merged: Record<string, unknown> | undefined;
  for (const layer of layers) {
    const { $schema: _schema, extends: _extends, ...own } = copyPlain(layer.data);
    // A null removes a base's key; in the deepest file it is just a bad value, reported as such.
    merged = merged === undefined ? own : deepMerge(merged, own);
  }
  return merged ?? {};
}

function checkRunCount(
  axes: readonly ReadAxis[],
  base: Record<string, unknown>,
  locator: ScenarioLocator,
): void {
  // A replications value the schema will refuse anyway is reported by the schema, not here.
  const r = base.replications;
  const reps =
    Number.isInteger(r) && (r as number) >= 1 && (r as number) <= MAX_REPLICATIONS ? (r as number) : 1;
  const points = pointCount(axes);
  if (points * reps > MAX_RUNS) {
    const sizes = axes.map((a) => `${a.path}: ${a.values.length}`).join(', ');
    throw locator.error({
      path: axes.length > 0 ? ['sweep'] : ['replications'],
      message: `${points} points × ${reps} replications = ${points * reps} runs, more than the ${MAX_RUNS} allowed (${sizes || 'no sweep'}): shrink the sweep or split the study`,
    });
  }
}

function checkHorizon(durationNs: number, warmupNs: number, locator: ScenarioLocator): void {
  if (durationNs + warmupNs > MAX_TIME_NS) {
    throw locator.error({
      path: ['duration'],
      message: `warmup + duration is ${durationNs + warmupNs}ns, beyond the 2^53 ns (≈ 104 days) a run can represent exactly`,
    });
  }
}

function resolvePoint(
  base: Record<string, unknown>,
  axes: readonly ReadAxis[],
  plan: PlannedPoint,
  locator: ScenarioLocator,
  warnings: Warnings,
): { parsed: ParsedScenario; point: SweepPoint } {
  const data = copyPlain(base);
  const assignments: Assignment[] = axes.map((axis, a) => {
    const pick = plan.picks[a] as number;
    return {
      path: axis.target,
      param: axis.path,
      value: axis.values[pick],
      layer: axis.layer,
      nodePath: ['sweep', axis.kind, axis.path, pick],
    };
  });
  const context: PointContext = { id: plan.id, label: labelOf(plan.params), assignments };
  for (const a of assignments) {
    const problem = setIn(data, a.path, copyPlain(a.value));
    if (problem !== undefined) {
      throw locator.error({
        path: ['sweep', a.nodePath[1] as string],
        key: a.param,
        message: `sweep key '${a.param}': ${problem}`,
      });
    }
  }
  const result = scenarioSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    throw locator.first(problemsOf(result.error, scenarioSchema), context);
  }
  const config = located(locator, () => resolveConfig(result.data), context);
  for (const w of ignoredOptionWarnings(writtenPaths(data), config)) warnings.add(w, plan.id);
  return { parsed: result.data, point: { index: plan.index, id: plan.id, params: plan.params, config } };
}

function labelOf(params: Record<string, ParamValue>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** Runs `fn`, turning a ConfigProblem into an InputError at the key's position. */
function located<T>(locator: ScenarioLocator, fn: () => T, point?: PointContext): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ConfigProblem) {
      const problem = {
        path: e.segments.map((s) => (typeof s === 'object' ? s.name : s)),
        message: e.message,
      };
      throw locator.error(e.allowed === undefined ? problem : { ...problem, allowed: e.allowed }, point);
    }
    throw e;
  }
}

/** Warnings, each once, with the points it applies to when that is not all of them. */
class Warnings {
  private readonly byText = new Map<string, string[]>();

  add(text: string, pointId?: string): void {
    const ids = this.byText.get(text) ?? [];
    if (pointId !== undefined) ids.push(pointId);
    this.byText.set(text, ids);
  }

  list(totalPoints: number): string[] {
    return [...this.byText].map(([text, ids]) => {
      if (ids.length === 0 || ids.length === totalPoints) return text;
      const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
      return `${text} (points ${shown})`;
    });
  }
}
