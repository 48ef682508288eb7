/** The typed arrays the model grows as a run needs more room (per-request tables). */
export type GrowableArray = Int32Array | Uint8Array | Float64Array;

/**
 * A copy of `table` with twice its length, the new half zero: a per-request table that follows
 * its pool's growth (doubling keeps the copying amortised O(1) per entry).
 */
export function doubled<T extends GrowableArray>(table: T): T {
  const bigger = new (table.constructor as new (length: number) => T)(Math.max(1, table.length * 2));
  bigger.set(table);
  return bigger;
}
