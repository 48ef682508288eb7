/**
 * Section `limits`: the hard limits of the parent and the platform. The resource ledger checks
 * every instance against them (control/resource-ledger.ts); exhausting one rejects the instance
 * and names the resource.
 */
import { count, section, size } from './params/param.js';

export const LIMITS = section(
  'limits',
  'Hard limits of the parent and the platform; exhausting one rejects the instance and names the resource.',
  {
    totalVfs: count(
      { min: 0, max: 65_535, why: 'the 16-bit SR-IOV TotalVFs field' },
      {
        unit: 'VFs',
        description:
          'SR-IOV virtual functions the parent can create (TotalVFs); bounds the per-vf transport.',
      },
    ),
    functionPerInstance: count(
      { min: 0, max: 1, why: 'an instance is one PCI function or shares one' },
      {
        unit: 'functions',
        description:
          "PCI functions one instance takes whatever the transport: 1 when the driver creates one vDPA device per function (ifcvf, vp_vdpa: a managed instance is a VF, so TotalVFs bounds them and the VF has its own MSI-X table and BAR), 0 when instances share the parent function (sub-functions, software parents, the talk's managed instances).",
        cite: ['linux-ifcvf-main', 'linux-vp-vdpa'],
      },
    ),
    hwVqs: count(
      { min: 0 },
      { unit: 'VQs', description: 'Hardware virtqueues the device can back in total.' },
    ),
    maxQueuesPerInstance: count(
      { min: 1, max: 65_535, why: 'num_queues is 16 bits' },
      {
        unit: 'VQs',
        description: 'Most virtqueues one instance may have (ifcvf: 17).',
        cite: ['virtio-pci'],
      },
    ),
    msixPerFunction: count(
      { min: 0, max: 2048, why: 'the MSI-X table holds at most 2048 entries' },
      {
        unit: 'vectors',
        description: 'MSI-X table entries of the function that serves managed instances.',
        cite: ['linux-pci-regs'],
      },
    ),
    msixPerVf: count(
      { min: 0, max: 2048, why: 'the MSI-X table holds at most 2048 entries' },
      {
        unit: 'vectors',
        description: 'MSI-X entries of one VF (per-vf transport: each instance draws from its own VF table).',
        cite: ['linux-pci-regs'],
      },
    ),
    imsEntries: count(
      { min: 0 },
      {
        unit: 'entries',
        description: 'Message-store (IMS-like) entries of the device (msi-store interrupts).',
      },
    ),
    irtePerUnit: count(
      { min: 0, max: 65_536, why: 'the VT-d interrupt-remapping table has 65,536 entries' },
      {
        unit: 'entries',
        description: 'Interrupt-remapping entries per IOMMU unit.',
        cite: ['linux-intel-iommu'],
      },
    ),
    iommuUnits: count(
      { min: 1, max: 4096 },
      { unit: 'units', description: 'IOMMU units serving the device.' },
    ),
    hostCpus: count(
      { min: 1, max: 1_048_576 },
      { unit: 'CPUs', description: 'Host CPUs that can receive device interrupts.' },
    ),
    vectorsPerCpu: count(
      { min: 0, max: 256, why: 'an x86 IDT has 256 vectors' },
      {
        unit: 'vectors',
        description: 'Device vectors per host CPU (≈ 200 on x86).',
        cite: ['linux-x86-irq-vectors'],
      },
    ),
    pasidBits: count(
      { min: 0, max: 20, why: 'PCIe PASIDs are 20 bits' },
      {
        unit: 'bits',
        description: 'PASID width in bits.',
        cite: ['linux-intel-pasid'],
      },
    ),
    domainIds: count(
      { min: 1, max: 65_536, why: 'VT-d domain IDs are 16 bits' },
      { unit: 'domains', description: 'IOMMU domain IDs per unit.', cite: ['linux-intel-pasid'] },
    ),
    deviceMmuContexts: count(
      { min: 0 },
      {
        unit: 'contexts',
        description: 'Contexts of the device MMU (device-mmu isolation).',
      },
    ),
    vqGroups: count(
      { min: 1, max: 65_535 },
      {
        unit: 'groups',
        description:
          "Virtqueue groups of one instance (vDPA ngroups), each bound to one address space: the data VQs share the first groups, the last is the CVQ's when there are 2 or more (mlx5_vdpa, vdpa_sim: 2). Under pasid-per-vq each translated group is a PASID, an IOMMU domain and a translation context.",
        cite: ['linux-vdpa-groups'],
      },
    ),
    hwCvq: count(
      { min: 0, max: 1, why: 'an instance has at most one control virtqueue' },
      {
        unit: 'CVQs',
        description:
          'Control virtqueues the device serves in hardware per instance: 1, or 0 when the driver emulates the CVQ (mlx5); strategy.cvq hardware needs 1.',
        cite: ['virtio-net'],
      },
    ),
    notifyBar: size({
      description:
        "BAR space for the doorbells (notify areas) of instances that share the parent function, e.g. 1GiB; an instance that is its own function has its VF's BAR.",
    }),
    notifyPerQueue: size({
      description:
        "BAR bytes one virtqueue's doorbell takes (queue_notify_off × notify_off_multiplier spacing): 4KiB for a doorbell vhost-vdpa can map into the guest, one page per VQ; 0 when the VQs share one page (mlx5_vdpa) or there is no BAR (software parents).",
      cite: ['virtio-pci', 'linux-vhost-vdpa'],
    }),
    deviceMemory: size({ description: 'Device memory available for instance state, e.g. 4GiB.' }),
    instanceMemory: size({
      description: "Device memory one instance's state needs (queue contexts, config, keys), e.g. 16KiB.",
    }),
  },
  { title: 'limit on' },
);
