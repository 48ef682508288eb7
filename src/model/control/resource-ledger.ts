/**
 * Resource accounting of one vDPA parent (docs/model.md, "Control plane"): what every instance draws from the
 * device and the platform, checked before an instance is created. Instances of one device type
 * (net, blk) have the same shape, so the demand per resource is computed once per type; both
 * types draw from the same pools, so in a mixed fleet the first resource exhausted is named
 * whichever type asked for it.
 *
 * Check order — fixed, and the order of RESOURCE_NAMES — so that a rejected instance names the
 * FIRST resource exhausted:
 *   vfs → hw-vqs → queues-per-instance → msix-vectors → ims-entries → irte → cpu-vectors →
 *   pasid → iommu-domains → device-mmu-contexts → device-memory → notify-bar
 *
 * Per instance (P queue pairs, Q = 2P + 1 if the CVQ is in hardware else 2P hardware VQs,
 * V = Q + 1 interrupt entries; src/model/instance-shape.ts), the device itself draws:
 * - hw-vqs: Q of `limits.hwVqs` (a software CVQ saves one);
 * - queues-per-instance: Q must not exceed `limits.maxQueuesPerInstance` (ifcvf: 17) — a
 *   per-instance bound, not a pool;
 * - device-memory: `instanceMemory` of `deviceMemory`;
 * - vfs: one VF when the parent creates one vDPA device per PCI function
 *   (`limits.functionPerInstance` 1: ifcvf, vp_vdpa [[linux-ifcvf-main]], [[linux-vp-vdpa]]),
 *   whatever the transport: an admin-VQ member is a VF [[virtio-admin]]. An instance is at most
 *   one function, so the VF draws of the parent and the transport (per-vf) are not added: the
 *   larger counts;
 * - notify-bar: Q × `notifyPerQueue` of `notifyBar` when the instance shares the parent
 *   function (one 4 KiB doorbell page per VQ that vhost-vdpa can map into the guest
 *   [[linux-vhost-vdpa]]); an instance that is its own function has its VF's BAR.
 * The chosen strategies add their own draws (`draws()` on the transport, isolation and
 * interrupt mode: a VF, PASIDs and domains, table entries, IRTEs, CPU vectors); the ledger
 * only sums them. `msix-vectors` come from the parent function's table (`limits.msixPerFunction`,
 * ≤ 2048 [[linux-pci-regs]]), or, when the instance has its own VF table, from that table
 * (`limits.msixPerVf`, a per-instance bound). Resources nobody draws have demand 0 and
 * unlimited capacity.
 */
import { DEVICE_TYPES, type DeviceType, type LimitsConfig, type ModelConfig } from '../config.js';
import type { InstanceShape } from '../instance-shape.js';
import type { InterruptMode } from '../interrupts/interrupt-mode.js';
import type { IsolationMode } from '../iommu/isolation-mode.js';
import { RESOURCE_NAMES, type ResourceDraws, type ResourceLedgerPort, type ResourceName } from '../ports.js';
import type { TransportRule } from './strategy-ports.js';

/** The strategies whose draws the ledger sums, and the instances' shape. */
export interface LedgerStrategies {
  readonly transport: Pick<TransportRule, 'draws'>;
  readonly isolation: Pick<IsolationMode, 'draws'>;
  readonly interrupts: Pick<InterruptMode, 'draws'>;
  readonly shape: InstanceShape;
  /** A blk instance's shape (instance-shape.ts); without it only net instances are admitted. */
  readonly blkShape?: InstanceShape;
}

const typeIndex = (device: DeviceType): number => DEVICE_TYPES.indexOf(device);

/** What each resource's pool holds (or, for per-instance bounds, what one instance may take). */
function capacities(l: LimitsConfig, shape: InstanceShape): Record<ResourceName, number> {
  return {
    vfs: l.totalVfs,
    'hw-vqs': l.hwVqs,
    'queues-per-instance': l.maxQueuesPerInstance,
    'msix-vectors': shape.ownVectorTable ? l.msixPerVf : l.msixPerFunction,
    'ims-entries': l.imsEntries,
    irte: l.irtePerUnit * l.iommuUnits,
    'cpu-vectors': l.hostCpus * l.vectorsPerCpu,
    // PASID 0 is reserved for DMA without a PASID (IOMMU_NO_PASID [[linux-iommu-pasid]]):
    // b bits give 2^b − 1 PASIDs to hand out, none with 0 bits.
    pasid: 2 ** l.pasidBits - 1,
    'iommu-domains': l.domainIds,
    'device-mmu-contexts': l.deviceMmuContexts,
    'device-memory': l.deviceMemory,
    'notify-bar': l.notifyBar,
  };
}

/** Everything one instance draws: the device's own resources plus each strategy's share. */
export function instanceDraws(config: ModelConfig, s: LedgerStrategies): Record<ResourceName, number> {
  const queues = s.shape.queues;
  const l = config.limits;
  const device: ResourceDraws = {
    vfs: l.functionPerInstance,
    'hw-vqs': queues,
    'queues-per-instance': queues,
    'device-memory': l.instanceMemory,
    'notify-bar': s.shape.ownVectorTable ? 0 : queues * l.notifyPerQueue,
  };
  const transport = s.transport.draws();
  const parts: ResourceDraws[] = [
    device,
    transport,
    s.isolation.draws(s.shape),
    s.interrupts.draws(config, s.shape),
  ];
  const total = Object.fromEntries(RESOURCE_NAMES.map((n) => [n, 0])) as Record<ResourceName, number>;
  for (const part of parts) for (const n of RESOURCE_NAMES) total[n] += part[n] ?? 0;
  total.vfs = Math.max(device.vfs ?? 0, transport.vfs ?? 0);
  return total;
}

export class ResourceLedger implements ResourceLedgerPort {
  /** One instance's demand per device type (DEVICE_TYPES order), resource by resource. */
  private readonly demands: Float64Array[];
  private readonly cap: Float64Array;
  private readonly perInstance: Uint8Array;
  private readonly inUse: Float64Array;
  /** Admitted instances per device type (for the per-instance bounds). */
  private readonly admittedOf = new Float64Array(DEVICE_TYPES.length);
  /** Instances holding resources now. */
  admitted = 0;

  constructor(config: ModelConfig, strategies: LedgerStrategies) {
    const shapes = [strategies.shape, strategies.blkShape ?? strategies.shape];
    const demand = shapes.map((shape) => instanceDraws(config, { ...strategies, shape }));
    // The vector table (the parent's or a VF's) is the transport's, the same for both types.
    const cap = capacities(config.limits, strategies.shape);
    const used = (n: ResourceName): boolean => demand.some((d) => d[n] > 0);
    const perInstance = (n: ResourceName): boolean =>
      n === 'queues-per-instance' || (n === 'msix-vectors' && strategies.shape.ownVectorTable);
    this.demands = demand.map((d) => Float64Array.from(RESOURCE_NAMES, (n) => d[n]));
    this.cap = Float64Array.from(RESOURCE_NAMES, (n) => (used(n) ? cap[n] : Number.POSITIVE_INFINITY));
    this.perInstance = Uint8Array.from(RESOURCE_NAMES, (n) => (used(n) && perInstance(n) ? 1 : 0));
    this.inUse = new Float64Array(RESOURCE_NAMES.length);
  }

  capacity(resource: ResourceName): number {
    return this.cap[RESOURCE_NAMES.indexOf(resource)] as number;
  }

  /** Pools: the amount drawn by admitted instances; per-instance bounds: the largest demand of one admitted instance. */
  used(resource: ResourceName): number {
    const k = RESOURCE_NAMES.indexOf(resource);
    if (this.perInstance[k] === 0) return this.inUse[k] as number;
    let most = 0;
    this.demands.forEach((d, t) => {
      if ((this.admittedOf[t] as number) > 0) most = Math.max(most, d[k] as number);
    });
    return most;
  }

  /** Demand of one instance of the device type. */
  demandOf(resource: ResourceName, device: DeviceType = 'net'): number {
    return (this.demands[typeIndex(device)] as Float64Array)[RESOURCE_NAMES.indexOf(resource)] as number;
  }

  /**
   * Admits one instance of the device type if everything fits, drawing its resources;
   * otherwise draws nothing and returns the first resource (in check order) that does not fit.
   */
  tryAdmit(device: DeviceType = 'net'): ResourceName | undefined {
    const t = typeIndex(device);
    const demand = this.demands[t] as Float64Array;
    const n = RESOURCE_NAMES.length;
    for (let k = 0; k < n; k++) {
      const d = demand[k] as number;
      if (d === 0) continue;
      const need = this.perInstance[k] === 1 ? d : (this.inUse[k] as number) + d;
      if (need > (this.cap[k] as number)) return RESOURCE_NAMES[k];
    }
    for (let k = 0; k < n; k++) {
      if (this.perInstance[k] === 0) this.inUse[k] = (this.inUse[k] as number) + (demand[k] as number);
    }
    this.admittedOf[t] = (this.admittedOf[t] as number) + 1;
    this.admitted++;
    return undefined;
  }

  /** Gives back one admitted instance's resources (its teardown completed). */
  release(device: DeviceType = 'net'): void {
    const t = typeIndex(device);
    if ((this.admittedOf[t] as number) === 0) {
      throw new Error(`ResourceLedger.release with no admitted ${device} instance`);
    }
    const demand = this.demands[t] as Float64Array;
    for (let k = 0; k < RESOURCE_NAMES.length; k++) {
      if (this.perInstance[k] === 0) this.inUse[k] = (this.inUse[k] as number) - (demand[k] as number);
    }
    this.admittedOf[t] = (this.admittedOf[t] as number) - 1;
    this.admitted--;
  }
}
