import { provisioningEntry, provisioningMethods } from './provisioning-methods.js';

provisioningMethods.register(
  provisioningEntry('managed-cap-create', {
    summary: 'the managed-device capability’s create',
    cite: ['wang-hyperscale-vdpa'],
    uses: ['transport.createConfig', 'transport.createService', 'transport.pollInterval'],
  }),
);
