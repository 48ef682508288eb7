/**
 * What one data-path notification costs, by interrupt mode and delivery (docs/model.md, "Data path"):
 * - `posted`: the interrupt reaches the guest through a posted-interrupt descriptor in
 *   `posted`, no exit;
 * - `exit`: `exitsPerInterrupt` VM exits of `exit` each (≈ 0.71 µs [[linux-kvm-posted-timer]]), which are
 *   host CPU time and delay the handler;
 * - the guest handler costs `guestIrq` per interrupt and `guestPerPacket` per packet;
 * - plus what the interrupt mode adds per interrupt on the host (`shared`: the parent driver's
 *   shared-vector handler checks every sharer's used ring, `sharerCheck` each, before it
 *   signals the queue's call eventfd — ifcvf_vqs_reused_intr_handler [[linux-ifcvf-main]]):
 *   host CPU, and delay before the guest is signalled. A shared vector is never posted: a parent
 *   offers a VQ's IRQ for bypass only when the VQ has its own (the `shared` mode refuses posted
 *   delivery when queues share vectors).
 */

import type { ModelConfig } from '../config.js';
import type { InstanceShape } from '../instance-shape.js';
import type { InterruptMode } from './interrupt-mode.js';

export interface InterruptCosts {
  /** From the device's notification to the guest handler's start (ns). */
  deliveryNs: number;
  /** Host CPU per interrupt (VM exits, the shared handler's scan), ns. */
  hostNsPerInterrupt: number;
  /** Guest handler CPU per interrupt before the first packet (ns). */
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
  const scanNs = mode.scanNs(config, sharers);
  return {
    deliveryNs: (irq.delivery === 'posted' ? irq.posted : exitNs) + scanNs,
    hostNsPerInterrupt: (irq.delivery === 'posted' ? 0 : exitNs) + scanNs,
    handlerNs: irq.guestIrq,
    perPacketNs: irq.guestPerPacket,
    sharers,
  };
}
