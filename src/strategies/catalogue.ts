/**
 * Every registered strategy, by kind: the names the scenario schema accepts, the objects a run
 * is built with, and the ignored-option rules their `uses` and `ignores` imply.
 */
import type { ModelConfig } from '../model/config.js';
import { blkInstanceShape, instanceShape } from '../model/instance-shape.js';
import type { RunStrategies } from '../model/system.js';
import { blkBackends } from './blk-backends/index.js';
import { cvqModes } from './cvq/index.js';
import { interruptModes } from './interrupts/index.js';
import { isolationModes } from './isolation/index.js';
import { provisioningMethods } from './provisioning/index.js';
import { qosPolicies } from './qos/index.js';
import type { Registry } from './registry.js';
import { CHOICE_PATHS, type ChoiceKind, type Conflict, type Requirement, type Strategy } from './strategy.js';
import { transports } from './transports/index.js';

export const REGISTRIES: { readonly [K in ChoiceKind]: Registry<Strategy> } = {
  transport: transports,
  cvq: cvqModes,
  isolation: isolationModes,
  interrupts: interruptModes,
  provisioning: provisioningMethods,
  blkBackend: blkBackends,
  qos: qosPolicies,
};
const KINDS = Object.keys(REGISTRIES) as ChoiceKind[];

/** The registered names of a kind, in registration order (a non-empty list). */
export function strategyNames(kind: ChoiceKind): [string, ...string[]] {
  return REGISTRIES[kind].names() as [string, ...string[]];
}

/** Every registered strategy, kind by kind. */
export function allStrategies(): Strategy[] {
  return KINDS.flatMap((k) => REGISTRIES[k].all());
}

/** The strategy objects a run is built with (the names were validated by the schema). */
export function chooseStrategies(config: ModelConfig): RunStrategies {
  const transport = transports.get(config.strategy.transport);
  const provisioning = provisioningMethods.get(config.strategy.provisioning);
  const cvq = cvqModes.get(config.strategy.cvq);
  return {
    transport,
    createTransport:
      provisioning.createVia === undefined ? transport : transports.get(provisioning.createVia),
    qos: qosPolicies.get(config.adminq.policy),
    provisioning,
    cvq,
    isolation: isolationModes.get(config.strategy.isolation),
    interrupts: interruptModes.get(config.strategy.interrupts),
    shape: instanceShape(config, cvq, transport),
    blkShape: blkInstanceShape(config, transport),
    blkBackend: blkBackends.get(config.blk.backend),
  };
}

/** A chosen strategy whose requirement the parent does not meet. */
export interface UnmetRequirement {
  readonly strategy: Strategy;
  readonly requirement: Requirement;
  /** The parent's value at `requirement.path`. */
  readonly value: number;
  /** Strategies of the same kind this configuration would accept. */
  readonly alternatives: readonly string[];
}

function meets(s: Strategy, config: ModelConfig): Requirement | undefined {
  return s.requires?.find((r) => valueAt(config, r.path) < r.atLeast);
}

function valueAt(config: ModelConfig, path: string): number {
  let node: unknown = config;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return Number(node);
}

/** The first requirement of a chosen strategy that `config` does not meet, kind by kind. */
export function unmetRequirement(config: ModelConfig): UnmetRequirement | undefined {
  for (const kind of KINDS) {
    const strategy = REGISTRIES[kind].get(chosenName(kind, config));
    const requirement = meets(strategy, config);
    if (requirement === undefined) continue;
    const alternatives = REGISTRIES[kind]
      .all()
      .filter((s) => meets(s, config) === undefined)
      .map((s) => s.name);
    return { strategy, requirement, value: valueAt(config, requirement.path), alternatives };
  }
  return undefined;
}

/** The first conflict a chosen strategy finds with the rest of `config`, kind by kind. */
export function strategyConflict(
  config: ModelConfig,
): (Conflict & { readonly strategy: Strategy }) | undefined {
  const { shape } = chooseStrategies(config);
  for (const kind of KINDS) {
    const strategy = REGISTRIES[kind].get(chosenName(kind, config));
    const conflict = strategy.conflict?.(config, shape);
    if (conflict !== undefined) return { ...conflict, strategy };
  }
  return undefined;
}

function chosenName(kind: ChoiceKind, config: ModelConfig): string {
  let node: unknown = config;
  for (const key of CHOICE_PATHS[kind].split('.')) node = (node as Record<string, unknown>)[key];
  return String(node);
}

/** A parameter or group path and why the chosen strategies ignore it (undefined: they use it). */
export interface StrategyRule {
  readonly path: string;
  ignoredWhen(config: ModelConfig): string | undefined;
}

/** What a list of claimants reads as: 'transport admin-vq and provisioning admin-vq'. */
function claimantText(claimants: readonly Strategy[]): string {
  return claimants.map((s) => `${s.kind} ${s.name}`).join(' and ');
}

/** A path some strategies use: ignored while none of them is chosen. */
function usedRule(path: string, claimants: readonly Strategy[]): StrategyRule {
  const kinds = [...new Set(claimants.map((s) => s.kind))];
  return {
    path,
    ignoredWhen(config) {
      if (claimants.some((s) => chosenName(s.kind, config) === s.name)) return undefined;
      const chosen = kinds.map((k) => `${CHOICE_PATHS[k]} is ${chosenName(k, config)}`);
      if (kinds.length === 1) return `${chosen[0]}, not ${claimants.map((s) => s.name).join(' or ')}`;
      return `used only by ${claimantText(claimants)}; ${chosen.join(', ')}`;
    },
  };
}

/** The ignored-option rules the strategies imply, one per path they use or ignore. */
export function strategyRules(): StrategyRule[] {
  const claimants = new Map<string, Strategy[]>();
  for (const s of allStrategies())
    for (const path of s.uses) claimants.set(path, [...(claimants.get(path) ?? []), s]);
  const used = [...claimants].map(([path, list]) => usedRule(path, list));
  const ignored = allStrategies().flatMap((s) =>
    s.ignores.map(
      (i): StrategyRule => ({
        path: i.path,
        ignoredWhen: (config) => (chosenName(s.kind, config) === s.name ? i.why : undefined),
      }),
    ),
  );
  return [...used, ...ignored];
}
