/**
 * Where the control virtqueue lives: in the device, decoded by a host core, or absent. Each
 * mode is its own file, registered by one line in ./index.ts.
 */
import type { CvqMode } from '../../model/control/strategy-ports.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface CvqStrategy extends Strategy, CvqMode {
  readonly kind: 'cvq';
}

export const cvqModes = new Registry<CvqStrategy>('CVQ mode');
