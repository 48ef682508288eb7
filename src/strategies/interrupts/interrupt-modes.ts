/**
 * The interrupt modes: whether completions are signalled by interrupts, how vectors are shared,
 * how provisioning programs them and what each instance draws from the interrupt resources.
 * Each mode is its own file, registered by one line in ./index.ts.
 */
import type { ModelConfig } from '../../model/config.js';
import { DATA_PATH_KINDS } from '../../model/data-path/device-params.js';
import type { InterruptMode } from '../../model/interrupts/interrupt-mode.js';
import type { ResourceDraws } from '../../model/ports.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface InterruptStrategy extends Strategy, InterruptMode {
  readonly kind: 'interrupts';
}

export const interruptModes = new Registry<InterruptStrategy>('interrupt mode');

/**
 * A message delivered to a guest is remapped (one IRTE each, [[linux-intel-iommu]]) and is a
 * host IRQ with a host CPU vector ([[linux-x86-irq-vectors]]), whatever the delivery: the
 * parent requests one IRQ per vector ([[linux-vp-vdpa]]), and posting an interrupt rewrites
 * the IRQ's IRTE into posted format for one vCPU while the IRQ keeps its host vector
 * ([[linux-kvm-posted-irq]]). Posted delivery saves the VM exits, not the vectors.
 * A host data path (vdpa_sim, VDUSE) has no device interrupt: vhost-vdpa signals the call
 * eventfd and KVM injects it through irqfd ([[linux-vhost-vdpa]]), so no host IRQ, no host
 * vector (its IRTEs are still charged, an approximation that binds only beyond 32,768 disks).
 */
export function deliveredMessages(vectors: number, config: ModelConfig): ResourceDraws {
  const hostIrqs = DATA_PATH_KINDS[config.device.dataPath].onHost ? 0 : vectors;
  return { irte: vectors, 'cpu-vectors': hostIrqs };
}
