/**
 * The top-level model parameters of a scenario: which parent profile underlies it and how many
 * instances it asks for.
 */
import { PARENTS } from './config.js';
import { byDefault, choice, count, section } from './params/param.js';
import { MAX_INSTANCES } from './workload-params.js';

export const ROOT = section('', 'The parent and the number of instances.', {
  parent: choice(PARENTS, {
    description: 'vDPA parent profile whose parameters underlie this scenario (vdpascale profiles NAME).',
    // The standard virtio-pci device as parent: no vendor specifics on top of the platform.
    origin: byDefault('vp_vdpa'),
  }),
  instances: count(
    { min: 1, max: MAX_INSTANCES, why: 'what one simulation can hold in memory' },
    {
      unit: 'instances',
      description: 'vDPA instances on the device (split into workload groups).',
      origin: byDefault(1),
    },
  ),
});
