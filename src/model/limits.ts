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
    hwCvq: count(
      { min: 0, max: 1, why: 'an instance has at most one control virtqueue' },
      {
        unit: 'CVQs',
        description:
          'Control virtqueues the device serves in hardware per instance: 1, or 0 when the driver emulates the CVQ (mlx5); strategy.cvq hardware needs 1.',
        cite: ['virtio-net'],
      },
    ),
    deviceMemory: size({ description: 'Device memory available for instance state, e.g. 4GiB.' }),
    instanceMemory: size({
      description: "Device memory one instance's state needs (queue contexts, config, keys), e.g. 16KiB.",
    }),
  },
  { title: 'limit on' },
);
