/**
 * Section `strategy`: the design under study. Each key names a registered strategy of its kind
 * (src/strategies/); the defaults are today's deployed baseline: SR-IOV VFs, a hardware CVQ,
 * RID isolation, dedicated MSI-X vectors, `vdpa dev add`.
 */
import { byDefault, section, strategy } from './params/param.js';

export const STRATEGY = section(
  'strategy',
  'The design under study: transport × CVQ × isolation × interrupt mode × provisioning.',
  {
    transport: strategy('transport', {
      description:
        'How managed devices are configured: per-vf (SR-IOV BARs), managed-cap (device_select window), device-cmd-cap (one command slot), admin-vq (virtio 1.3 admin virtqueues), vendor (firmware command channel).',
      origin: byDefault('per-vf'),
    }),
    cvq: strategy('cvq', {
      description:
        'Control virtqueue: hardware (one more hardware VQ), software (decoded by a host core), none.',
      origin: byDefault('hardware'),
    }),
    isolation: strategy('isolation', {
      description:
        'DMA isolation: none, rid-per-vf, pasid-per-instance, pasid-per-vq, device-mmu (device-side IOTLB).',
      origin: byDefault('rid-per-vf'),
    }),
    interrupts: strategy('interrupts', {
      description:
        'Interrupt mode: msix (dedicated vectors; instances fail when exhausted), shared (vectors shared by queues), msi-store (IMS-like messages in the device), polling.',
      origin: byDefault('msix'),
    }),
    provisioning: strategy('provisioning', {
      description:
        'How instances are created: netlink (vdpa dev add, global lock), managed-cap-create, admin-vq (CREATE command).',
      origin: byDefault('netlink'),
    }),
  },
);
