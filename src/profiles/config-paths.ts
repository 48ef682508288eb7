/**
 * Every leaf path of `ModelConfig` (src/model/config.ts), written out by hand because types vanish
 * at runtime, with what kind of value sits there and whether it stands for hardware or platform
 * software (a profile supplies it) or for a scenario choice (strategy, workload, QoS policy).
 *
 * The list is checked against the type at compile time both ways: each `path` must be a leaf
 * path of ModelConfig (`ConfigLeafPath`), and `_everyPathListed` fails to compile, naming the
 * missing paths, when config.ts gains a field this file does not list.
 */

import {
  ADMINQ_MODES,
  ADMINQ_POLICIES,
  COMMAND_CLASSES,
  CVQ_MODES,
  INTERRUPT_MODES,
  ISOLATIONS,
  type ModelConfig,
  PARENTS,
  PROVISIONING_METHODS,
  TRANSPORTS,
} from '../model/config.js';
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
  /** Meaningful when absent (e.g. `iommu.missPenaltyNs` unset = use the page walk). */
  readonly optional?: boolean;
  /** Allowed values of a string leaf. */
  readonly values?: readonly string[];
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

export const CONFIG_PATHS = [
  choice('parent', 'string', PARENTS),
  choice('instances', 'integer'),
  choice('strategy.transport', 'string', TRANSPORTS),
  choice('strategy.cvq', 'string', CVQ_MODES),
  choice('strategy.isolation', 'string', ISOLATIONS),
  choice('strategy.interrupts', 'string', INTERRUPT_MODES),
  choice('strategy.provisioning', 'string', PROVISIONING_METHODS),

  hw('device.queuePairs', 'integer'),
  hw('device.queueSize', 'integer'),
  hw('device.engines', 'integer'),
  hw('device.engineService', 'dist'),
  hw('device.engineNsPerByte', 'number'),
  hw('device.dataPath', 'string', { values: ['hardware', 'vduse', 'software'] }),
  hw('device.copyNsPerByte', 'number'),
  hw('device.wakeupNs', 'integer'),
  hw('device.hwCvqService', 'dist'),
  hw('device.dmaReadNs', 'integer'),
  hw('device.kickNs', 'integer'),

  hw('limits.totalVfs', 'integer'),
  hw('limits.hwVqs', 'integer'),
  hw('limits.maxQueuesPerInstance', 'integer'),
  hw('limits.msixPerFunction', 'integer'),
  hw('limits.msixPerVf', 'integer'),
  hw('limits.imsEntries', 'integer'),
  hw('limits.irtePerUnit', 'integer'),
  hw('limits.iommuUnits', 'integer'),
  hw('limits.hostCpus', 'integer'),
  hw('limits.vectorsPerCpu', 'integer'),
  hw('limits.pasidBits', 'integer'),
  hw('limits.domainIds', 'integer'),
  hw('limits.deviceMmuContexts', 'integer'),
  hw('limits.deviceMemoryBytes', 'integer'),
  hw('limits.instanceMemoryBytes', 'integer'),

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
  hw('adminq.retryBackoffNs', 'integer'),
  hw('adminq.retryBackoffFactor', 'number'),
  hw('adminq.retryBackoffMaxNs', 'integer'),
  hw('adminq.deviceInflightLimit', 'integer'),
  hw('adminq.submitNs', 'integer'),

  hw('iommu.iotlb.entries', 'integer'),
  hw('iommu.iotlb.ways', 'integer'),
  hw('iommu.iotlb.pageSize', 'integer'),
  hw('iommu.walk.levels', 'integer'),
  hw('iommu.walk.guestLevels', 'integer'),
  hw('iommu.walk.memAccessNs', 'integer'),
  hw('iommu.walk.pwcEntries', 'integer'),
  hw('iommu.missPenaltyNs', 'integer', { optional: true }),
  hw('iommu.pasidTableAccesses', 'integer'),
  hw('iommu.devtlb.entries', 'integer'),
  hw('iommu.devtlb.ways', 'integer'),
  hw('iommu.atsRttNs', 'integer'),
  hw('iommu.deviceMmu.entries', 'integer'),
  hw('iommu.deviceMmu.ways', 'integer'),
  hw('iommu.deviceMmu.fetchNs', 'integer'),
  hw('iommu.deviceMmu.keyBuildNs', 'integer'),
  hw('iommu.mappings', 'string', { values: ['static', 'dynamic'] }),
  hw('iommu.invalidation', 'string', { values: ['strict', 'lazy'] }),
  hw('iommu.invalidationService', 'dist'),
  hw('iommu.lazyBatch', 'integer'),
  hw('iommu.lazyTimeoutNs', 'integer'),

  hw('interrupts.coalescing.kind', 'string', { values: ['static', 'adaptive'] }),
  hw('interrupts.coalescing.maxPackets', 'integer'),
  hw('interrupts.coalescing.maxUsecs', 'number'),
  hw('interrupts.coalescing.profile', 'string', { optional: true, values: ['eqe', 'cqe'] }),
  hw('interrupts.delivery', 'string', { values: ['posted', 'exit'] }),
  hw('interrupts.exitNs', 'integer'),
  hw('interrupts.exitsPerInterrupt', 'integer'),
  hw('interrupts.postedNs', 'integer'),
  hw('interrupts.guestIrqNs', 'integer'),
  hw('interrupts.guestPerPacketNs', 'integer'),
  hw('interrupts.sharerCheckNs', 'integer'),
  hw('interrupts.pollIntervalNs', 'integer'),
  hw('interrupts.pollPerRingNs', 'integer'),

  choice('host.cores', 'integer'),
  hw('host.swCvqDecode', 'dist'),

  choice('provisioning.start', 'string', ['ready', 'burst']),
  hw('provisioning.netlinkService', 'dist'),
  hw('provisioning.netlinkPerInstanceNs', 'integer'),
  choice('provisioning.churnCreateRate', 'number'),
  choice('provisioning.churnDestroyRate', 'number'),

  choice('fidelity.mode', 'string', ['packet', 'batch']),
  choice('fidelity.budget', 'integer'),
  choice('workload.groups', 'list'),
] as const satisfies readonly ConfigPathInfo[];

type ListedPath = (typeof CONFIG_PATHS)[number]['path'];
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
