/**
 * Admin-queue arbitration policies (`adminq.policy`, docs/model.md "Control plane"). The spec's
 * hook is several admin queues: FIFO with head-of-line blocking inside one queue, free
 * arbitration across queues [[virtio-admin]]. A policy only picks which non-empty queue the
 * device fetches from next; the admin queue keeps the rings. One file per policy, registered by
 * one line in ./index.ts.
 */
import type { QosPolicy } from '../../model/control/strategy-ports.js';
import { Registry } from '../registry.js';
import type { Strategy } from '../strategy.js';

export interface QosStrategy extends Strategy, QosPolicy {
  readonly kind: 'qos';
}

export const qosPolicies = new Registry<QosStrategy>('admin-queue policy');
