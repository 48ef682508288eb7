/**
 * The registration every provisioning method ends with: a device created by other means (an
 * admin CREATE, the managed-device capability) becomes a vDPA device only through `vdpa dev
 * add` or vdpa_register_device, both under the one global vdpa_dev_lock [[linux-vdpa-core]],
 * at the same host cost as netlink's (`provisioning.netlinkService`, `netlinkPerInstance`).
 */
import type { ModelConfig } from '../../model/config.js';
import type { ProvisioningModel } from '../../model/control/strategy-ports.js';
import { makeDistribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';

export const REGISTRATION_PARAMS = [
  'provisioning.netlinkService',
  'provisioning.netlinkPerInstance',
  'provisioning.bus',
] as const;

/** Registration only under the lock: the device was created before it (`createsUnderLock` false). */
export function registrationOnly(config: ModelConfig, rng: RandomStream): ProvisioningModel {
  const service = makeDistribution(config.provisioning.netlinkService);
  const perInstanceNs = config.provisioning.netlinkPerInstance;
  return {
    createsUnderLock: false,
    requestCostNs: (existing) => service.sample(rng) + perInstanceNs * existing,
  };
}
