import { Priority } from '../../engine/priority.js';
import type { HandlerId, Simulator } from '../../engine/simulator.js';
import type { Distribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';

/**
 * Each instance's own hardware control virtqueue: a single FIFO server per instance
 * (`device.hwCvqService` per command), so there is no cross-instance contention. Kept as one
 * "busy until" time per instance (Lindley's recursion: start = max(now, busyUntil)), which
 * needs no queue and one event per command. The device applies the whole command itself (an
 * mq-set's VQ enables included) within that service time.
 */
export class HardwareCvq {
  private readonly sim: Simulator;
  private readonly busyUntil: Float64Array;
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
    this.busyUntil = new Float64Array(instances);
    this.service = service;
    this.rng = rng;
    this.doneHandler = sim.handler('control/hw-cvq/done', onDone);
  }

  submit(id: number, instance: number): void {
    const start = Math.max(this.sim.now, this.busyUntil[instance] as number);
    const end = start + Math.round(this.service.sample(this.rng));
    this.busyUntil[instance] = end;
    this.sim.scheduleAt(end, this.doneHandler, id, Priority.HIGH);
  }
}
