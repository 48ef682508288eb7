/**
 * Every virtqueue's hot state as one interleaved record of STRIDE int32 words, indexed by
 * queue id × STRIDE. An arrival, a service, a completion and an interrupt each touch several
 * of these fields of one queue chosen at random among up to 2M; as ten parallel arrays that
 * cost one cache miss per field, as one 32-byte record one miss (two queues per cache line).
 *
 * A queue's packets form one FIFO linked through the packet pool, in four consecutive blocks:
 * [unmapping][claimed by an interrupt][done, not claimed][in the device]. HEAD is the oldest
 * packet not yet handled, DEV_HEAD the first still in the device, TAIL the newest; the block
 * sizes are N_UNMAP, N_CLAIM, N_DONE and N_DEV. STATE packs the used-ring index (16 bits,
 * wrapping like virtio's) with the flags above it.
 *
 * Adding a field: give it the next free offset; past eight, STRIDE becomes 16 (one record per
 * cache line). The fields are read and written in place by the data path's hot code, so they
 * are plain offsets rather than accessors.
 */
export const HEAD = 0;
export const DEV_HEAD = 1;
export const TAIL = 2;
export const N_DEV = 3;
export const N_DONE = 4;
export const N_CLAIM = 5;
export const N_UNMAP = 6;
export const STATE = 7;
export const STRIDE = 8;

/** STATE: the used-ring index, a 16-bit counter (virtio's used->idx). */
export const USED_MASK = 0xffff;
/** STATE flag: in the ready FIFO or in service, so the driver does not kick (event-idx). */
export const DEVICE_ACTIVE = 1 << 16;
/** STATE flag: its next strict unmap is in the invalidation queue. */
export const IN_INVALIDATION = 1 << 17;
/** STATE flag: a poll of its used ring is scheduled. */
export const POLL_SCHEDULED = 1 << 18;

export class QueueTable {
  readonly rec: Int32Array;

  constructor(readonly queues: number) {
    this.rec = new Int32Array(queues * STRIDE);
    for (let b = 0; b < this.rec.length; b += STRIDE) {
      this.rec[b + HEAD] = -1;
      this.rec[b + DEV_HEAD] = -1;
      this.rec[b + TAIL] = -1;
    }
  }

  /** Packets of queue q anywhere between arrival and release: what occupies ring slots. */
  outstanding(q: number): number {
    const r = this.rec;
    const b = q * STRIDE;
    return (
      (r[b + N_DEV] as number) +
      (r[b + N_DONE] as number) +
      (r[b + N_CLAIM] as number) +
      (r[b + N_UNMAP] as number)
    );
  }
}
