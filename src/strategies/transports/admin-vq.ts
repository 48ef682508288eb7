import { COMMAND_CLASSES } from '../../model/config.js';
import type { TransportModel } from '../../model/control/strategy-ports.js';
import { type Distribution, makeDistribution } from '../../random/distribution.js';
import { transports } from './transports.js';

transports.register({
  kind: 'transport',
  name: 'admin-vq',
  summary: 'virtio 1.3 admin virtqueues',
  description:
    'Commands travel on admin virtqueues (virtio 1.3): each a ring the driver posts into (a full ring makes the submitter wait for an entry); the device fetches from the rings in its arbitration order when a worker is free, in order within a queue, any order across queues; EAGAIN only when the device refuses a command, then the driver retries with backoff.',
  // In order within a queue, any order across queues, EAGAIN without side effects
  // [[virtio-admin]]; the sync (mutex, busy polling) and async (-ENOSPC cpu_relax() retry)
  // drivers [[linux-virtio-pci-admin]]; a 32-entry admin queue [[linux-nvme-admin]].
  cite: ['virtio-admin', 'linux-virtio-pci-admin', 'linux-nvme-admin'],
  uses: ['adminq', 'workload.groups[*].adminQueue'],
  ignores: [],
  ownVectorTable: false,
  draws: () => ({}),
  build(config, rng): TransportModel {
    const service = COMMAND_CLASSES.map((c) => makeDistribution(config.adminq.service[c]));
    return {
      channels: [
        {
          name: 'admin-vq',
          kind: 'admin-queue',
          slots: config.adminq.workers,
          throttledSlots: config.adminq.workers,
        },
      ],
      channelOf: () => 0,
      holdNs: (cls) => (service[cls] as Distribution).sample(rng),
      heavy: () => false,
      // The admin queue accounts its own host time (submission, sync-mode busy polling).
      hostBusy: () => false,
    };
  },
});
