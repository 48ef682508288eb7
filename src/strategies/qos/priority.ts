import type { QueueSelector } from '../../model/control/strategy-ports.js';
import { qosPolicies } from './qos-policies.js';

/** Strict priority, non-preemptive: lowest non-empty queue index first (a bitmap of non-empty queues). */
class PrioritySelector implements QueueSelector {
  private readonly nonEmpty: Uint32Array;

  constructor(queues: number) {
    this.nonEmpty = new Uint32Array(Math.ceil(queues / 32));
  }

  queueOf(requested: number): number {
    return requested;
  }

  weightOf(): number {
    return 1;
  }

  enqueued(queue: number, length: number): void {
    if (length === 1)
      this.nonEmpty[queue >>> 5] = (this.nonEmpty[queue >>> 5] as number) | (1 << (queue & 31));
  }

  pick(lengths: Int32Array): number {
    const words = this.nonEmpty;
    for (let w = 0; w < words.length; w++) {
      const bits = words[w] as number;
      if (bits === 0) continue;
      const q = w * 32 + (31 - Math.clz32(bits & -bits));
      if (lengths[q] === 1) words[w] = bits & ~(1 << (q & 31));
      return q;
    }
    throw new Error('priority pick with every admin queue empty');
  }
}

qosPolicies.register({
  kind: 'qos',
  name: 'priority',
  summary: 'queue 0 first, non-preemptive',
  description:
    'Strict priority across admin queues, queue 0 first, non-preemptive: a started command runs to completion.',
  // Per-class admin queues with strict priority at the device [[virtio-admin]].
  cite: ['virtio-admin'],
  uses: [],
  ignores: [],
  create: (adminq) => new PrioritySelector(adminq.queues),
});
