import type { ProvisioningModel } from '../../model/control/strategy-ports.js';
import { makeDistribution } from '../../random/distribution.js';
import { provisioningMethods } from './provisioning-methods.js';

provisioningMethods.register({
  kind: 'provisioning',
  name: 'netlink',
  summary: 'vdpa dev add, global lock',
  description:
    "vdpa dev add over netlink: host cost per request (plus a per-existing-instance term), then the parent's own transport operations, all under the one global vDPA management lock.",
  // The `vdpa` tool [[iproute2-vdpa]]; every management request holds the one vdpa_dev_lock
  // [[linux-vdpa-core]]; a create that lists every existing instance is O(N) per create
  // [[mlnx-tools-sf-creation]].
  cite: ['iproute2-vdpa', 'linux-vdpa-core', 'mlnx-tools-sf-creation'],
  uses: ['provisioning.netlinkService', 'provisioning.netlinkPerInstance'],
  ignores: [],
  createVia: undefined,
  build(config, rng): ProvisioningModel {
    const service = makeDistribution(config.provisioning.netlinkService);
    const perInstanceNs = config.provisioning.netlinkPerInstance;
    return {
      globalLock: true,
      requestCostNs: (existing) => service.sample(rng) + perInstanceNs * existing,
    };
  },
});
