/** The registered transports, one import each. A new transport is a new file here plus one line. */
export { type TransportStrategy, transports } from './transports.js';

import './per-vf.js';
import './managed-cap.js';
import './device-cmd-cap.js';
import './admin-vq.js';
import './vendor.js';
