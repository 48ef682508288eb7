/**
 * The resource protocol every shared, limited thing in the model follows (SimPy's
 * `resources/base.py` shape: a request queue served in order, with a hook when a request is
 * granted): an id asks for one unit; it is granted at once when a unit is free and nobody waits,
 * otherwise it queues FIFO and the release that frees a unit hands it to the oldest waiter.
 * Grants are callbacks, not events, so a grant costs no event and a release can chain further
 * requests synchronously. Ids index the owner's typed-array tables; nothing is allocated per
 * request.
 *
 * Two forms, one observable side (a `ResourceMeter`: units held, requests waiting, their waits):
 * - simulated, `Resource`: `SlotPool` (a counting semaphore, optionally with a throttled
 *   sub-pool) and `Station` (a pool whose holders keep their unit for a sampled time, then
 *   leave: a FIFO multi-server queue). Used by the admin queue (its rings and sync-mode
 *   mutexes), the control plane's transports, callers and locks, the blk back-ends;
 * - computed, `ComputedResource`, where the holding time is known when the request arrives, so
 *   the FIFO is Lindley's recursion and costs O(1) per request whatever the backlog:
 *   `ComputedFifo` (computed-fifo.ts), used by the IOMMU's invalidation queues and the hardware
 *   CVQ. The data path's engine pool is the same form kept inline for speed (engines.ts): its
 *   serial work is booked ahead on the engine that frees first and charged to its meter in
 *   time, its ready FIFO of queues (an IntRing) feeds the meter's queue level.
 * The admin device's workers are arbitrated, not FIFO (the QoS policy picks the next command
 * when a worker frees, admin-device.ts): they keep their own counts and feed a meter too.
 */
export interface Resource {
  /** Units held now. */
  readonly inUse: number;
  /** Requests waiting for a unit. */
  readonly queued: number;
  /** Asks one unit for `id` (`heavy`: it also needs a throttle token where there is one). */
  acquire(id: number, heavy: boolean): void;
  /** Gives back one unit (and a heavy holder's token); the oldest waiter is granted it. */
  release(heavy: boolean): void;
}

/**
 * The computed form: `book` takes the request's holding time and returns when it gets its
 * server (≥ nowNs) instead of calling a hook; the owner schedules what follows.
 */
export interface ComputedResource {
  /** Independent servers (each its own FIFO). */
  readonly servers: number;
  /** A request for `server` at `nowNs` holding it `holdNs`: its start time. */
  book(server: number, nowNs: number, holdNs: number): number;
}
