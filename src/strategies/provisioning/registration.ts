/**
 * The registration every provisioning method makes: a device becomes a vDPA device only through
 * `vdpa dev add` or vdpa_register_device, both under the one global vdpa_dev_lock
 * [[linux-vdpa-core]], at one host cost (`provisioning.netlinkService`, plus
 * `netlinkPerInstance` per existing instance). Methods differ only in whether the parent creates
 * the device inside that section (netlink's dev_add) or before it (an admin CREATE, the
 * managed-device capability).
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

/** The registration's model, with CREATE inside the locked section or before it. */
export function registration(
  createsUnderLock: boolean,
): (config: ModelConfig, rng: RandomStream) => ProvisioningModel {
  return (config, rng) => {
    const service = makeDistribution(config.provisioning.netlinkService);
    const perInstanceNs = config.provisioning.netlinkPerInstance;
    return {
      createsUnderLock,
      requestCostNs: (existing) => service.sample(rng) + perInstanceNs * existing,
    };
  };
}
