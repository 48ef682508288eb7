import { provisioningMethods } from './provisioning-methods.js';

provisioningMethods.register({
  kind: 'provisioning',
  name: 'managed-cap-create',
  summary: 'the managed-device capability’s create',
  description:
    'Managed-device capability create: write the config bytes, set create, poll create_ok until the device has built the instance; serialized by the capability lock.',
  // virtio_pci_managed_dev_cap {config[256], create, create_ok} is the talk's proposal, not in
  // the spec [[wang-hyperscale-vdpa]].
  cite: ['wang-hyperscale-vdpa'],
  uses: ['transport.createConfig', 'transport.createService', 'transport.pollInterval'],
  ignores: [],
  createVia: 'managed-cap',
  build: () => ({ globalLock: false, requestCostNs: () => 0 }),
});
