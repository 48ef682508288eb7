/**
 * What the two software parents (vdpa_sim and VDUSE) state alike: a ring read is a host-memory
 * access, a register write a kernel function call, and there is no device message store. One
 * declaration each, spread into both profiles, so that the two cannot drift apart.
 */
import { between, type ProfileParam } from './profile.js';

/** Interrupt messages: one per VQ + config (3 + 1) for each of the 2^20 minors: no message store to exhaust. */
const SOFTWARE_MESSAGES = (3 + 1) * 2 ** 20;

export const HOST_MEMORY_DMA_READ: ProfileParam = {
  path: 'device.dmaRead',
  value: 100,
  unit: 'ns',
  range: between(50, 150),
  basis: 'estimate',
  cite: [],
  note: 'a ring entry is read from host memory (one cache-missing access, cf. iommu.walk.memAccess 75 ns), not across PCIe',
};

export const SOFTWARE_IMS_ENTRIES: ProfileParam = {
  path: 'limits.imsEntries',
  value: SOFTWARE_MESSAGES,
  unit: 'entries',
  rangeNote: 'memory-bound',
  basis: 'design',
  cite: ['linux-vhost-vdpa'],
  note:
    'no device message store: a software parent has no get_vq_irq, so a virtqueue interrupt is its call eventfd ' +
    'injected by KVM irqfd; msi-store here counts (VQs + config) × the 2^20 minors, so nothing binds before memory',
};

export const KERNEL_MMIO_WRITE: ProfileParam = {
  path: 'transport.mmioWrite',
  value: 50,
  unit: 'ns',
  range: between(20, 200),
  basis: 'estimate',
  cite: [],
  note: 'no PCIe; a register write is a kernel function call storing to memory',
};
