import { qosEntry, qosPolicies } from './qos-policies.js';

qosPolicies.register(
  qosEntry('priority', { summary: 'queue 0 first, non-preemptive', cite: ['virtio-admin'], uses: [] }),
);
