/**
 * What an interrupt mode means to the data path: whether completions are signalled by
 * interrupts at all (polling reads the used rings instead), how many queues share a vector,
 * how many interrupt messages the active instances hold, and what a handler costs beyond the
 * plain guest handler. The modes are strategy objects (src/strategies/interrupts/).
 */
import type { ModelConfig } from '../config.js';

export interface InterruptMode {
  readonly name: string;
  /** False: host cores poll the used rings; no interrupt is delivered, nothing is coalesced. */
  readonly delivers: boolean;
  /**
   * Queues served by one vector when `instances` instances draw from one table (the parent
   * function's, or with per-vf each instance's own): 1 dedicated, 0 without interrupts.
   */
  sharersPerVector(config: ModelConfig, instances: number): number;
  /** Interrupt messages held by `active` instances (the `vectors_used` metric). */
  vectorsUsed(config: ModelConfig, active: number): number;
  /** Guest CPU per interrupt beyond `interrupts.guestIrq` (shared: checking every sharer's ring). */
  handlerExtraNs(config: ModelConfig, sharers: number): number;
}
