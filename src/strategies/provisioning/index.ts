/** The registered provisioning methods, one import each. A new method is a new file here plus one line. */
export { type ProvisioningStrategy, provisioningMethods } from './provisioning-methods.js';

import './netlink.js';
import './managed-cap-create.js';
import './admin-vq.js';
