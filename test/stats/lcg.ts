/**
 * Tiny deterministic generator for tests (Numerical Recipes LCG constants, 32-bit state).
 * Tests must not use Math.random so failures reproduce exactly.
 */
export function makeLcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}
