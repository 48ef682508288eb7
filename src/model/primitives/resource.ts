/**
 * The resource protocol every shared, limited thing in the model follows (SimPy's
 * `resources/base.py` shape: a request queue served in order, with a hook when a request is
 * granted): an id asks for one unit; it is granted at once when a unit is free and nobody waits,
 * otherwise it queues FIFO and the release that frees a unit hands it to the oldest waiter.
 * Grants are callbacks, not events, so a grant costs no event and a release can chain further
 * requests synchronously. Ids index the owner's typed-array tables; nothing is allocated per
 * request.
 *
 * Implementations: `SlotPool` (a counting semaphore, optionally with a throttled sub-pool), and
 * `Station` (a pool whose holders keep their unit for a sampled time, then leave: a FIFO
 * multi-server queue). Used by the admin queue (its rings and sync-mode mutexes), the control
 * plane's transports, callers and locks. The IOMMU's invalidation queue keeps its own stamped
 * ring (primitives/int-ring.ts) because its meter records each job's exact wait, where a
 * metered pool derives the mean wait by Little's law.
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
