/**
 * Every leaf path of `ModelConfig`, with what kind of value sits there and whether it stands for
 * hardware or platform software (a profile supplies it) or for a scenario choice (strategy,
 * workload, QoS policy). The declared sections (src/model/params/catalogue.ts) give their own
 * entries; the control plane's sections, which do not declare theirs yet, are listed by hand
 * below, checked against the type at compile time both ways: each `path` must be a leaf path of
 * ModelConfig (`ConfigLeafPath`), and `_everyPathListed` fails to compile, naming the missing
 * paths, when config.ts gains a control-plane field this file does not list.
 */

import {
  ADMINQ_MODES,
  ADMINQ_POLICIES,
  COMMAND_CLASSES,
  DRIVER_WAITS,
  type ModelConfig,
} from '../model/config.js';
import { paramEntries } from '../model/params/catalogue.js';
import type { ValueKind } from '../model/params/param.js';
import type { DistSpec } from '../random/distribution.js';

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
      return { ...info, ...extra };
    });
}

// Generic in P so that the list keeps each literal path type (the completeness check needs it).
function hw<P extends ConfigLeafPath>(
  path: P,
  kind: LeafKind,
  extra: Pick<ConfigPathInfo, 'optional' | 'values'> = {},
): ConfigPathInfo & { path: P } {
  return { path, kind, hardware: true, ...extra };
}
function choice<P extends ConfigLeafPath>(
  path: P,
  kind: LeafKind,
  values?: readonly string[],
): ConfigPathInfo & { path: P } {
  return values === undefined ? { path, kind, hardware: false } : { path, kind, hardware: false, values };
}

const SERVICE_PATHS = COMMAND_CLASSES.map((c) => hw(`adminq.service.${c}` as const, 'dist'));

/** The control plane's leaves, listed by hand until it declares its parameters. */
const CONTROL_PATHS = [
  hw('transport.mmioRead', 'dist'),
  hw('transport.mmioWriteNs', 'integer'),
  hw('transport.fwEmulationNs', 'integer'),
  hw('transport.deviceCmdService', 'dist'),
  hw('transport.deviceCmdDataBytes', 'integer'),
  hw('transport.ucStoreNs', 'integer'),
  hw('transport.pollIntervalNs', 'integer'),
  hw('transport.vfCreate', 'dist'),
  hw('transport.vendorSlots', 'integer'),
  hw('transport.vendorThrottledSlots', 'integer'),
  hw('transport.vendorService', 'dist'),
  hw('transport.createConfigBytes', 'integer'),
  hw('transport.createService', 'dist'),

  hw('adminq.queues', 'integer'),
  hw('adminq.depth', 'integer'),
  hw('adminq.workers', 'integer'),
  choice('adminq.policy', 'string', ADMINQ_POLICIES),
  choice('adminq.weights', 'list'),
  choice('adminq.quantum', 'integer'),
  ...SERVICE_PATHS,
  hw('adminq.mode', 'string', { values: ADMINQ_MODES }),
  hw('adminq.driverWait', 'string', { values: DRIVER_WAITS }),
  hw('adminq.retryBackoffNs', 'integer'),
  hw('adminq.retryBackoffFactor', 'number'),
  hw('adminq.retryBackoffMaxNs', 'integer'),
  hw('adminq.deviceInflightLimit', 'integer'),
  hw('adminq.heavyLimit', 'integer'),
  hw('adminq.refusalNs', 'integer'),
  hw('adminq.submitNs', 'integer'),

  choice('host.cores', 'integer'),
  hw('host.swCvqDecode', 'dist'),

  choice('provisioning.start', 'string', ['ready', 'burst']),
  hw('provisioning.concurrency', 'integer'),
  hw('provisioning.netlinkService', 'dist'),
  hw('provisioning.netlinkPerInstanceNs', 'integer'),
  choice('provisioning.churnCreateRate', 'number'),
  choice('provisioning.churnDestroyRate', 'number'),
] as const satisfies readonly ConfigPathInfo[];

const byPrefix = (prefix: string) => CONTROL_PATHS.filter((p) => p.path.startsWith(prefix));

/** Every ModelConfig leaf, in the order of the scenario file. */
export const CONFIG_PATHS: readonly ConfigPathInfo[] = [
  ...declared(''),
  ...declared('strategy'),
  ...declared('device'),
  ...declared('limits'),
  ...byPrefix('transport.'),
  ...byPrefix('adminq.'),
  ...declared('iommu'),
  ...declared('interrupts'),
  ...byPrefix('host.'),
  ...byPrefix('provisioning.'),
  ...declared('fidelity'),
  choice('workload.groups', 'list'),
];

/** The leaves of the declared sections (their paths are checked by the declarations themselves). */
type DeclaredPath = PathsOf<
  Pick<
    ModelConfig,
    'parent' | 'instances' | 'strategy' | 'device' | 'limits' | 'iommu' | 'interrupts' | 'fidelity'
  >
>;
type ListedPath = (typeof CONTROL_PATHS)[number]['path'] | DeclaredPath | 'workload.groups';
type MissingPath = Exclude<ConfigLeafPath, ListedPath>;
/** Fails to compile, naming the path, when ModelConfig has a leaf this list does not. */
const _everyPathListed: [MissingPath] extends [never] ? true : MissingPath = true;
void _everyPathListed;

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

const SCENARIO_KEY_EXCEPTIONS: Record<string, string> = {
  'provisioning.churnCreateRate': 'provisioning.churn.create',
  'provisioning.churnDestroyRate': 'provisioning.churn.destroy',
};

/**
 * The scenario key of a ModelConfig leaf path: the field without its unit suffix, because the
 * value carries its unit (`transport.mmioWriteNs` → `transport.mmioWrite`); churn is grouped
 * as `provisioning.churn`. What users are shown wherever a profile names a parameter.
 */
export function scenarioPathOf(modelPath: string): string {
  return (
    SCENARIO_KEY_EXCEPTIONS[modelPath] ??
    modelPath.replace(/NsPerByte$/, 'PerByte').replace(/(Ns|Bytes)$/, '')
  );
}
