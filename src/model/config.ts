/**
 * The resolved configuration one simulation run is built from: the scenario file merged over
 * the parent profile and the defaults, every quantity already in canonical units (integer ns
 * for times, bytes for sizes, per-second for rates, distributions as `DistSpec` in ns).
 *
 * This is the contract between `scenario/` (which produces it from YAML) and `model/` (which
 * consumes it). The model's sections are typed from their declarations (src/model/params/
 * catalogue.ts lists them: one name per parameter in scenarios, profiles, `--set` and the
 * model); the workload is resolved into groups; sources of hardware defaults live with the
 * profiles.
 */
import type { DistSpec } from '../random/distribution.js';
import type { BLK } from './blk/blk-params.js';
import type { ADMINQ } from './control/adminq-params.js';
import type { PROVISIONING } from './control/provisioning-params.js';
import type { TRANSPORT } from './control/transport-params.js';
import type { DEVICE } from './data-path/device-params.js';
import type { FIDELITY } from './data-path/fidelity-params.js';
import type { HOST } from './host-params.js';
import type { INTERRUPTS } from './interrupts/interrupt-params.js';
import type { IOMMU } from './iommu/iommu-params.js';
import type { LIMITS } from './limits.js';
import type { ValuesOf } from './params/param.js';
import type { STRATEGY } from './strategy-params.js';

export const ADMINQ_MODES = ['async', 'sync'] as const;
export type AdminqMode = (typeof ADMINQ_MODES)[number];
export const DRIVER_WAITS = ['spin', 'sleep'] as const;
export type DriverWait = (typeof DRIVER_WAITS)[number];
export const PARENTS = ['ifcvf', 'mlx5', 'vp_vdpa', 'vduse', 'vdpa_sim'] as const;
export type ParentName = (typeof PARENTS)[number];

/** Control operations a workload can issue (README, "Scenario files"). */
export const CONTROL_OPS = [
  'mac-set',
  'rx-mode',
  'mq-set',
  'vlan',
  'coal-set',
  'config-read',
  'status-read',
  'generation-read',
] as const;
export type ControlOp = (typeof CONTROL_OPS)[number];
/** The CVQ commands among CONTROL_OPS (the rest are one transport command each). */
export const CVQ_OPS: readonly ControlOp[] = ['mac-set', 'rx-mode', 'mq-set', 'vlan', 'coal-set'];

/**
 * Transport command classes. The first nine are the talk's admin-VQ classes (not standard
 * opcodes [[virtio-admin]]); CREATE/DESTROY create and destroy a managed device; the last
 * ones are the virtio 1.3/1.4 standard commands a scenario may use instead.
 */
export const COMMAND_CLASSES = [
  'FEAT',
  'STATUS',
  'GENERATION',
  'CONFIG',
  'MSI',
  'VQ_ADDR',
  'VQ_ENABLE',
  'VQ_SIZE',
  'VQ_NOTIFY',
  'CREATE',
  'DESTROY',
  'LEGACY_CFG_WRITE',
  'LEGACY_CFG_READ',
  'DEV_PARTS_GET',
  'DEV_PARTS_SET',
  'DEV_MODE_SET',
] as const;
export type CommandClass = (typeof COMMAND_CLASSES)[number];

/** The data path's sections, as their declarations say (src/model/*-params.ts). */
export type DeviceConfig = ValuesOf<(typeof DEVICE)['shape']>;
/** How the device side of the data path executes. */
export type DataPathKind = DeviceConfig['dataPath'];
export type LimitsConfig = ValuesOf<(typeof LIMITS)['shape']>;
export type BlkConfig = ValuesOf<(typeof BLK)['shape']>;

export type TransportConfig = ValuesOf<(typeof TRANSPORT)['shape']>;
export type AdminqConfig = ValuesOf<(typeof ADMINQ)['shape']>;

export type IommuConfig = ValuesOf<(typeof IOMMU)['shape']>;
export type WalkConfig = IommuConfig['walk'];

export interface CoalescingStatic {
  kind: 'static';
  maxPackets: number;
  /** In µs, not ns: the unit of virtio's NOTF_COAL `max_usecs` field, which this mirrors. */
  maxUsecs: number;
}
export type CoalescingConfig = CoalescingStatic | { kind: 'adaptive'; profile: 'eqe' | 'cqe' };

/** The declared interrupt parameters, with coalescing resolved to the fields of its kind. */
export type InterruptsConfig = Omit<ValuesOf<(typeof INTERRUPTS)['shape']>, 'coalescing'> & {
  coalescing: CoalescingConfig;
};

export type HostConfig = ValuesOf<(typeof HOST)['shape']>;
export type ProvisioningConfig = ValuesOf<(typeof PROVISIONING)['shape']>;

export type Locality = { kind: 'uniform' } | { kind: 'zipf'; exponent: number };
export type ArrivalKind = 'poisson' | 'onoff' | 'constant';

export interface TrafficConfig {
  /** Packets per second offered per instance (0 = no data traffic). */
  ratePps: number;
  arrival: ArrivalKind;
  /** On/off: mean on and off periods (exponential), ns; rate applies while on. */
  onMean: number;
  offMean: number;
  /** Packet size in bytes. */
  packetSize: DistSpec;
  direction: 'rx' | 'tx' | 'both';
  /** Buffer memory each instance touches (bytes), mapped in pages of iommu.iotlb.pageSize. */
  workingSet: number;
  locality: Locality;
}

export type DmaOp = 'read' | 'write' | 'read-write';

/** A DMA microbenchmark group (workload-params.ts `dma`): each instance is one closed-loop requester. */
export interface DmaConfig {
  op: DmaOp;
  /** Bytes per request. */
  size: number;
  /** Host buffer the requests address (bytes). */
  window: number;
  pattern: 'random' | 'sequential';
  /** Requests each instance keeps in flight. */
  outstanding: number;
  /** warm: requests run during the warm-up too; cold: they start when the measured window does. */
  cache: 'warm' | 'cold';
}

export interface ControlConfig {
  /** Control operations per second per instance. */
  rate: number;
  /** Operation mix (weights, not necessarily normalized). */
  ops: Partial<Record<ControlOp, number>>;
  /** Token bucket per tenant (whole group), undefined = unlimited. */
  limit: { rate: number; burst: number } | undefined;
}

/** The device types an instance can be; a group's instances are all of one. */
export const DEVICE_TYPES = ['net', 'blk'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Block requests of a blk group (closed loop when `iodepth` is set, else open loop at `rate`). */
export interface IoConfig {
  /** Requests per second per instance (open loop); 0 with a closed loop. */
  rate: number;
  /** Outstanding requests per instance (closed loop); 0 with an open loop. */
  iodepth: number;
  /** Request size in bytes. */
  size: DistSpec;
  /** Fraction of reads. */
  read: number;
  pattern: 'random' | 'sequential';
  /** Bytes of the disk each instance addresses; its pages are the requests' DMA buffers. */
  span: number;
}

export interface GroupConfig {
  name: string;
  /** Instances in this group (shares already resolved to counts that sum to `instances`). */
  count: number;
  device: DeviceType;
  traffic: TrafficConfig;
  /** A DMA microbenchmark instead of packet traffic (then `traffic` offers nothing). */
  dma: DmaConfig | undefined;
  io: IoConfig;
  control: ControlConfig;
  /** Admin queue this tenant's commands use. */
  adminQueue: number;
}

export type FidelityConfig = ValuesOf<(typeof FIDELITY)['shape']>;

/** The names of the chosen strategies (the model reads the objects, never the names). */
export type StrategyConfig = ValuesOf<(typeof STRATEGY)['shape']>;

export interface ModelConfig {
  parent: ParentName;
  instances: number;
  strategy: StrategyConfig;
  device: DeviceConfig;
  blk: BlkConfig;
  limits: LimitsConfig;
  transport: TransportConfig;
  adminq: AdminqConfig;
  iommu: IommuConfig;
  interrupts: InterruptsConfig;
  host: HostConfig;
  provisioning: ProvisioningConfig;
  fidelity: FidelityConfig;
  workload: { groups: GroupConfig[] };
}

/** What the runner adds to a ModelConfig to make one run. */
export interface RunSpec {
  config: ModelConfig;
  /** Master seed and replication index: together with stream names they fix every draw. */
  seed: number;
  replication: number;
  warmupNs: number;
  durationNs: number;
}
