import type { HostCpuPort } from './ports.js';

/** Sums host mediation-core busy time reported by every component (for host_cpu_util). */
export class HostCpuMeter implements HostCpuPort {
  private busyNs = 0;

  addBusy(ns: number): void {
    this.busyNs += ns;
  }

  get busy(): number {
    return this.busyNs;
  }

  reset(): void {
    this.busyNs = 0;
  }
}
