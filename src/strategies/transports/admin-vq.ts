import { transportEntry, transports } from './transports.js';

transports.register(
  transportEntry('admin-vq', {
    summary: 'virtio 1.3 admin virtqueues',
    cite: ['virtio-admin', 'linux-virtio-pci-admin', 'linux-nvme-admin'],
    uses: ['adminq', 'workload.groups[*].adminQueue'],
  }),
);
