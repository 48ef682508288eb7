import type { AdminqConfig } from '../../model/config.js';
import type { QueueSelector } from '../../model/control/strategy-ports.js';
import { IntRing } from '../../model/primitives/int-ring.js';
import { InputError } from '../../util/errors.js';
import { qosPolicies } from './qos-policies.js';

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
  private readonly active = new IntRing();
  /** The head of `active` has received its quantum for the current visit. */
  private credited = false;

  constructor(adminq: AdminqConfig) {
    const fail = (key: string, allowed: string, value: unknown) => {
      throw new InputError(`invalid value ${String(value)}`, { path: `adminq.${key}` }, allowed);
    };
    if (adminq.weights.length !== adminq.queues)
      fail('weights', `one weight per queue (${adminq.queues}) with policy drr`, adminq.weights);
    if (!adminq.weights.every((w) => w > 0)) fail('weights', 'weights > 0', adminq.weights);
    if (!(adminq.quantum > 0)) fail('quantum', '> 0', adminq.quantum);
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

qosPolicies.register({
  kind: 'qos',
  name: 'drr',
  summary: 'deficit round robin with weights',
  description:
    'Deficit round robin over the admin queues with per-queue weights: saturated queues share the workers in proportion to their weights.',
  // Shreedhar & Varghese, "Efficient fair queueing using deficit round robin", SIGCOMM 1995.
  cite: ['shreedhar-drr-1995', 'virtio-admin'],
  uses: ['adminq.weights', 'adminq.quantum'],
  ignores: [],
  create: (adminq) => new DrrSelector(adminq),
});
