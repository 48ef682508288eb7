/**
 * The vDPA parent profiles (docs/model.md): the platform defaults plus one profile per parent,
 * each listing only what differs. The scenario layer applies `profileValues(parent)` to its
 * defaults by dotted path, then the scenario's own keys on top.
 */
import { PARENTS, type ParentName } from '../model/config.js';
import { InputError } from '../util/errors.js';
import { CONFIG_PATHS } from './config-paths.js';
import { IFCVF_PROFILE } from './ifcvf.js';
import { MLX5_PROFILE } from './mlx5.js';
import { PLATFORM_PROFILE } from './platform.js';
import type { ParentProfile, ProfileParam } from './profile.js';
import { VDPA_SIM_PROFILE } from './vdpa_sim.js';
import { VDUSE_PROFILE } from './vduse.js';
import { VP_VDPA_PROFILE } from './vp_vdpa.js';

export {
  CONFIG_PATHS,
  type ConfigLeafPath,
  type ConfigPathInfo,
  configPathInfo,
  hardwarePaths,
  isHardwarePath,
} from './config-paths.js';
export { formatParamRange, formatParamValue } from './format.js';
export { PLATFORM_PROFILE } from './platform.js';
export { BASES, type Basis, type ParamRange, type ParentProfile, type ProfileParam } from './profile.js';

const PROFILES: Readonly<Record<ParentName, ParentProfile>> = {
  ifcvf: IFCVF_PROFILE,
  mlx5: MLX5_PROFILE,
  vp_vdpa: VP_VDPA_PROFILE,
  vduse: VDUSE_PROFILE,
  vdpa_sim: VDPA_SIM_PROFILE,
};

function isParentName(name: string): name is ParentName {
  return (PARENTS as readonly string[]).includes(name);
}

/** The parent profile of that name; an unknown name is an input error listing the valid ones. */
export function getProfile(name: string): ParentProfile {
  if (!isParentName(name))
    throw new InputError(`unknown vDPA parent profile '${name}'`, {}, PARENTS.join(', '));
  return PROFILES[name];
}

/** The parent profiles in the order PARENTS lists them (the platform is not among them). */
export function listProfiles(): ParentProfile[] {
  return PARENTS.map((n) => PROFILES[n]);
}

/** One resolved parameter: the value in force for a parent and where it comes from. */
export interface ResolvedParam extends ProfileParam {
  /** 'platform' when inherited, else the parent's name. */
  from: string;
}

const PATH_ORDER = new Map<string, number>(CONFIG_PATHS.map((p, i) => [p.path, i]));

/** Platform params overlaid by the parent's, in config.ts order, each marked with its origin. */
export function resolveProfile(name: string): ResolvedParam[] {
  const parent = getProfile(name);
  const byPath = new Map<string, ResolvedParam>();
  for (const p of PLATFORM_PROFILE.params) byPath.set(p.path, { ...p, from: PLATFORM_PROFILE.name });
  for (const p of parent.params) byPath.set(p.path, { ...p, from: parent.name });
  return [...byPath.values()].sort(
    (a, b) =>
      (PATH_ORDER.get(a.path) ?? Number.MAX_SAFE_INTEGER) -
      (PATH_ORDER.get(b.path) ?? Number.MAX_SAFE_INTEGER),
  );
}

/**
 * What the scenario layer applies to its defaults: every value in force for the parent, by
 * dotted path. DistSpecs are copies, so a caller may change them without touching the profile.
 */
export function profileValues(
  name: string,
): Array<{ path: ProfileParam['path']; value: ProfileParam['value'] }> {
  return resolveProfile(name).map(({ path, value }) => ({
    path,
    value: typeof value === 'object' ? structuredClone(value) : value,
  }));
}
