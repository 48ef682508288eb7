/**
 * One FIFO lock per key (an instance), for up to 10⁵ keys without an object per key: the holder
 * flag and the head and tail of each key's waiters live in typed arrays, the waiters form a
 * linked list through `next` (indexed by id). Acquire and release are O(1), memory is
 * O(keys + waiting ids), and a key nobody contends for costs nine bytes.
 *
 * `onGrant(id)` is called when `id` holds its key's lock — synchronously from `acquire` when the
 * lock is free, otherwise from the `release` that hands it on — as in `SlotPool`.
 */
export class KeyedLocks {
  /** Ids waiting, over every key. */
  waiting = 0;
  private readonly held: Uint8Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private next: Int32Array;
  private readonly onGrant: (id: number) => void;

  constructor(keys: number, onGrant: (id: number) => void) {
    this.held = new Uint8Array(keys);
    this.head = new Int32Array(keys).fill(-1);
    this.tail = new Int32Array(keys).fill(-1);
    this.next = new Int32Array(1024);
    this.onGrant = onGrant;
  }

  acquire(key: number, id: number): void {
    if (this.held[key] === 0) {
      this.held[key] = 1;
      this.onGrant(id);
      return;
    }
    if (id >= this.next.length) this.grow(id);
    this.next[id] = -1;
    const last = this.tail[key] as number;
    if (last < 0) this.head[key] = id;
    else this.next[last] = id;
    this.tail[key] = id;
    this.waiting++;
  }

  /** The holder of `key` lets go; the oldest waiter, if any, takes the lock. */
  release(key: number): void {
    const id = this.head[key] as number;
    if (id < 0) {
      this.held[key] = 0;
      return;
    }
    const after = this.next[id] as number;
    this.head[key] = after;
    if (after < 0) this.tail[key] = -1;
    this.waiting--;
    this.onGrant(id);
  }

  private grow(id: number): void {
    let size = this.next.length;
    while (size <= id) size *= 2;
    const next = new Int32Array(size);
    next.set(this.next);
    this.next = next;
  }
}
