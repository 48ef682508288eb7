import { provisioningMethods } from './provisioning-methods.js';
import { REGISTRATION_PARAMS, registration } from './registration.js';

provisioningMethods.register({
  kind: 'provisioning',
  name: 'admin-vq',
  summary: 'CREATE command',
  description:
    'A CREATE command on the admin virtqueue (parallel and QoS-governed), then the registration of the new member as a vDPA device under the global vDPA management lock, then the per-VQ setup commands.',
  // Device group administration over admin virtqueues [[virtio-admin]]; any vDPA device
  // registers under vdpa_dev_lock [[linux-vdpa-core]].
  cite: ['virtio-admin', 'linux-vdpa-core'],
  uses: ['adminq', 'workload.groups[*].adminQueue', ...REGISTRATION_PARAMS],
  ignores: [],
  createVia: 'admin-vq',
  build: registration(false),
});
