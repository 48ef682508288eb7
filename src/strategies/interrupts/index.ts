/**
 * The registered interrupt modes, one import each (in the order listings and the schema show
 * them). A new mode is a new file in this folder plus one line here.
 */
export { type InterruptStrategy, interruptModes } from './interrupt-modes.js';

import './msix.js';
import './shared.js';
import './msi-store.js';
import './polling.js';
