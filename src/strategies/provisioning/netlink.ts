import { provisioningMethods } from './provisioning-methods.js';
import { REGISTRATION_PARAMS, registration } from './registration.js';

provisioningMethods.register({
  kind: 'provisioning',
  name: 'netlink',
  summary: 'vdpa dev add, global lock',
  description:
    "vdpa dev add over netlink: the parent's dev_add creates the device over its transport and registers it (host cost per request, plus a per-existing-instance term), under the one global vDPA management lock; with vhost-vdpa the VQ setup and DRIVER_OK follow outside it.",
  // The `vdpa` tool [[iproute2-vdpa]]; vdpa_dev_lock is held around dev_add [[linux-vdpa-core]];
  // a create that lists every existing instance is O(N) per create [[mlnx-tools-sf-creation]].
  cite: ['iproute2-vdpa', 'linux-vdpa-core', 'mlnx-tools-sf-creation'],
  uses: [...REGISTRATION_PARAMS],
  ignores: [],
  createVia: undefined,
  build: registration(true),
});
