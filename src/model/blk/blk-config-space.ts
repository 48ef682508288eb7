/**
 * What a virtio-blk driver reads of the device's configuration space at provisioning, field by
 * field, from the spec's `virtio_blk_config` layout [[virtio-blk]] for the features the model's
 * device offers (SIZE_MAX, SEG_MAX, BLK_SIZE, TOPOLOGY, MQ — vdpa_sim_blk's set
 * [[linux-vdpa-sim-blk]]). On a register transport each field is one config access of its width
 * or less; the 64-bit capacity is read as two 32-bit halves between two reads of
 * `config_generation` (the driver retries if the generation changed: a 64-bit field has no
 * atomic read). Message transports carry the whole block in one command.
 */

/** A field of virtio_blk_config the driver reads: its name, byte offset and size. */
export interface BlkConfigField {
  readonly name: string;
  readonly offset: number;
  readonly bytes: number;
}

/** The fields read at probe, in the layout's order (offsets from the spec's struct). */
export const BLK_CONFIG_READS: readonly BlkConfigField[] = [
  { name: 'capacity', offset: 0, bytes: 8 },
  { name: 'size_max', offset: 8, bytes: 4 },
  { name: 'seg_max', offset: 12, bytes: 4 },
  { name: 'blk_size', offset: 20, bytes: 4 },
  { name: 'topology.physical_block_exp', offset: 24, bytes: 1 },
  { name: 'topology.alignment_offset', offset: 25, bytes: 1 },
  { name: 'topology.min_io_size', offset: 26, bytes: 2 },
  { name: 'topology.opt_io_size', offset: 28, bytes: 4 },
  { name: 'num_queues', offset: 34, bytes: 2 },
];

/** virtio_blk_config up to the secure-erase fields (before the zoned ones): 72 bytes. */
export const BLK_CONFIG_BYTES = 72;

/** Register reads of one probe: one per ≤ 4-byte field, two per 64-bit field plus two generation reads. */
export function blkConfigReads(fields: readonly BlkConfigField[] = BLK_CONFIG_READS): number {
  let reads = 0;
  for (const f of fields) reads += f.bytes > 4 ? Math.ceil(f.bytes / 4) + 2 : 1;
  return reads;
}

/** Register reads of a runtime config read: the capacity again (a resize raises a config interrupt). */
export function blkCapacityReads(): number {
  return blkConfigReads(BLK_CONFIG_READS.slice(0, 1));
}
