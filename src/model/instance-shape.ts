/**
 * What one instance is made of, given the chosen strategies: its hardware virtqueues (data
 * queues, plus the CVQ when the device carries it), its interrupt sources, which MSI-X
 * table its vectors come from, and how its virtqueues fall into groups (address spaces).
 * Every instance of a run has the same shape, computed once.
 *
 * virtio-pci maps one MSI-X vector per virtqueue plus one for configuration changes
 * (`queue_msix_vector`, `config_msix_vector` [[virtio-pci]]): an instance with P pairs and a
 * hardware CVQ has 2P + 1 + 1 interrupt sources (4 for one pair). A virtio-blk instance has
 * `blk.numQueues` request queues and no CVQ [[virtio-blk]]: numQueues + 1 (5 with 4 queues).
 *
 * VQ groups: a vDPA device puts each virtqueue in a group and binds each group to one address
 * space (ngroups, nas, get_vq_group, set_group_asid [[linux-vdpa-groups]]). Every in-tree net
 * parent puts all data VQs in group 0 and, with two groups, the CVQ in group 1 (mlx5_vdpa,
 * vdpa_sim_net); with `limits.vqGroups` G ≥ 2 the last group is the CVQ's and the 2P data VQs
 * spread over the other G − 1 (data VQ l in group l mod (G − 1)), so G = 2P + 1 gives every VQ
 * its own address space (the per-VQ PASID proposal). A group is translated by the platform
 * IOMMU when it holds a hardware VQ: a software CVQ's group is the driver's own IOTLB.
 */
import type { ModelConfig } from './config.js';

export interface InstanceShape {
  /** Virtqueues the device backs for one instance: 2·pairs data queues, plus a hardware CVQ. */
  readonly queues: number;
  /** Interrupt sources with a vector each: every hardware queue plus config changes. */
  readonly vectors: number;
  /**
   * The instance is its own PCI function (a VF: per-vf, or a parent with one device per
   * function), so its vectors come from its own table and its doorbells from its own BAR.
   */
  readonly ownVectorTable: boolean;
  /** Groups (address spaces) the data virtqueues spread over. */
  readonly dataGroups: number;
  /** Groups holding hardware virtqueues: the address spaces the platform IOMMU translates. */
  readonly translatedGroups: number;
}

/** Whether the parent's instances are PCI functions whatever the transport (ifcvf, vp_vdpa). */
function ownFunction(config: ModelConfig, transport: { readonly ownVectorTable: boolean }): boolean {
  return transport.ownVectorTable || config.limits.functionPerInstance > 0;
}

export function instanceShape(
  config: ModelConfig,
  cvq: { readonly hardwareQueues: number },
  transport: { readonly ownVectorTable: boolean },
): InstanceShape {
  const dataQueues = 2 * config.device.queuePairs;
  const queues = dataQueues + cvq.hardwareQueues;
  const groups = config.limits.vqGroups;
  const dataGroups = Math.min(dataQueues, groups >= 2 ? groups - 1 : 1);
  const cvqGroup = groups >= 2 && cvq.hardwareQueues > 0 ? 1 : 0;
  return {
    queues,
    vectors: queues + 1,
    ownVectorTable: ownFunction(config, transport),
    dataGroups,
    translatedGroups: dataGroups + cvqGroup,
  };
}

/**
 * The shape of a blk instance: its request queues, each with a vector, plus config changes;
 * with no CVQ its request queues spread over all its groups.
 */
export function blkInstanceShape(
  config: ModelConfig,
  transport: { readonly ownVectorTable: boolean },
): InstanceShape {
  const queues = config.blk.numQueues;
  const dataGroups = Math.min(queues, config.limits.vqGroups);
  return {
    queues,
    vectors: queues + 1,
    ownVectorTable: ownFunction(config, transport),
    dataGroups,
    translatedGroups: dataGroups,
  };
}
