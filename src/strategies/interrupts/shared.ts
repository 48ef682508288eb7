import type { ModelConfig } from '../../model/config.js';
import type { InstanceShape } from '../../model/instance-shape.js';
import { vectorsAvailable } from '../../model/interrupts/vectors.js';
import { interruptModes } from './interrupt-modes.js';

/**
 * ⌈queues needing vectors / vectors available⌉ over the instances drawing from one table
 * (`instances` of them on the parent function, or one on its own VF).
 */
function sharers(config: ModelConfig, shape: InstanceShape, instances: number): number {
  const perTable = shape.ownVectorTable ? 1 : Math.max(1, instances);
  const available = Math.max(1, vectorsAvailable(config, shape));
  return Math.max(1, Math.ceil((perTable * shape.queues) / available));
}

interruptModes.register({
  kind: 'interrupts',
  name: 'shared',
  summary: 'vectors shared by queues',
  description:
    'Queues share vectors (sharers = ⌈queues / vectors available⌉); the host’s shared handler checks every sharer’s used ring before signalling the guest, costing host CPU and latency per interrupt; a shared vector cannot be posted to a guest.',
  // Linux falls back to one shared VQ vector when the device answers NO_VECTOR [[virtio-pci]];
  // ifcvf's shared-VQ MSI-X mode walks every VQ in its handler and offers no VQ IRQ for bypass
  // [[linux-ifcvf-main]]; vhost-vdpa posts only a VQ's own IRQ [[linux-vhost-vdpa]].
  cite: ['virtio-pci', 'linux-ifcvf', 'linux-ifcvf-main', 'linux-vhost-vdpa', 'linux-kvm-posted-irq'],
  uses: ['interrupts.sharerCheck'],
  ignores: [],
  delivers: true,
  programming: 'vector',
  sharersPerVector: sharers,
  // Every table entry is in use once the instances outnumber it (capped by the table sizes).
  vectorsUsed(config, shape, active) {
    if (shape.ownVectorTable) return active * Math.min(shape.vectors, config.limits.msixPerVf);
    return Math.min(active * shape.vectors, config.limits.msixPerFunction);
  },
  // A dedicated vector (one sharer) needs no scan.
  scanNs: (config, n) => (n > 1 ? n * config.interrupts.sharerCheck : 0),
  // Posting needs one host IRQ per guest vector: irqbypass connects one producer to one
  // consumer, and a parent offers a VQ's IRQ only when the VQ has its own vector
  // (ifcvf_vdpa_get_vq_irq, vhost_vdpa_setup_vq_irq).
  conflict(config, shape) {
    const n = sharers(config, shape, config.instances);
    if (config.interrupts.delivery !== 'posted' || n <= 1) return undefined;
    const alone = shape.ownVectorTable
      ? ''
      : `, or at most ${Math.floor(vectorsAvailable(config, shape) / shape.queues)} instances (a vector each)`;
    return {
      path: 'interrupts.delivery',
      problem: `${config.instances} instances share each vector among ${n} queues, and a shared vector cannot be posted to a guest: the host's handler must find the queues with work and signal each (irqbypass posts one host IRQ to one guest vector)`,
      instead: `interrupts.delivery: exit, strategy.interrupts msix or msi-store (a vector per queue)${alone}`,
    };
  },
  // Shared vectors are allocated once per table, not per instance: no per-instance draw.
  draws: () => ({}),
});
