/**
 * The interrupt modes: whether completions are signalled by interrupts, how vectors are shared,
 * how provisioning programs them and what each instance draws from the interrupt resources.
 * Each mode is its own file, registered by one line in ./index.ts.
 */
import type { ModelConfig } from '../../model/config.js';
import type { InterruptMode } from '../../model/interrupts/interrupt-mode.js';
import type { ResourceDraws } from '../../model/ports.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface InterruptStrategy extends Strategy, InterruptMode {
  readonly kind: 'interrupts';
}

export const interruptModes = new Registry<InterruptStrategy>('interrupt mode');

/**
 * A message delivered to a guest is remapped (one IRTE each, [[linux-intel-iommu]]); with exit
 * delivery it also takes a host CPU vector ([[linux-x86-irq-vectors]]); posted interrupts
 * bypass host vectors.
 */
export function deliveredMessages(vectors: number, config: ModelConfig): ResourceDraws {
  return { irte: vectors, 'cpu-vectors': config.interrupts.delivery === 'exit' ? vectors : 0 };
}
