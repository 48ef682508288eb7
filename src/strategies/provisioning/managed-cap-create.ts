import { provisioningMethods } from './provisioning-methods.js';
import { REGISTRATION_PARAMS, registration } from './registration.js';

provisioningMethods.register({
  kind: 'provisioning',
  name: 'managed-cap-create',
  summary: 'the managed-device capability’s create',
  description:
    'Managed-device capability create: write the config bytes, set create, poll create_ok until the device has built the instance (serialized by the capability lock), then register it as a vDPA device under the global vDPA management lock.',
  // virtio_pci_managed_dev_cap {config[256], create, create_ok} is the talk's proposal, not in
  // the spec [[wang-hyperscale-vdpa]]; any vDPA device registers under vdpa_dev_lock
  // [[linux-vdpa-core]].
  cite: ['wang-hyperscale-vdpa', 'linux-vdpa-core'],
  uses: [
    'transport.createConfig',
    'transport.createService',
    'transport.pollInterval',
    ...REGISTRATION_PARAMS,
  ],
  ignores: [],
  createVia: 'managed-cap',
  build: registration(false),
});
