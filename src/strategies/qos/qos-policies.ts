/**
 * Admin-queue arbitration policies (`adminq.policy`). Their selectors live in the control plane
 * (src/model/control/qos-policies.ts) until it is rebuilt on strategy objects; these entries add
 * a summary, the parameters each uses and the documents they rest on.
 */
import { qosPolicy } from '../../model/control/qos-policies.js';
import type { QosPolicy } from '../../model/control/strategy-ports.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface QosStrategy extends Strategy {
  readonly kind: 'qos';
  readonly policy: QosPolicy;
}

export const qosPolicies = new Registry<QosStrategy>('admin-queue policy');

export function qosEntry(name: string, entry: Pick<QosStrategy, 'summary' | 'cite' | 'uses'>): QosStrategy {
  const policy = qosPolicy(name);
  return { kind: 'qos', name, description: policy.description, ignores: [], policy, ...entry };
}
