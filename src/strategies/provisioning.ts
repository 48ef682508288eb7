/**
 * Provisioning methods (docs/model.md, "Control plane"): `netlink`, `managed-cap-create`, `admin-vq`, registered by
 * name. Their behaviour lives beside the model (src/model/control/provisioning-rules.ts),
 * which may not import this layer.
 */
import { PROVISIONING_RULES } from '../model/control/provisioning-rules.js';
import type { ProvisioningRule } from '../model/control/strategy-ports.js';
import { Registry } from './registry.js';

export type ProvisioningStrategy = ProvisioningRule;

export const provisioningMethods = new Registry<ProvisioningStrategy>('provisioning method');
for (const rule of PROVISIONING_RULES) provisioningMethods.register(rule);
