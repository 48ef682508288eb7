/**
 * vp_vdpa: a standard virtio-pci device (PF or VF) used as a vDPA parent, any virtio type. One
 * instance per PCI function, standard virtio registers, DMA isolation only through the platform
 * IOMMU. Only what differs from the platform profile is listed.
 */
import { us } from '../util/units.js';
import { between, type ParentProfile } from './profile.js';

export const VP_VDPA_PROFILE: ParentProfile = {
  name: 'vp_vdpa',
  description:
    'A virtio-pci device as the parent: standard virtio registers, platform IOMMU, one instance per function',
  behaviour: [
    'One instance per PCI function, PF or VF (strategy.transport per-vf, limits.totalVfs from the platform); with a virtio 1.3 owner the admin VQ and its SR-IOV group type carry member commands (strategy.transport admin-vq, adminq.service.LEGACY_CFG_* from the platform). No vendor channel.',
    'Standard virtio registers: every vDPA op is a common-config access, a posted write per register and a non-posted read round trip (transport.mmioWrite, transport.mmioRead, platform); registers emulated by device firmware, as on DPUs, add transport.fwEmulation.',
    'DMA isolation only through the platform IOMMU (strategy.isolation rid-per-vf, iommu.* from the platform): no device MMU (limits.deviceMmuContexts 0, platform) and no PASID configuration in the virtio standard (limits.pasidBits 0).',
    'Standard virtio-net CVQ in the device (device.hwCvqService, platform) and per-VQ MSI-X vectors with the Linux fallback to one shared vector (strategy.interrupts msix / shared).',
  ],
  cite: ['linux-vp-vdpa', 'virtio-pci'],
  params: [
    {
      path: 'limits.pasidBits',
      value: 0,
      unit: 'bits',
      rangeNote: '0 (standard) | 20 (to study the PASID proposal)',
      basis: 'design',
      cite: ['wang-hyperscale-vdpa', 'linux-vp-vdpa'],
      note:
        "virtio-pci has no PASID configuration (the talk's VIRTIO_PCI_CAP_PASID is an RFC, not in the spec) and " +
        'vp_vdpa relies on the platform IOMMU; set 20 to study the proposal',
    },
    {
      path: 'limits.functionPerInstance',
      value: 1,
      unit: 'functions',
      rangeNote: "1 (vp_vdpa); 0 to study the talk's managed instances on a virtio-pci owner",
      basis: 'spec',
      cite: ['linux-vp-vdpa', 'virtio-admin'],
      note:
        'vp_vdpa creates one vDPA device per virtio-pci function, and an admin-VQ member is a VF (SR-IOV group ' +
        'type): managed instances are VFs, so TotalVFs bounds them',
    },
    {
      path: 'transport.fwEmulation',
      value: us(2),
      unit: 'ns',
      range: between(0, us(20)),
      rangeNote: '0 for a hardware register; up to 20 µs when QEMU emulates it in a nested guest',
      basis: 'estimate',
      cite: [],
      note:
        'virtio-pci hardware commonly emulates common-config registers in device firmware (SmartNIC/DPU virtio ' +
        'emulation); no public number — 2 µs for a firmware handler on an embedded core',
    },
  ],
};
