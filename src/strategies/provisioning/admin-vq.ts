import { provisioningEntry, provisioningMethods } from './provisioning-methods.js';

provisioningMethods.register(
  provisioningEntry('admin-vq', {
    summary: 'CREATE command',
    cite: ['virtio-admin'],
    uses: ['adminq', 'workload.groups[*].adminQueue'],
  }),
);
