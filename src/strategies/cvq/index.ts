/** The registered CVQ modes, one import each. A new mode is a new file here plus one line. */
export { type CvqStrategy, cvqModes } from './cvq-modes.js';

import './hardware.js';
import './software.js';
import './none.js';
