/**
 * What one instance is made of, given the chosen strategies: its hardware virtqueues (data
 * queues, plus the CVQ when the device carries it), its interrupt sources, and which MSI-X
 * table its vectors come from. Every instance of a run has the same shape, computed once.
 *
 * virtio-pci maps one MSI-X vector per virtqueue plus one for configuration changes
 * (`queue_msix_vector`, `config_msix_vector` [[virtio-pci]]): an instance with P pairs and a
 * hardware CVQ has 2P + 1 + 1 interrupt sources (4 for one pair). A virtio-blk instance has
 * `blk.numQueues` request queues and no CVQ [[virtio-blk]]: numQueues + 1 (5 with 4 queues).
 */
import type { ModelConfig } from './config.js';

export interface InstanceShape {
  /** Virtqueues the device backs for one instance: 2·pairs data queues, plus a hardware CVQ. */
  readonly queues: number;
  /** Interrupt sources with a vector each: every hardware queue plus config changes. */
  readonly vectors: number;
  /** The vectors come from the instance's own VF table (per-vf), not the parent function's. */
  readonly ownVectorTable: boolean;
}

export function instanceShape(
  config: ModelConfig,
  cvq: { readonly hardwareQueues: number },
  transport: { readonly ownVectorTable: boolean },
): InstanceShape {
  const queues = 2 * config.device.queuePairs + cvq.hardwareQueues;
  return { queues, vectors: queues + 1, ownVectorTable: transport.ownVectorTable };
}

/** The shape of a blk instance: its request queues, each with a vector, plus config changes. */
export function blkInstanceShape(
  config: ModelConfig,
  transport: { readonly ownVectorTable: boolean },
): InstanceShape {
  const queues = config.blk.numQueues;
  return { queues, vectors: queues + 1, ownVectorTable: transport.ownVectorTable };
}
