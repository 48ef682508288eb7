/**
 * Section `strategy`: the design under study. Each key names a registered strategy of its kind
 * (src/strategies/, whose names and summaries complete each description in the schema); the
 * defaults are today's deployed baseline: SR-IOV VFs, a hardware CVQ (the driver's software one
 * on a parent without a CVQ in the device),
 * RID isolation, dedicated MSI-X vectors, `vdpa dev add`.
 */
import { byDefault, section, strategy } from './params/param.js';

export const STRATEGY = section(
  'strategy',
  'The design under study: transport × CVQ × isolation × interrupt mode × provisioning.',
  {
    transport: strategy('transport', {
      title: 'transport',
      description: 'How managed devices are configured',
      origin: byDefault('per-vf'),
    }),
    cvq: strategy('cvq', {
      title: 'control virtqueue',
      description:
        'Control virtqueue (default hardware; software on a parent without a CVQ in the device, limits.hwCvq 0, as mlx5)',
      origin: byDefault('hardware'),
    }),
    isolation: strategy('isolation', {
      title: 'DMA isolation',
      description: 'DMA isolation',
      origin: byDefault('rid-per-vf'),
    }),
    interrupts: strategy('interrupts', {
      title: 'interrupt mode',
      description: 'Interrupt mode',
      origin: byDefault('msix'),
    }),
    provisioning: strategy('provisioning', {
      title: 'creation path',
      description: 'How instances are created',
      origin: byDefault('netlink'),
    }),
  },
);
