import { Priority } from '../../engine/priority.js';
import type { HandlerId, Simulator } from '../../engine/simulator.js';
import type { Distribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';
import { ComputedFifo } from '../primitives/computed-fifo.js';

/**
 * Each instance's own hardware control virtqueue: a single FIFO server per instance
 * (`device.hwCvqService` per command), so there is no cross-instance contention. The service is
 * drawn at submission, so each instance's queue is computed, not simulated (a `ComputedFifo`,
 * the resource protocol's computed form: Lindley's recursion, no queue state and one event per
 * command). The device applies the whole command itself (an mq-set's VQ enables included)
 * within that service time.
 *
 * Unmetered on purpose: a server per instance is never a shared resource, so it has no row in
 * resources.csv and cannot be a run's bottleneck; its waits show in the control operations'
 * latency.
 */
export class HardwareCvq {
  private readonly sim: Simulator;
  private readonly servers: ComputedFifo;
  private readonly service: Distribution;
  private readonly rng: RandomStream;
  private readonly doneHandler: HandlerId;

  /** @param onDone called with the `id` given to `submit` when its command completes */
  constructor(
    sim: Simulator,
    instances: number,
    service: Distribution,
    rng: RandomStream,
    onDone: (id: number) => void,
  ) {
    this.sim = sim;
    this.servers = new ComputedFifo(instances);
    this.service = service;
    this.rng = rng;
    this.doneHandler = sim.handler('control/hw-cvq/done', onDone);
  }

  submit(id: number, instance: number): void {
    const now = this.sim.now;
    const hold = Math.round(this.service.sample(this.rng));
    const end = this.servers.book(instance, now, hold) + hold;
    this.sim.scheduleAt(end, this.doneHandler, id, Priority.HIGH);
  }
}
