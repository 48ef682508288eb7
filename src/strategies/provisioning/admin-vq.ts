import { provisioningMethods } from './provisioning-methods.js';

provisioningMethods.register({
  kind: 'provisioning',
  name: 'admin-vq',
  summary: 'CREATE command',
  description:
    'A CREATE command on the admin virtqueue, then the per-VQ setup commands; parallel and QoS-governed.',
  // Device group administration over admin virtqueues [[virtio-admin]].
  cite: ['virtio-admin'],
  uses: ['adminq', 'workload.groups[*].adminQueue'],
  ignores: [],
  createVia: 'admin-vq',
  build: () => ({ globalLock: false, requestCostNs: () => 0 }),
});
