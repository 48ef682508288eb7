/**
 * The DMA isolation modes: what tags a translation, what a miss costs, and what each instance
 * draws from the platform's isolation resources. Each mode is its own file, registered by one
 * line in ./index.ts.
 */
import type { IsolationMode } from '../../model/iommu/isolation-mode.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface IsolationStrategy extends Strategy, IsolationMode {
  readonly kind: 'isolation';
}

export const isolationModes = new Registry<IsolationStrategy>('isolation mode');
