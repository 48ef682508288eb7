/**
 * Resource accounting of one vDPA parent (model.md §3–§5): what every instance draws from the
 * device and the platform, checked before an instance is created. Instances all have the same
 * shape, so the demand per resource is computed once.
 *
 * Check order — fixed, and the order of RESOURCE_NAMES — so that a rejected instance names the
 * FIRST resource exhausted:
 *   vfs → hw-vqs → queues-per-instance → msix-vectors → ims-entries → irte → cpu-vectors →
 *   pasid → iommu-domains → device-mmu-contexts → device-memory
 *
 * Per instance (P queue pairs, Q = 2P + 1 if the CVQ is in hardware else 2P hardware VQs,
 * V = Q + 1 interrupt entries; src/model/interrupts/vectors.ts):
 * - vfs: 1 with the per-vf transport, of `limits.totalVfs` (facts.md §2 SR-IOV VF counts).
 * - hw-vqs: Q of `limits.hwVqs` (a software CVQ saves one, model.md §2).
 * - queues-per-instance: Q must not exceed `limits.maxQueuesPerInstance` (ifcvf: 17) — a
 *   per-instance bound, not a pool.
 * - msix-vectors (msix mode): V from the parent function's table `limits.msixPerFunction`
 *   (≤ 2048, facts.md §2), or with per-vf from the instance's own VF table `limits.msixPerVf`
 *   (a per-instance bound). Shared and polling modes need no dedicated vectors.
 * - ims-entries (msi-store): V of `limits.imsEntries` (facts.md §4 IMS).
 * - irte (msix, msi-store): each vector or message delivered to a guest is remapped: V of
 *   `irtePerUnit × iommuUnits` (facts.md §3, 65,536 per unit).
 * - cpu-vectors (msix, msi-store with exit delivery): V of `hostCpus × vectorsPerCpu`
 *   (facts.md §4, ≈ 200 per CPU); posted interrupts bypass host vectors.
 * - pasid: 1 (pasid-per-instance) or Q (pasid-per-vq) of 2^pasidBits (facts.md §2).
 * - iommu-domains: 1 with rid-per-vf and pasid-* isolation, of `domainIds` (facts.md §3).
 * - device-mmu-contexts: 1 with device-mmu isolation, of `deviceMmuContexts`.
 * - device-memory: `instanceMemory` of `deviceMemory`, always.
 * Resources a strategy does not use have demand 0 and unlimited capacity.
 */
import type { ModelConfig } from '../config.js';
import { queuesPerInstance, vectorsPerInstance } from '../interrupts/vectors.js';
import { RESOURCE_NAMES, type ResourceLedgerPort, type ResourceName } from '../ports.js';

interface ResourceRule {
  /** Drawn per instance (ns-free counts or bytes). */
  demand: number;
  capacity: number;
  /** A bound on one instance rather than a pool shared by all. */
  perInstance: boolean;
}

const UNUSED: ResourceRule = { demand: 0, capacity: Number.POSITIVE_INFINITY, perInstance: false };

function rules(config: ModelConfig): Record<ResourceName, ResourceRule> {
  const { limits: l, strategy: s } = config;
  const queues = queuesPerInstance(config);
  const dedicated = s.interrupts === 'msix' || s.interrupts === 'msi-store';
  const vectors = dedicated ? vectorsPerInstance(config) : 0;
  const pool = (demand: number, capacity: number): ResourceRule =>
    demand > 0 ? { demand, capacity, perInstance: false } : UNUSED;
  const ownDomain =
    s.isolation === 'rid-per-vf' || s.isolation === 'pasid-per-instance' || s.isolation === 'pasid-per-vq';
  const pasids = s.isolation === 'pasid-per-instance' ? 1 : s.isolation === 'pasid-per-vq' ? queues : 0;
  return {
    vfs: pool(s.transport === 'per-vf' ? 1 : 0, l.totalVfs),
    'hw-vqs': pool(queues, l.hwVqs),
    'queues-per-instance': { demand: queues, capacity: l.maxQueuesPerInstance, perInstance: true },
    'msix-vectors':
      s.interrupts !== 'msix'
        ? UNUSED
        : s.transport === 'per-vf'
          ? { demand: vectors, capacity: l.msixPerVf, perInstance: true }
          : pool(vectors, l.msixPerFunction),
    'ims-entries': pool(s.interrupts === 'msi-store' ? vectors : 0, l.imsEntries),
    irte: pool(vectors, l.irtePerUnit * l.iommuUnits),
    'cpu-vectors': pool(config.interrupts.delivery === 'exit' ? vectors : 0, l.hostCpus * l.vectorsPerCpu),
    pasid: pool(pasids, 2 ** l.pasidBits),
    'iommu-domains': pool(ownDomain ? 1 : 0, l.domainIds),
    'device-mmu-contexts': pool(s.isolation === 'device-mmu' ? 1 : 0, l.deviceMmuContexts),
    'device-memory': pool(l.instanceMemory, l.deviceMemory),
  };
}

export class ResourceLedger implements ResourceLedgerPort {
  private readonly demand: Float64Array;
  private readonly cap: Float64Array;
  private readonly perInstance: Uint8Array;
  private readonly inUse: Float64Array;
  /** Instances holding resources now. */
  admitted = 0;

  constructor(config: ModelConfig) {
    const r = rules(config);
    this.demand = Float64Array.from(RESOURCE_NAMES, (n) => r[n].demand);
    this.cap = Float64Array.from(RESOURCE_NAMES, (n) => r[n].capacity);
    this.perInstance = Uint8Array.from(RESOURCE_NAMES, (n) => (r[n].perInstance ? 1 : 0));
    this.inUse = new Float64Array(RESOURCE_NAMES.length);
  }

  capacity(resource: ResourceName): number {
    return this.cap[RESOURCE_NAMES.indexOf(resource)] as number;
  }

  /** Pools: the amount drawn by admitted instances; per-instance bounds: one instance's demand while any is admitted. */
  used(resource: ResourceName): number {
    const k = RESOURCE_NAMES.indexOf(resource);
    if (this.perInstance[k] === 1) return this.admitted > 0 ? (this.demand[k] as number) : 0;
    return this.inUse[k] as number;
  }

  /** Demand of one instance. */
  demandOf(resource: ResourceName): number {
    return this.demand[RESOURCE_NAMES.indexOf(resource)] as number;
  }

  /**
   * Admits one instance if everything fits, drawing its resources; otherwise draws nothing and
   * returns the first resource (in check order) that does not fit.
   */
  tryAdmit(): ResourceName | undefined {
    const n = RESOURCE_NAMES.length;
    for (let k = 0; k < n; k++) {
      const d = this.demand[k] as number;
      if (d === 0) continue;
      const need = this.perInstance[k] === 1 ? d : (this.inUse[k] as number) + d;
      if (need > (this.cap[k] as number)) return RESOURCE_NAMES[k];
    }
    for (let k = 0; k < n; k++) {
      if (this.perInstance[k] === 0) this.inUse[k] = (this.inUse[k] as number) + (this.demand[k] as number);
    }
    this.admitted++;
    return undefined;
  }

  /** Gives back one admitted instance's resources (its teardown completed). */
  release(): void {
    if (this.admitted === 0) throw new Error('ResourceLedger.release with no admitted instance');
    for (let k = 0; k < RESOURCE_NAMES.length; k++) {
      if (this.perInstance[k] === 0) this.inUse[k] = (this.inUse[k] as number) - (this.demand[k] as number);
    }
    this.admitted--;
  }
}
