/**
 * What a virtio-blk backend means to the model (the backends themselves are strategy objects in
 * src/strategies/blk-backends/): whether the parent offers a block device at all, whether the
 * backend's work runs on host cores, and how long one request holds one of its `blk.workers`.
 */
import type { BlkConfig, DeviceConfig } from '../config.js';

/** What one request brings to its backend worker. */
export interface BlkWork {
  /** Data bytes of the request. */
  readonly bytes: number;
  /** The request's own draw of `blk.service` (ns). */
  readonly serviceNs: number;
  /** It found the backend idle: the worker must be woken. */
  readonly woke: boolean;
}

export interface BlkBackendMode {
  readonly name: string;
  /** False: the parent has no virtio-blk device, and a blk group is refused before time zero. */
  readonly offersBlk: boolean;
  /** Its work runs on host cores (charged as host CPU time). */
  readonly onHost: boolean;
  /** Time (ns) one request holds a worker, translation stalls excluded. */
  holdNs(blk: BlkConfig, device: DeviceConfig, work: BlkWork): number;
}
