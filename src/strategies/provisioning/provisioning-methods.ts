/**
 * How instances are created. Their behaviour lives in the control plane
 * (src/model/control/provisioning-rules.ts) until it is rebuilt on strategy objects; these
 * entries add a summary, the parameters each uses and the documents they rest on.
 */
import { provisioningRule } from '../../model/control/provisioning-rules.js';
import type { ProvisioningRule } from '../../model/control/strategy-ports.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface ProvisioningStrategy extends Strategy {
  readonly kind: 'provisioning';
  readonly rule: ProvisioningRule;
}

export const provisioningMethods = new Registry<ProvisioningStrategy>('provisioning method');

export function provisioningEntry(
  name: string,
  entry: Pick<ProvisioningStrategy, 'summary' | 'cite' | 'uses'>,
): ProvisioningStrategy {
  const rule = provisioningRule(name);
  return { kind: 'provisioning', name, description: rule.description, ignores: [], rule, ...entry };
}
