import { transportEntry, transports } from './transports.js';

transports.register(
  transportEntry('per-vf', {
    summary: 'SR-IOV BARs',
    cite: ['intel-forum-uc-writes', 'so-mmio-read', 'nmstate-vf-creation', 'nvidia-cx6dx-firmware'],
    uses: ['limits.totalVfs', 'limits.msixPerVf', 'transport.vfCreate'],
  }),
);
