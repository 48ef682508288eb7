/**
 * A parsed scenario (units already canonical) → the ModelConfig one run is built from.
 * Pure: the same scenario always gives the same config. Layers, lowest first:
 *   choice defaults (defaults.ts) + platform profile → parent profile → the scenario's keys,
 * then the derived defaults (DRR weights per queue, the adaptive-coalescing table, a software
 * CVQ on a parent without one in the device), the
 * workload groups, and the cross-field rules.
 */
import type { CoalescingConfig, ModelConfig } from '../model/config.js';
import { DEFAULT_DIM_PROFILE } from '../model/interrupts/interrupt-params.js';
import { CONFIG_PATHS } from '../profiles/config-paths.js';
import { profileValues } from '../profiles/index.js';
import { checkConfig } from './check-config.js';
import { ConfigProblem } from './config-problem.js';
import { CHOICE_DEFAULTS, RUN_DEFAULTS } from './defaults.js';
import { modelLeavesOf } from './model-paths.js';
import { copyPlain, getIn, isPlainObject } from './plain-data.js';
import { resolveGroups } from './resolve-groups.js';
import { type ParsedScenario, scenarioSchema } from './scenario-schema.js';

let choiceLeaves: [string, unknown][] | undefined;

/** The choice defaults, parsed once by the scenario schema like any scenario fragment. */
function choiceDefaults(): [string, unknown][] {
  choiceLeaves ??= modelLeavesOf(
    scenarioSchema.parse({ name: 'defaults', duration: '1s', ...CHOICE_DEFAULTS }),
  );
  return choiceLeaves;
}

export function resolveConfig(scenario: ParsedScenario): ModelConfig {
  const parent = scenario.parent ?? RUN_DEFAULTS.parent;
  const base = baseFor(parent);
  const tree = copyPlain(base.tree);
  let weightsWritten = base.written.has('adminq.weights');
  let cvqWritten = false;
  for (const [path, value] of modelLeavesOf(scenario)) {
    setModelPath(tree, path, value);
    if (path === 'adminq.weights') weightsWritten = true;
    if (path === 'strategy.cvq') cvqWritten = true;
  }
  tree.parent = parent;
  tree.instances = scenario.instances ?? RUN_DEFAULTS.instances;
  const config = tree as unknown as ModelConfig;
  if (!weightsWritten) config.adminq.weights = new Array<number>(config.adminq.queues).fill(1);
  // The deployed CVQ of a parent without one in the device is the driver's (mlx5_vdpa emulates
  // it): the default follows the parent, so `parent: mlx5` runs without naming a CVQ, while an
  // explicit `strategy.cvq: hardware` there is still refused (check-config.ts).
  if (!cvqWritten && config.limits.hwCvq === 0) config.strategy.cvq = 'software';
  config.iommu.missPenalty ??= undefined;
  config.interrupts.coalescing = normalizeCoalescing(config.interrupts.coalescing);
  config.workload = { groups: resolveGroups(scenario.workload?.groups, config.instances) };
  checkConfig(config);
  return config;
}

interface Base {
  tree: Record<string, unknown>;
  /** Paths a profile set (derived defaults yield to them). */
  written: ReadonlySet<string>;
}

const bases = new Map<string, Base>();

/** Choice defaults with the platform and the parent profile applied: the same for every point of a parent. */
function baseFor(parent: string): Base {
  const cached = bases.get(parent);
  if (cached !== undefined) return cached;
  const tree = skeleton();
  const written = new Set<string>();
  for (const [path, value] of choiceDefaults()) setModelPath(tree, path, value);
  for (const { path, value } of profileValues(parent)) {
    setModelPath(tree, path, value);
    written.add(path);
  }
  // A scenario only adds values on top, so what the base lacks no point can supply.
  assertComplete(tree);
  const base = { tree, written };
  bases.set(parent, base);
  return base;
}

/** Every ModelConfig key, unset, in config.ts order (so configs print in a familiar order). */
function skeleton(): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const { path } of CONFIG_PATHS) {
    // Coalescing is one value of a kind-dependent shape; its leaves are set by the layers.
    setModelPath(tree, path.startsWith('interrupts.coalescing.') ? 'interrupts.coalescing' : path, undefined);
  }
  return tree;
}

/** Writes a value at a dotted ModelConfig path, creating objects on the way (values are copied). */
function setModelPath(tree: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (isPlainObject(next)) node = next;
    else node = node[key] = {};
  }
  node[keys[keys.length - 1] as string] = copyPlain(value);
}

type CoalescingLeaves = { kind?: string; maxPackets?: number; maxUsecs?: number; profile?: 'eqe' | 'cqe' };

/** Keeps exactly the fields of the chosen kind (profiles and scenarios set them one by one). */
function normalizeCoalescing(c: CoalescingConfig): CoalescingConfig {
  const leaves = c as CoalescingLeaves;
  if (leaves.kind === 'adaptive') return { kind: 'adaptive', profile: leaves.profile ?? DEFAULT_DIM_PROFILE };
  if (leaves.maxPackets === undefined || leaves.maxUsecs === undefined) {
    throw new ConfigProblem(
      ['interrupts', 'coalescing'],
      'static coalescing needs both maxPackets and maxUsecs',
    );
  }
  return { kind: 'static', maxPackets: leaves.maxPackets, maxUsecs: leaves.maxUsecs };
}

/** Fields every point sets itself (after the base is built). */
const PER_POINT: readonly string[] = ['parent', 'instances', 'adminq.weights', 'workload.groups'];

/** A field no layer set is a bug in the defaults or the platform profile, not bad input. */
function assertComplete(tree: Record<string, unknown>): void {
  const missing = CONFIG_PATHS.filter(
    (p) =>
      !PER_POINT.includes(p.path) &&
      !p.path.startsWith('interrupts.coalescing.') &&
      !('optional' in p && p.optional) &&
      getIn(tree, p.path.split('.')) === undefined,
  ).map((p) => p.path);
  if (missing.length > 0) {
    throw new Error(
      `internal: no default for ${missing.join(', ')} (defaults.ts or PLATFORM_PROFILE must give one)`,
    );
  }
}
