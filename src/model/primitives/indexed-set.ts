/**
 * A set of instance ids in [0, capacity) with O(1) add, delete, membership and uniform random
 * pick: a dense array of members plus each id's position in it (swap-remove on delete). Churn
 * picks a random READY instance to destroy and a random ABSENT one to re-create with it; the
 * data and blk paths keep their active (DRIVER_OK) instances in one.
 */
export class IndexedSet {
  private readonly members: Int32Array;
  private readonly position: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.members = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  has(id: number): boolean {
    return (this.position[id] as number) >= 0;
  }

  /** Adds `id`; false when it was a member already. */
  add(id: number): boolean {
    if (this.has(id)) return false;
    this.members[this.count] = id;
    this.position[id] = this.count++;
    return true;
  }

  /** Removes `id`; false when it was not a member. */
  delete(id: number): boolean {
    const at = this.position[id] as number;
    if (at < 0) return false;
    const last = this.members[--this.count] as number;
    this.members[at] = last;
    this.position[last] = at;
    this.position[id] = -1;
    return true;
  }

  /** The member at index k of the dense order (0 ≤ k < size): pick with `rng.below(size)`. */
  at(k: number): number {
    return this.members[k] as number;
  }
}
