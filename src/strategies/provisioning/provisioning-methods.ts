/**
 * How instances are created: what wraps the device's own create sequence. In every case the
 * per-VQ setup, vector programming and DRIVER_OK then go over the configured transport;
 * teardown takes the same route in reverse (`vdpa dev del`, DESTROY). Each method is its own
 * file, registered by one line in ./index.ts.
 */
import type { ProvisioningRule } from '../../model/control/strategy-ports.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface ProvisioningStrategy extends Strategy, ProvisioningRule {
  readonly kind: 'provisioning';
}

export const provisioningMethods = new Registry<ProvisioningStrategy>('provisioning method');
