/**
 * What one data-path notification costs, by interrupt mode and delivery (docs/model.md, "Data path"):
 * - `posted`: the interrupt reaches the guest through a posted-interrupt descriptor in
 *   `posted`, no exit;
 * - `exit`: `exitsPerInterrupt` VM exits of `exit` each (≈ 0.71 µs [[linux-kvm-posted-timer]]), which are
 *   host CPU time and delay the handler;
 * - the guest handler costs `guestIrq` per interrupt and `guestPerPacket` per packet;
 * - plus what the interrupt mode adds per interrupt (`shared`: checking every sharer's used
 *   ring, `sharerCheck` each).
 */

import type { ModelConfig } from '../config.js';
import type { InstanceShape } from '../instance-shape.js';
import type { InterruptMode } from './interrupt-mode.js';

export interface InterruptCosts {
  /** From the device's notification to the guest handler's start (ns). */
  deliveryNs: number;
  /** Host CPU per interrupt (VM exits), ns. */
  hostNsPerInterrupt: number;
  /** Guest handler CPU per interrupt before the first packet, sharer checks included (ns). */
  handlerNs: number;
  /** Guest CPU per handled packet (ns). */
  perPacketNs: number;
  /** Queues served by one vector (1 dedicated, 0 polling). */
  sharers: number;
}

export function interruptCosts(
  config: ModelConfig,
  mode: InterruptMode,
  shape: InstanceShape,
): InterruptCosts {
  const irq = config.interrupts;
  const sharers = mode.sharersPerVector(config, shape, config.instances);
  const exitNs = irq.exitsPerInterrupt * irq.exit;
  return {
    deliveryNs: irq.delivery === 'posted' ? irq.posted : exitNs,
    hostNsPerInterrupt: irq.delivery === 'posted' ? 0 : exitNs,
    handlerNs: irq.guestIrq + mode.handlerExtraNs(config, sharers),
    perPacketNs: irq.guestPerPacket,
    sharers,
  };
}
