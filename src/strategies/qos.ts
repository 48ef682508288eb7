/**
 * Admin-queue QoS policies (docs/model.md, "Control plane"): `fifo`, `priority`,
 * `drr`, registered by name. A per-tenant token bucket (`group.control.limit`) composes with
 * any of them (src/model/control/token-bucket.ts). The selectors live beside the model
 * (src/model/control/qos-policies.ts), which may not import this layer.
 */
import { QOS_POLICIES } from '../model/control/qos-policies.js';
import type { QosPolicy } from '../model/control/strategy-ports.js';
import { Registry } from './registry.js';

export type QosStrategy = QosPolicy;

export const qosPolicies = new Registry<QosStrategy>('admin-queue policy');
for (const policy of QOS_POLICIES) qosPolicies.register(policy);
