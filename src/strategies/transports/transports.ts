/**
 * The transports to a managed device. Their cost rules live in the control plane
 * (src/model/control/transport-rules.ts) until it is rebuilt on strategy objects; these entries
 * add what the catalogue needs: a summary, the parameters each uses, the documents they rest on.
 */
import type { TransportRule } from '../../model/control/strategy-ports.js';
import { transportRule } from '../../model/control/transport-rules.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface TransportStrategy extends Strategy {
  readonly kind: 'transport';
  readonly rule: TransportRule;
}

export const transports = new Registry<TransportStrategy>('transport');

/** A transport entry for the control plane's rule of that name. */
export function transportEntry(
  name: string,
  entry: Pick<TransportStrategy, 'summary' | 'cite' | 'uses'>,
): TransportStrategy {
  const rule = transportRule(name);
  return { kind: 'transport', name, description: rule.description, ignores: [], rule, ...entry };
}
