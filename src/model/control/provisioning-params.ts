/**
 * Section `provisioning`: how instances come to exist — all at time zero or requested in one
 * burst, how many requests the orchestrator runs at once, the netlink path's host cost, and
 * churn while the workload runs. Which method creates them is `strategy.provisioning`.
 */
import { byDefault, choice, count, duration, eventRate, group, latency, section } from '../params/param.js';

export const PROVISIONING = section(
  'provisioning',
  'Instance creation.',
  {
    start: choice(['ready', 'burst'], {
      description:
        'ready: every instance exists at time zero; burst: all are requested at time zero (provisioning study).',
      origin: byDefault('ready'),
    }),
    concurrency: count(
      { min: 1, max: 1_000_000_000 },
      {
        unit: 'callers',
        description:
          'Creations and teardowns the orchestrator runs at once (its concurrent callers); further requests wait, in request order.',
      },
    ),
    netlinkService: latency({
      description:
        'Host cost of registering one vDPA device (`vdpa dev add` over netlink: device_add, the bus driver binding, uevent), under vdpa_dev_lock; every provisioning method registers.',
    }),
    netlinkPerInstance: duration({
      description:
        'Extra netlink cost per existing instance (management tools that list every port on each call).',
    }),
    bus: choice(['vhost-vdpa', 'virtio-vdpa'], {
      description:
        'The vDPA bus driver an instance binds to: vhost-vdpa (a VM: VQ setup and DRIVER_OK come later by ioctl, outside vdpa_dev_lock) or virtio-vdpa (a host kernel virtio driver probes during registration, so the whole bring-up holds the lock).',
    }),
    churn: group('Instances created and destroyed while the workload runs.', {
      create: eventRate({
        description: 'Instance creations per second while traffic runs (whole device), e.g. 10/s.',
        origin: byDefault('0/s'),
      }),
      destroy: eventRate({
        description: 'Instance destructions per second while traffic runs (whole device).',
        origin: byDefault('0/s'),
      }),
    }),
  },
  { title: 'provisioning' },
);
