/**
 * Sorts the first `n` entries of parallel (time, tie, slot) arrays by (time, tie), in place, by
 * insertion. Quadratic, but for the few dozen entries of one drained bucket it beats anything
 * with setup cost, and on the common nearly-sorted input (one instant's events in sequence
 * order, disturbed by a few late arrivals) it is close to linear.
 */
export function sortByKey(time: Float64Array, tie: Float64Array, slot: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const t = time[i] as number;
    const k = tie[i] as number;
    const s = slot[i] as number;
    let j = i - 1;
    while (j >= 0 && ((time[j] as number) > t || ((time[j] as number) === t && (tie[j] as number) > k))) {
      time[j + 1] = time[j] as number;
      tie[j + 1] = tie[j] as number;
      slot[j + 1] = slot[j] as number;
      j--;
    }
    time[j + 1] = t;
    tie[j + 1] = k;
    slot[j + 1] = s;
  }
}
