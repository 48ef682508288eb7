/**
 * A FIFO of integer ids (commands, operations) in a growable power-of-two ring buffer: O(1)
 * push and shift, no allocation per element. Queues in the control plane hold ids into the
 * typed-array tables, never objects.
 */
export class IntQueue {
  private buf: Int32Array;
  private mask: number;
  private head = 0;
  private size = 0;

  constructor(initialCapacity = 16) {
    let cap = 4;
    while (cap < initialCapacity) cap *= 2;
    this.buf = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get length(): number {
    return this.size;
  }

  push(id: number): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & this.mask] = id;
    this.size++;
  }

  /** Removes and returns the oldest id; -1 when empty. */
  shift(): number {
    if (this.size === 0) return -1;
    const id = this.buf[this.head] as number;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return id;
  }

  /** The oldest id without removing it; -1 when empty. */
  peek(): number {
    return this.size === 0 ? -1 : (this.buf[this.head] as number);
  }

  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) & this.mask] as number;
    this.buf = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}
