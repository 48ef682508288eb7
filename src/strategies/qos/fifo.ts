import type { QueueSelector } from '../../model/control/strategy-ports.js';
import { qosPolicies } from './qos-policies.js';

qosPolicies.register({
  kind: 'qos',
  name: 'fifo',
  summary: 'one queue',
  description: 'One admin queue shared by every tenant, served in arrival order (head-of-line blocking).',
  // In order within one admin queue [[virtio-admin]].
  cite: ['virtio-admin'],
  uses: [],
  ignores: [],
  create: (): QueueSelector => ({
    queueOf: () => 0,
    weightOf: () => 1,
    enqueued: () => {},
    pick: () => 0,
  }),
});
