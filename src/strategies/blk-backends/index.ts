/** The registered virtio-blk backends, one import each. A new backend is a new file here plus one line. */
export { type BlkBackendStrategy, blkBackends } from './blk-backends.js';

import './hardware.js';
import './ramdisk.js';
import './userspace.js';
import './none.js';
