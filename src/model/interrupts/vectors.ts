/**
 * Interrupt vector accounting shared by the interrupt modes (src/strategies/interrupts/) and
 * the resource ledger: how many MSI-X entries the instances sharing one table have, and how
 * many of them get dedicated vectors. A 2048-entry table (PCI_MSIX_FLAGS_QSIZE
 * [[linux-pci-regs]]) serves at most ⌊2048 / 4⌋ = 512 instances of one pair with a hardware CVQ.
 */
import type { ModelConfig } from '../config.js';
import type { InstanceShape } from '../instance-shape.js';

/** Table entries available to the instances that share one table (a VF's own, or the parent's). */
export function vectorsAvailable(config: ModelConfig, shape: InstanceShape): number {
  return shape.ownVectorTable ? config.limits.msixPerVf : config.limits.msixPerFunction;
}

/**
 * Instances that get dedicated MSI-X vectors before the table runs out:
 * ⌊entries / vectors⌋ per function (with its own VF table, each either fits its own or none).
 */
export function dedicatedVectorCapacity(config: ModelConfig, shape: InstanceShape): number {
  if (shape.ownVectorTable) return config.limits.msixPerVf >= shape.vectors ? config.instances : 0;
  return Math.floor(config.limits.msixPerFunction / shape.vectors);
}
