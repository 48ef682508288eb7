import { qosEntry, qosPolicies } from './qos-policies.js';

qosPolicies.register(
  qosEntry('drr', {
    summary: 'deficit round robin with weights',
    cite: ['virtio-admin'],
    uses: ['adminq.weights', 'adminq.quantum'],
  }),
);
