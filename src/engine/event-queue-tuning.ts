/**
 * How the event queue's calendar is sized and its bucket width chosen: the constants, with the
 * measurements behind each, and the width arithmetic the queue applies when it switches to
 * buckets and when it retunes. Kept apart from the queue (event-queue.ts) so that the queue
 * file holds the data structure and this one the policy.
 *
 * The structure as a whole, bench/queue-alternatives.ts, CPU ns per pop+push against the former
 * binary heap: hold model 61 vs 116 at 1K pending, 43 vs 162 at 10K, 76 vs 470 at 1M;
 * model-like mix 62 vs 72 at 1K, 92 vs 108 at 10K, 106 vs 418 at 1M; at 40 pending about even.
 * The per-slot linked-list variant there is 10–35% faster below ~10K pending but 3.7× slower at
 * 1M (cache misses).
 */

// Ring of 2^14 buckets to start with: at the narrowest width (1 ns) it reaches 16 µs ahead, and
// at the widths a sparser queue settles on it covers the timers of the model-like workload that
// 2^12 sent to the far heap (bench/queue-alternatives.ts `mixed`: 104 vs 117 ns at 10,000
// pending, 70 vs 105 at 1,000; equal on the hold workload). Costs 192 KiB of bucket headers and
// at most one partly filled 320-byte chunk per occupied bucket.
export const RING_BITS = 14;
// The width follows the dense near-future events, so the ring's reach (size × width) can fall
// short of the timers: 10^8 arrivals/s narrow the width to 16 ns, 2^14 buckets then reach
// 262 µs, and 1 ms coalescing timers went to the far heap (62–65% of 125K pending; each costs a
// heap push and pop, and the event rate fell 2.5× within the run). So the ring doubles, at a
// tuning, while the far heap holds more entries than the ring and more than FAR_GROW_ABOVE, up
// to 2^MAX_RING_BITS buckets (12 MiB of headers, 16.8 ms of reach at 16 ns). It never shrinks:
// empty buckets cost a bit in the occupancy bitmap, skipped 32 at a time.
export const MAX_RING_BITS = 20;
export const FAR_GROW_ABOVE = 4096;
// Width tuning. The near load is the number of entries that went through the near tier per
// drain, drained from the ring or pushed straight into an already drained bucket. Every
// TUNE_EVERY drains (sooner if the load piles up), a load above NARROW_ABOVE (deep buckets cost
// sorting and heap depth) or below WIDEN_BELOW (each drain has a fixed cost; the occupancy
// bitmap makes empty buckets in between cheap) rescales the width towards TUNE_TARGET in one
// step, assuming the load is proportional to the width. The bounds are a factor 8 apart, so a
// move does not trigger the opposite one. Target 4 was measured against 3, 6, 12 and 24 (hold
// model, CPU ns per pop+push at 1,000 pending: 61–70 for 4, 80–86 for 12, 107 for 24; the
// same within noise at 10,000 pending, where the width stays 1 ns).
export const TUNE_EVERY = 64;
export const NARROW_ABOVE = 12;
export const WIDEN_BELOW = 1.5;
export const TUNE_TARGET = 4;
export const MAX_SHIFT = 40;
// Below a few dozen pending entries a plain binary heap beats the bucket bookkeeping (measured
// during development with the hold model: at 10–20 pending the heap was 5–15% faster, from
// about 40 the buckets were, with ±10% between runs on a shared machine). So the queue runs as
// the near heap alone until it holds more than RING_ABOVE entries, and goes back below
// HEAP_BELOW; the gap makes each O(n) switch pay for itself over at least ~24 operations.
export const RING_ABOVE = 32;
export const HEAP_BELOW = 8;
// A drained bucket that comes out unsorted is insertion-sorted up to this size (quadratic, but
// cheapest for the few entries the tuner aims at); beyond it, it goes into the near heap.
export const SORT_MAX = 64;

/** Where the queue keeps its entries: `ring` and `far` count entries, `ringBuckets` the ring's size. */
export interface QueueLayout {
  mode: 'heap' | 'buckets';
  widthNs: number;
  ring: number;
  far: number;
  ringBuckets: number;
}

/** The width exponent that brings a near load of `load` entries per drain to TUNE_TARGET (clamped). */
export function retunedShift(shift: number, load: number): number {
  return Math.min(MAX_SHIFT, Math.max(0, shift + Math.round(Math.log2(TUNE_TARGET / load))));
}

/**
 * The first width exponent when the queue switches to buckets, from the spacing of the earlier
 * half of the (sorted) entry times: robust to a few far timers; the tuner refines it.
 */
export function firstShift(sorted: Float64Array): number {
  const half = sorted.length >> 1;
  const gap = ((sorted[half] as number) - (sorted[0] as number)) / half;
  return Math.min(MAX_SHIFT, Math.max(0, Math.floor(Math.log2(gap * TUNE_TARGET))));
}
