/**
 * Every default of a scenario, in one place. Hardware and platform-software values come from
 * the platform profile (`PLATFORM_PROFILE`, each with its source); a parent profile then
 * overrides what its hardware changes. Design choices come from the parameter declarations
 * (`byDefault`, src/model/params/), and run control from here — all written exactly as a scenario file would write them, so the same
 * parser checks these values and `vdpascale schema` can show them as JSON Schema `default`s.
 *
 * Resolution order of a run's ModelConfig:
 *   these defaults + PLATFORM_PROFILE ← parent profile ← scenario (after extends) ← sweep point ← --set
 */
import { SECTIONS } from '../model/params/catalogue.js';
import { ROOT } from '../model/root-params.js';
import { WORKLOAD } from '../model/workload-params.js';
import { declaredDefaults, sectionDefaults } from './declared-defaults.js';

export { PLATFORM_PROFILE } from '../profiles/platform.js';

const ROOT_DEFAULTS = declaredDefaults(ROOT) as { parent: string; instances: number };

/** Run control, and the parent and instance count a scenario gets when it names none. */
export const RUN_DEFAULTS = {
  description: '',
  seed: 1,
  warmup: '0s',
  // One replication runs what was asked; confidence intervals need `replications: 2` or more.
  replications: 1,
  parent: ROOT_DEFAULTS.parent,
  instances: ROOT_DEFAULTS.instances,
} as const;

/**
 * Design choices (the non-hardware ModelConfig fields), as a scenario fragment. (adminq.weights
 * is derived from adminq.queues by the loader: 1 for every queue.)
 */
export const CHOICE_DEFAULTS: Record<string, unknown> = sectionDefaults(
  SECTIONS.filter((s) => s.name !== '' && s.name !== 'workload'),
);

/** The group a scenario without `workload` gets: every instance, no traffic, no control. */
export const DEFAULT_GROUP = { name: 'default', share: 1 } as const;

/** What a group leaves out, as a scenario fragment. */
export const GROUP_DEFAULTS: Record<string, unknown> = declaredDefaults(WORKLOAD.shape.groups) ?? {};
