/**
 * Cross-field rules of block devices, checked before time zero: the parent must offer a
 * virtio-blk device, a request must fit the device's seg_max × size_max, a closed loop must fit
 * the rings, a block device has no control virtqueue for CVQ operations, and a DMA
 * microbenchmark runs on a net group.
 */
import { largestSize, maxRequestBytes, requestBytes } from '../model/blk/blk-request.js';
import { CVQ_OPS, type ModelConfig } from '../model/config.js';
import { blkBackends } from '../strategies/blk-backends/index.js';
import { formatSize } from '../util/units.js';
import { ConfigProblem } from './config-problem.js';

export function checkBlk(c: ModelConfig): void {
  const backend = blkBackends.get(c.blk.backend);
  c.workload.groups.forEach((g, i) => {
    if (g.device !== 'blk') return;
    const at = ['workload', 'groups', i];
    if (!backend.offersBlk) {
      throw new ConfigProblem(
        [...at, 'device'],
        `group '${g.name}' is a blk device, but parent ${c.parent} has no virtio-blk device (blk.backend ${backend.name}): use device: net, or a parent with a block device (vdpa_sim, vduse, ifcvf, vp_vdpa)`,
      );
    }
    if (g.dma !== undefined) {
      throw new ConfigProblem(
        [...at, 'dma'],
        `group '${g.name}' is a blk device, which issues io requests: a DMA microbenchmark (dma) runs on a net group`,
      );
    }
    const largest = requestBytes(largestSize(g.io.size), c.blk.blkSize);
    const most = maxRequestBytes(c.blk);
    if (largest > most) {
      throw new ConfigProblem(
        [...at, 'io', 'size'],
        `requests of up to ${Number.isFinite(largest) ? formatSize(largest) : 'unbounded size'} exceed the device's seg_max × size_max = ${c.blk.segMax} × ${formatSize(c.blk.sizeMax)} = ${formatSize(most)}: use a bounded size distribution within it (the guest would split larger requests), or raise blk.segMax / blk.sizeMax`,
      );
    }
    const slots = c.blk.numQueues * c.blk.queueSize;
    if (g.io.iodepth > slots) {
      throw new ConfigProblem(
        [...at, 'io', 'iodepth'],
        `iodepth ${g.io.iodepth} exceeds the ${slots} ring slots of an instance (blk.numQueues ${c.blk.numQueues} × blk.queueSize ${c.blk.queueSize}): lower it or raise those`,
      );
    }
    const cvq = Object.keys(g.control.ops).filter(
      (op) =>
        CVQ_OPS.includes(op as (typeof CVQ_OPS)[number]) &&
        (g.control.ops[op as keyof typeof g.control.ops] ?? 0) > 0,
    );
    if (g.control.rate > 0 && cvq.length > 0) {
      throw new ConfigProblem(
        [...at, 'control', 'ops'],
        `group '${g.name}' is a blk device, which has no control virtqueue: ${cvq.join(', ')} cannot be issued (use config-read, status-read, generation-read)`,
      );
    }
  });
}
