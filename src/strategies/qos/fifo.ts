import { qosEntry, qosPolicies } from './qos-policies.js';

qosPolicies.register(qosEntry('fifo', { summary: 'one queue', cite: ['virtio-admin'], uses: [] }));
