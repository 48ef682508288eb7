import { vectorsAvailable } from '../../model/interrupts/vectors.js';
import { interruptModes } from './interrupt-modes.js';

interruptModes.register({
  kind: 'interrupts',
  name: 'shared',
  summary: 'vectors shared by queues',
  description:
    'Queues share vectors (sharers = ⌈queues / vectors available⌉); the handler checks every sharer’s used ring, costing CPU and latency per interrupt.',
  // Linux falls back to one shared VQ vector when the device answers NO_VECTOR [[virtio-pci]];
  // ifcvf offers a shared-VQ MSI-X mode [[linux-ifcvf]].
  cite: ['virtio-pci', 'linux-ifcvf'],
  uses: ['interrupts.sharerCheck'],
  ignores: [],
  delivers: true,
  programming: 'vector',
  // ⌈queues needing vectors / vectors available⌉ over the instances drawing from one table
  // (`instances` of them on the parent function, or one on its own VF).
  sharersPerVector(config, shape, instances) {
    const perTable = shape.ownVectorTable ? 1 : Math.max(1, instances);
    const available = Math.max(1, vectorsAvailable(config, shape));
    return Math.max(1, Math.ceil((perTable * shape.queues) / available));
  },
  // Every table entry is in use once the instances outnumber it (capped by the table sizes).
  vectorsUsed(config, shape, active) {
    if (shape.ownVectorTable) return active * Math.min(shape.vectors, config.limits.msixPerVf);
    return Math.min(active * shape.vectors, config.limits.msixPerFunction);
  },
  handlerExtraNs: (config, sharers) => sharers * config.interrupts.sharerCheck,
  // Shared vectors are allocated once per table, not per instance: no per-instance draw.
  draws: () => ({}),
});
