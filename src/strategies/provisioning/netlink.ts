import { provisioningEntry, provisioningMethods } from './provisioning-methods.js';

provisioningMethods.register(
  provisioningEntry('netlink', {
    summary: 'vdpa dev add, global lock',
    cite: ['iproute2-vdpa', 'linux-vdpa-core', 'mlnx-tools-sf-creation'],
    uses: ['provisioning.netlinkService', 'provisioning.netlinkPerInstance'],
  }),
);
