/**
 * The registered isolation modes, one import each (in the order listings and the schema show
 * them). A new mode is a new file in this folder plus one line here.
 */
export { type IsolationStrategy, isolationModes } from './isolation-modes.js';

import './none.js';
import './rid-per-vf.js';
import './pasid-per-instance.js';
import './pasid-per-vq.js';
import './device-mmu.js';
import './passthrough.js';
