import type { ResourceMeter } from '../stats/resource-usage.js';
import type { HostCpuPort } from './ports.js';

/**
 * Sums host mediation-core busy time reported by every component (for host_cpu_util), as the
 * held time of the `host-cores` resource: accounted, not queued — the model charges the cores
 * for what they do, and the software-CVQ decode station queues for them itself.
 */
export class HostCpuMeter implements HostCpuPort {
  constructor(private readonly meter: ResourceMeter) {}

  addBusy(ns: number): void {
    this.meter.heldNs += ns;
  }

  /** Busy time since the warm-up boundary (the registry restarts it there), ns. */
  get busy(): number {
    return this.meter.heldNs;
  }
}
