import { Priority } from '../../engine/priority.js';
import type { HandlerId, Simulator } from '../../engine/simulator.js';
import type { ResourceMeter } from '../../stats/resource-usage.js';
import { SlotPool } from './slot-pool.js';

/** What a station asks its owner about each id it serves. */
export interface StationHooks {
  /** Time `id` holds its slot, sampled when it obtains it (ns). */
  holdNs(id: number): number;
  /** Whether `id` needs a throttle token as well as a slot. */
  heavy(id: number): boolean;
  /** `id` released its slot at the current time. */
  done(id: number): void;
}

/**
 * A FIFO multi-server station: a `SlotPool` (the resource protocol, resource.ts) whose holders
 * keep their slot for a time chosen when they obtain it, then leave. One completion event per
 * served id (argument = the id, handler `doneName`), at priority HIGH so that a freed slot is
 * handed on before new arrivals at the same instant. The next holder's time is sampled before
 * `done` runs for the one leaving.
 */
export class Station {
  readonly pool: SlotPool;
  private readonly sim: Simulator;
  private readonly hooks: StationHooks;
  private readonly doneHandler: HandlerId;

  constructor(
    sim: Simulator,
    doneName: string,
    slots: number,
    throttledSlots: number,
    hooks: StationHooks,
    meter?: ResourceMeter,
  ) {
    this.sim = sim;
    this.hooks = hooks;
    const metered = meter === undefined ? undefined : { meter, clock: sim };
    this.pool = new SlotPool(slots, throttledSlots, (id) => this.start(id), metered);
    this.doneHandler = sim.handler(doneName, (id) => this.finish(id));
  }

  /** Ids holding a slot (in service) or waiting for one. */
  get length(): number {
    return this.pool.inUse + this.pool.queued;
  }

  submit(id: number): void {
    this.pool.acquire(id, this.hooks.heavy(id));
  }

  private start(id: number): void {
    this.sim.schedule(this.hooks.holdNs(id), this.doneHandler, id, Priority.HIGH);
  }

  private finish(id: number): void {
    this.pool.release(this.hooks.heavy(id));
    this.hooks.done(id);
  }
}
