/**
 * Provisioning methods (model.md §5): what wraps the device's own create sequence.
 * - netlink: the `vdpa dev add` path — host software cost per request, growing with the number
 *   of existing instances when the management tool lists them all, then the parent's own
 *   operations over its transport, the whole sequence under the kernel's one global vDPA
 *   management lock across every parent.
 * - managed-cap-create: the managed-device capability's create (config bytes, `create`, poll
 *   `create_ok`) under the capability's register-window lock; serialized.
 * - admin-vq: a CREATE command on the admin virtqueue; parallel, governed by admin-queue QoS.
 * In every case the per-VQ setup, vector programming and DRIVER_OK then go over the configured
 * transport; teardown takes the same route in reverse (`vdpa dev del`, DESTROY).
 */
import { makeDistribution } from '../../random/distribution.js';
import type { ProvisioningModel, ProvisioningRule } from './strategy-ports.js';

export const NETLINK: ProvisioningRule = {
  name: 'netlink',
  description:
    "vdpa dev add over netlink: host cost per request (plus a per-existing-instance term), then the parent's own transport operations, all under the one global vDPA management lock.",
  sources: [
    'facts.md §5 "Kernel serialization of provisioning" (vdpa_dev_lock, drivers/vdpa/vdpa.c)',
    'facts.md §5 "SF creation time at scale" (O(N) per create, mlnx-tools PR #90)',
    'facts.md §5 "vdpa tool (iproute2)"',
  ],
  build(config, rng): ProvisioningModel {
    const service = makeDistribution(config.provisioning.netlinkService);
    const perInstanceNs = config.provisioning.netlinkPerInstanceNs;
    return {
      globalLock: true,
      createVia: undefined,
      requestCostNs: (existing) => service.sample(rng) + perInstanceNs * existing,
    };
  },
};

export const MANAGED_CAP_CREATE: ProvisioningRule = {
  name: 'managed-cap-create',
  description:
    'Managed-device capability create: write the config bytes, set create, poll create_ok until the device has built the instance; serialized by the capability lock.',
  sources: [
    'talk: virtio_pci_managed_dev_cap {config[256], create, create_ok} (a proposal: facts.md preamble)',
  ],
  build: (): ProvisioningModel => ({ globalLock: false, createVia: 'managed-cap', requestCostNs: () => 0 }),
};

export const ADMIN_VQ_CREATE: ProvisioningRule = {
  name: 'admin-vq',
  description:
    'A CREATE command on the admin virtqueue, then the per-VQ setup commands; parallel and QoS-governed.',
  sources: ['facts.md §1 "Admin virtqueue and group administration"', 'facts.md §6 "Spec-level QoS hooks"'],
  build: (): ProvisioningModel => ({ globalLock: false, createVia: 'admin-vq', requestCostNs: () => 0 }),
};

export const PROVISIONING_RULES: readonly ProvisioningRule[] = [NETLINK, MANAGED_CAP_CREATE, ADMIN_VQ_CREATE];

export function provisioningRule(name: string): ProvisioningRule {
  const rule = PROVISIONING_RULES.find((r) => r.name === name);
  if (rule === undefined) throw new Error(`no provisioning rule '${name}'`);
  return rule;
}
