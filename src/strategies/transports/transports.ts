/**
 * The transports to a managed device: where each command contends (`channels`, `channelOf`)
 * and how long it holds that place (`holdNs`). Bookkeeping — queues, events, host-CPU
 * accounting — is the control plane's `Transport` base; constants are the profile's
 * (`config.transport`, `config.adminq`); each transport only combines them. One file per
 * transport, registered by one line in ./index.ts.
 */
import type { ChannelSpec, TransportRule } from '../../model/control/strategy-ports.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface TransportStrategy extends Strategy, TransportRule {
  readonly kind: 'transport';
}

export const transports = new Registry<TransportStrategy>('transport');

/** A FIFO station of `n` servers (`throttled` of them for heavy commands). */
export const slots = (name: string, n: number, throttled = n): ChannelSpec => ({
  name,
  kind: 'slots',
  slots: n,
  throttledSlots: throttled,
});
