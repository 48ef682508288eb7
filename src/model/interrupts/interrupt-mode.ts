/**
 * What an interrupt mode means to the data path: whether completions are signalled by
 * interrupts at all (polling reads the used rings instead), how many queues share a vector,
 * how many interrupt messages the active instances hold, and what finding the queue behind a
 * shared vector costs the host. The modes are strategy objects (src/strategies/interrupts/).
 */
import type { ModelConfig } from '../config.js';
import type { InstanceShape } from '../instance-shape.js';
import type { ResourceDraws } from '../ports.js';

export interface InterruptMode {
  readonly name: string;
  /** False: host cores poll the used rings; no interrupt is delivered, nothing is coalesced. */
  readonly delivers: boolean;
  /**
   * How provisioning programs an instance's interrupt sources over the transport: one MSI-X
   * vector register each, one stored message each (address, data, mask), or none.
   */
  readonly programming: 'vector' | 'message' | 'none';
  /**
   * Queues served by one vector when `instances` instances draw from one table (the parent
   * function's, or each instance's own VF table): 1 dedicated, 0 without interrupts.
   */
  sharersPerVector(config: ModelConfig, shape: InstanceShape, instances: number): number;
  /** Interrupt messages held by `active` instances (the `vectors_used` metric). */
  vectorsUsed(config: ModelConfig, shape: InstanceShape, active: number): number;
  /**
   * Host CPU per interrupt to find which of a vector's `sharers` queues have work (shared: the
   * parent driver's handler checks every sharer's used ring before it signals them); 0 for a
   * dedicated vector.
   */
  scanNs(config: ModelConfig, sharers: number): number;
  /** What one instance takes from the interrupt resources (table entries, IRTEs, CPU vectors). */
  draws(config: ModelConfig, shape: InstanceShape): ResourceDraws;
}
