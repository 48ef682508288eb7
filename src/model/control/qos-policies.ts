/**
 * Admin-queue arbitration policies (model.md §2 "Admin VQ contention and QoS"). The spec's hook
 * is several admin queues: FIFO with head-of-line blocking inside one queue, free arbitration
 * across queues (facts.md §1 "Ordering rules", §6 "Spec-level QoS hooks"). A policy only picks
 * which non-empty queue a free worker serves next; the `AdminQueue` keeps the queues.
 */
import type { AdminqConfig } from '../config.js';
import { IntQueue } from './int-queue.js';
import type { QosPolicy, QueueSelector } from './strategy-ports.js';

export const FIFO: QosPolicy = {
  name: 'fifo',
  description: 'One admin queue shared by every tenant, served in arrival order (head-of-line blocking).',
  sources: ['facts.md §1 "Ordering rules" (in order within one AVQ)'],
  create: (): QueueSelector => ({
    queueOf: () => 0,
    weightOf: () => 1,
    enqueued: () => {},
    pick: () => 0,
  }),
};

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

export const PRIORITY: QosPolicy = {
  name: 'priority',
  description:
    'Strict priority across admin queues, queue 0 first, non-preemptive: a started command runs to completion.',
  sources: ['facts.md §6 "Spec-level QoS hooks" (per-class AVQs, strict priority at the device)'],
  create: (adminq) => new PrioritySelector(adminq.queues),
};

/**
 * Deficit round robin (Shreedhar & Varghese, SIGCOMM 1995) with unit command cost: each visit
 * to a backlogged queue adds `quantum × weight` to its deficit; it is served while the deficit
 * covers one command; a queue that empties leaves the round and forfeits its deficit. With
 * every queue backlogged, queue q receives weight_q / Σ weights of the commands.
 */
class DrrSelector implements QueueSelector {
  private readonly credit: Float64Array;
  private readonly weights: readonly number[];
  private readonly deficit: Float64Array;
  private readonly active = new IntQueue();
  /** The head of `active` has received its quantum for the current visit. */
  private credited = false;

  constructor(adminq: AdminqConfig) {
    this.weights = adminq.weights;
    this.credit = Float64Array.from(adminq.weights, (w) => w * adminq.quantum);
    this.deficit = new Float64Array(adminq.queues);
  }

  queueOf(requested: number): number {
    return requested;
  }

  weightOf(queue: number): number {
    return this.weights[queue] as number;
  }

  enqueued(queue: number, length: number): void {
    if (length === 1) this.active.push(queue);
  }

  pick(lengths: Int32Array): number {
    for (;;) {
      const q = this.active.peek();
      if (q < 0) throw new Error('drr pick with every admin queue empty');
      if (!this.credited) {
        this.deficit[q] = (this.deficit[q] as number) + (this.credit[q] as number);
        this.credited = true;
      }
      // A tiny tolerance keeps fractional quanta (e.g. 3 × 1/3) from losing a turn to rounding.
      if ((this.deficit[q] as number) >= 1 - 1e-9) {
        this.deficit[q] = (this.deficit[q] as number) - 1;
        if (lengths[q] === 1) {
          this.active.shift();
          this.deficit[q] = 0;
          this.credited = false;
        }
        return q;
      }
      this.active.shift();
      this.active.push(q);
      this.credited = false;
    }
  }
}

export const DRR: QosPolicy = {
  name: 'drr',
  description:
    'Deficit round robin over the admin queues with per-queue weights: saturated queues share the workers in proportion to their weights.',
  sources: [
    'Shreedhar & Varghese, "Efficient fair queueing using deficit round robin", SIGCOMM 1995',
    'facts.md §6 "Spec-level QoS hooks"',
  ],
  create: (adminq) => new DrrSelector(adminq),
};

export const QOS_POLICIES: readonly QosPolicy[] = [FIFO, PRIORITY, DRR];

export function qosPolicy(name: string): QosPolicy {
  const policy = QOS_POLICIES.find((p) => p.name === name);
  if (policy === undefined) throw new Error(`no admin-queue policy '${name}'`);
  return policy;
}
