/**
 * Interrupt vector accounting shared by the data path, the interrupt modes and the control
 * plane's resource ledger (docs/model.md, "Data path"). Pure functions of the configuration:
 * the ledger calls them to admit or reject instances, the interrupt modes (src/strategies/
 * interrupts/) to count sharers and vectors in use.
 *
 * virtio-pci maps one MSI-X vector per virtqueue plus one for configuration changes
 * (`queue_msix_vector`, `config_msix_vector` [[virtio-pci]]): an
 * instance with P pairs and a hardware CVQ needs 2P + 1 + 1 vectors (4 for one pair), so a
 * 2048-entry table (PCI_MSIX_FLAGS_QSIZE [[linux-pci-regs]]) serves at most 512 such instances.
 */
import type { ModelConfig } from '../config.js';

/** Virtqueues of one instance that the device backs: 2·pairs data queues, plus the CVQ when it is in hardware. */
export function queuesPerInstance(config: ModelConfig): number {
  return 2 * config.device.queuePairs + (config.strategy.cvq === 'hardware' ? 1 : 0);
}

/** Vectors one instance needs with a dedicated vector per source: every hardware queue plus config. */
export function vectorsPerInstance(config: ModelConfig): number {
  return queuesPerInstance(config) + 1;
}

/** Which table an instance's vectors come from: its own VF's table (per-vf) or the parent function's. */
export function vectorTable(config: ModelConfig): 'vf' | 'function' {
  return config.strategy.transport === 'per-vf' ? 'vf' : 'function';
}

/** Table entries available to the instances that share one table (a VF's own, or the parent's). */
export function vectorsAvailable(config: ModelConfig): number {
  return vectorTable(config) === 'vf' ? config.limits.msixPerVf : config.limits.msixPerFunction;
}

/**
 * Instances that get dedicated MSI-X vectors before the table runs out:
 * ⌊entries / vectorsPerInstance⌋ per function (per-vf: each VF either fits its own or none).
 */
export function dedicatedVectorCapacity(config: ModelConfig): number {
  const perInstance = vectorsPerInstance(config);
  if (vectorTable(config) === 'vf') return config.limits.msixPerVf >= perInstance ? config.instances : 0;
  return Math.floor(config.limits.msixPerFunction / perInstance);
}
