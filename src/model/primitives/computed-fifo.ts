import type { ResourceMeter } from '../../stats/resource-usage.js';
import { IntRing } from './int-ring.js';
import type { ComputedResource } from './resource.js';

/**
 * Independent FIFO servers whose holding time is known when a request arrives (an IOMMU unit's
 * invalidation queue: a deterministic occupancy; an instance's hardware CVQ: a service drawn at
 * submission), so each server's queue is computed by Lindley's recursion, start =
 * max(now, server free), instead of simulated: O(1) per request, no event and no state per
 * waiter whatever the backlog (the resource protocol's computed form, resource.ts). `book`
 * returns when the request gets its server; the owner schedules what follows.
 *
 * The observable side, with a meter: each booking charges its hold (`heldNs`), its wait
 * (`queuedNs`, and the wait tally: waits are exact here, not Little's law) and the most
 * requests waiting at once for one server (`queuePeak`): the same resources.csv row a simulated
 * queue gives. For the peak each server keeps the start times of its bookings not yet started
 * (a stamped ring, pruned at each booking); without a meter nothing is kept.
 */
export class ComputedFifo implements ComputedResource {
  private readonly free: Float64Array;
  private readonly starts: IntRing[];

  constructor(
    servers: number,
    private readonly meter?: ResourceMeter,
  ) {
    this.free = new Float64Array(Math.max(1, servers));
    this.starts = meter === undefined ? [] : Array.from(this.free, () => new IntRing(16, { stamps: true }));
  }

  get servers(): number {
    return this.free.length;
  }

  book(server: number, nowNs: number, holdNs: number): number {
    const start = Math.max(nowNs, this.free[server] as number);
    this.free[server] = start + holdNs;
    if (this.meter !== undefined) this.observe(this.meter, server, nowNs, start, holdNs);
    return start;
  }

  /** The server is held for `holdNs`; the request waited for it from `nowNs` to `start`. */
  private observe(m: ResourceMeter, server: number, nowNs: number, start: number, holdNs: number): void {
    m.heldNs += holdNs;
    m.queuedNs += start - nowNs;
    m.wait.add(start - nowNs);
    const ring = this.starts[server] as IntRing;
    while (ring.length > 0 && ring.peekStamp() <= nowNs) ring.shift();
    ring.push(0, start);
    // Bookings of this server not started yet: its queue just after this one joined.
    const waiting = start > nowNs ? ring.length : 0;
    if (waiting > m.queuePeak) m.queuePeak = waiting;
  }
}
