/**
 * What every strategy declares about itself, whatever its kind: its name, what it models, the
 * documents its behaviour rests on, and which declared parameters it uses or makes irrelevant.
 * The ignored-option warnings, the schema's list of choices and the documentation are derived
 * from these declarations, so a new strategy is its own file plus one registration line.
 */
import type { SourceKey } from '../bibliography/bibliography.js';
import type { ModelConfig } from '../model/config.js';
import type { InstanceShape } from '../model/instance-shape.js';
import type { StrategyKind } from '../model/params/param.js';

/** The kinds of strategy and the scenario key that chooses one. */
export type ChoiceKind = StrategyKind;
export const CHOICE_PATHS: Readonly<Record<ChoiceKind, string>> = {
  transport: 'strategy.transport',
  cvq: 'strategy.cvq',
  isolation: 'strategy.isolation',
  interrupts: 'strategy.interrupts',
  provisioning: 'strategy.provisioning',
  blkBackend: 'blk.backend',
  qos: 'adminq.policy',
};

export interface Strategy {
  readonly kind: ChoiceKind;
  readonly name: string;
  /** A few words for lists of choices: 'SR-IOV BARs', 'IMS-like messages in the device'. */
  readonly summary: string;
  /** One or two sentences: what it models and what it costs. */
  readonly description: string;
  readonly cite: readonly SourceKey[];
  /**
   * Declared parameters or groups (scenario paths; `[*]` for every workload group) it uses and
   * others do not: they are ignored, with a warning, while no strategy that uses them is chosen.
   */
  readonly uses: readonly string[];
  /** Declared parameters or groups it makes irrelevant: ignored, with a warning, while it is chosen. */
  readonly ignores: readonly Ignored[];
  /** What the parent must offer for the strategy to apply; a scenario lacking it is refused before time zero. */
  readonly requires?: readonly Requirement[];
  /**
   * A combination with other settings the strategy cannot run in (found from the whole resolved
   * configuration and the instances' shape), or undefined: refused before time zero.
   */
  conflict?(config: ModelConfig, shape: InstanceShape): Conflict | undefined;
}

/** A setting that cannot go with the chosen strategy, and what would. */
export interface Conflict {
  /** The scenario key to change, e.g. 'interrupts.delivery'. */
  readonly path: string;
  /** What is impossible and why, in words. */
  readonly problem: string;
  /** What is allowed instead. */
  readonly instead: string;
}

/**
 * A capability of the parent a strategy needs, read from one numeric parameter: a parent that
 * lacks it would otherwise run with believable numbers (one PASID admits one instance).
 */
export interface Requirement {
  /** The parameter that says whether the parent has it, e.g. 'limits.pasidBits'. */
  readonly path: string;
  /** The least value that provides it. */
  readonly atLeast: number;
  /** What is missing, in words: 'PASIDs'. */
  readonly capability: string;
  /** The setting that studies the proposal instead: 'limits.pasidBits: 20 (20-bit PCIe PASIDs)'. */
  readonly instead: string;
}

/** A parameter or group a strategy makes irrelevant, and why (the warning's reason). */
export interface Ignored {
  readonly path: string;
  readonly why: string;
}
