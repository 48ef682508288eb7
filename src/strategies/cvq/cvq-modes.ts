/**
 * Where the control virtqueue lives: in the device, decoded by a host core, or absent. Each
 * mode is its own file, registered by one line in ./index.ts.
 */
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface CvqStrategy extends Strategy {
  readonly kind: 'cvq';
  /** Hardware virtqueues the CVQ takes per instance (1 in the device, 0 otherwise). */
  readonly hardwareQueues: number;
}

export const cvqModes = new Registry<CvqStrategy>('CVQ mode');
