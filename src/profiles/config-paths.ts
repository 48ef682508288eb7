/**
 * Every leaf path of `ModelConfig`, with what kind of value sits there and whether it stands for
 * hardware or platform software (a profile supplies it) or for a scenario choice (strategy,
 * workload, QoS policy), all derived from the declared sections (src/model/params/catalogue.ts),
 * which ModelConfig's section types are derived from too.
 */

import type { ModelConfig } from '../model/config.js';
import { paramEntries, SECTIONS } from '../model/params/catalogue.js';
import type { ValueKind } from '../model/params/param.js';
import type { DistSpec } from '../random/distribution.js';
import { strategyNames } from '../strategies/catalogue.js';

/** Values that end a path: scalars, lists and distributions (a DistSpec is one parameter). */
type LeafValue = string | number | boolean | undefined | readonly unknown[] | DistSpec;
type Prefix<K extends string, P extends string> = P extends '' ? K : `${K}.${P}`;
type PathsOf<T> = T extends LeafValue
  ? ''
  : { [K in keyof T & string]: Prefix<K, PathsOf<T[K]>> }[keyof T & string];

/** A dotted leaf path of ModelConfig, e.g. `iommu.iotlb.entries`, `adminq.service.CREATE`. */
export type ConfigLeafPath = PathsOf<ModelConfig>;

/**
 * integer / number: a plain number in the canonical unit; dist: a DistSpec in ns; string: one
 * of `values`; list / record: structured values no profile sets.
 */
export type LeafKind = 'integer' | 'number' | 'dist' | 'string' | 'list' | 'record';

export interface ConfigPathInfo {
  readonly path: ConfigLeafPath;
  readonly kind: LeafKind;
  /** A hardware or platform-software cost or limit: the platform profile must give it a value. */
  readonly hardware: boolean;
  /** Meaningful when absent (e.g. `iommu.missPenalty` unset = use the page walk). */
  readonly optional?: boolean;
  /** Allowed values of a string leaf. */
  readonly values?: readonly string[];
}

/** The ModelConfig leaf kind of a declared value kind. */
function leafKind(v: ValueKind): LeafKind {
  switch (v.type) {
    case 'count':
    case 'size':
      return 'integer';
    case 'duration':
      return v.inUs ? 'number' : 'integer';
    case 'real':
    case 'perByte':
    case 'eventRate':
      return 'number';
    case 'distribution':
      return 'dist';
    case 'choice':
    case 'strategy':
    case 'name':
      return 'string';
    case 'list':
      return 'list';
    case 'trafficRate':
    case 'form':
      return 'record';
  }
}

/** The model's own entries of a declared section (the workload is resolved into groups instead). */
function declared(section: string): ConfigPathInfo[] {
  return paramEntries()
    .filter((e) => (section === '' ? !e.path.includes('.') : e.path.startsWith(`${section}.`)))
    .map(({ path, param }) => {
      const info: ConfigPathInfo = {
        path: path as ConfigLeafPath,
        kind: leafKind(param.value),
        hardware: param.origin.from === 'profile',
      };
      const extra: { optional?: boolean; values?: readonly string[] } = {};
      if (param.absent !== undefined || param.origin.from === 'absent') extra.optional = true;
      if (param.value.type === 'choice') extra.values = param.value.values;
      // A strategy a profile chooses (blk.backend): one of the registered names of its kind.
      if (param.value.type === 'strategy') extra.values = strategyNames(param.value.of);
      return { ...info, ...extra };
    });
}

/** Every ModelConfig leaf, in the order of the scenario file (the workload is resolved into groups). */
export const CONFIG_PATHS: readonly ConfigPathInfo[] = [
  ...SECTIONS.filter((s) => s.name !== 'workload').flatMap((s) => declared(s.name)),
  { path: 'workload.groups', kind: 'list', hardware: false },
];

const BY_PATH = new Map<string, ConfigPathInfo>(CONFIG_PATHS.map((p) => [p.path, p]));

/** What the list says about a dotted path, or undefined when it is not a ModelConfig leaf. */
export function configPathInfo(path: string): ConfigPathInfo | undefined {
  return BY_PATH.get(path);
}

/** Whether the path is a ModelConfig leaf that stands for hardware or platform software. */
export function isHardwarePath(path: string): boolean {
  return BY_PATH.get(path)?.hardware === true;
}

/** The hardware leaf paths in config.ts order. */
export function hardwarePaths(): ConfigPathInfo[] {
  return CONFIG_PATHS.filter((p) => p.hardware);
}
