/**
 * ifcvf: the Intel N3000 IFC VF (net and blk). One vDPA instance per SR-IOV VF, isolated by the
 * VF's requester ID in the platform IOMMU, at most 17 virtqueues. Only what differs from the
 * platform profile is listed.
 */
import { between, type ParentProfile } from './profile.js';

/** IFCVF_MAX_QUEUES: 8 data pairs + CVQ [[linux-ifcvf]]. */
const IFCVF_MAX_QUEUES = 17;
/** N3000 TotalVFs: no public source was found; taken as ≤ 128 (unverified). */
const N3000_TOTAL_VFS = 128;

export const IFCVF_PROFILE: ParentProfile = {
  name: 'ifcvf',
  description: 'Intel N3000-style PCI VF device (net, blk): one instance per VF, platform IOMMU, ≤ 17 VQs',
  behaviour: [
    'One vDPA instance per SR-IOV VF (strategy.transport per-vf): each instance has its own BAR registers, so control operations do not contend across instances; the VF count (limits.totalVfs ≤ 128, UNVERIFIED) and the serial VF creation (transport.vfCreate, platform) bound density and provisioning rate.',
    'Per-VF DMA isolation through the platform IOMMU keyed by the VF requester ID (strategy.isolation rid-per-vf, iommu.* from the platform); the driver sets up no PASID (limits.pasidBits 0) and the device has no device MMU (limits.deviceMmuContexts 0, platform).',
    'At most 17 virtqueues per instance: 8 data pairs + a hardware CVQ (limits.maxQueuesPerInstance 17; device.hwCvqService from the platform); queues up to 32768 entries (IFCVF_QUEUE_MAX).',
    'Three MSI-X modes: per-VQ + config, shared VQ + separate config, or all shared — strategy.interrupts msix or shared, drawing from the VF table (limits.msixPerVf, platform).',
  ],
  cite: ['linux-ifcvf'],
  params: [
    {
      path: 'limits.totalVfs',
      value: N3000_TOTAL_VFS,
      unit: 'VFs',
      range: between(1, 128),
      rangeNote: 'UNVERIFIED: no public N3000 TotalVFs',
      basis: 'estimate',
      cite: [],
      note: 'no public N3000 TotalVFs was found; taken as ≤ 128, to be checked before it decides a result',
    },
    {
      path: 'limits.functionPerInstance',
      value: 1,
      unit: 'functions',
      rangeNote: 'hard limit: one vDPA device per management device (PCI function)',
      basis: 'spec',
      cite: ['linux-ifcvf-main'],
      note: 'ifcvf_vdpa_dev_add refuses a second device on a function: every instance is a VF, TotalVFs bounds them',
    },
    {
      path: 'limits.maxQueuesPerInstance',
      value: IFCVF_MAX_QUEUES,
      unit: 'VQs',
      range: between(3, 17),
      basis: 'spec',
      cite: ['linux-ifcvf'],
      note: 'IFCVF_MAX_QUEUES = 17: 8 data pairs + CVQ',
    },
    {
      path: 'limits.hwVqs',
      value: IFCVF_MAX_QUEUES * N3000_TOTAL_VFS,
      unit: 'VQs',
      range: between(17, 2176),
      basis: 'derived',
      cite: ['linux-ifcvf'],
      note:
        'one vDPA device per VF × 17 VQs per VF × 128 VFs (unverified) = 2176; no device-wide queue limit is ' +
        'published',
    },
    {
      path: 'limits.pasidBits',
      value: 0,
      unit: 'bits',
      rangeNote: '0 = no PASID; 20 to study a PASID-capable VF',
      basis: 'design',
      cite: ['linux-ifcvf'],
      note:
        'one vDPA device per VF, isolated by the VF itself; the ifcvf driver configures no PASID and no N3000 ' +
        'PASID capability is published — so pasid-per-* isolation is rejected',
    },
  ],
};
