/**
 * The transports to a managed device (docs/model.md, "Control plane"), registered by name with a description and
 * the sources of their constants. The cost rules themselves live beside the model
 * (src/model/control/transport-rules.ts) because the model may not import this layer; this
 * registry is the catalogue the scenario layer validates `strategy.transport` against.
 */

import type { TransportRule } from '../model/control/strategy-ports.js';
import { TRANSPORT_RULES } from '../model/control/transport-rules.js';
import { Registry } from './registry.js';

export type TransportStrategy = TransportRule;

export const transports = new Registry<TransportStrategy>('transport');
for (const rule of TRANSPORT_RULES) transports.register(rule);
