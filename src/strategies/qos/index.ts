/** The registered admin-queue policies, one import each. A new policy is a new file here plus one line. */
export { type QosStrategy, qosPolicies } from './qos-policies.js';

import './fifo.js';
import './priority.js';
import './drr.js';
