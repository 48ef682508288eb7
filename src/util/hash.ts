/**
 * Small, dependency-free hashes. Used to derive random-stream seeds from stable names and to
 * build result fingerprints; neither needs cryptographic strength, both need to be identical on
 * every platform and Node version (pure integer arithmetic, no floating point).
 */

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Final avalanche of a 32-bit value (murmur3 fmix32): spreads nearby inputs apart. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a running 32-bit hash with one more 32-bit word (order-sensitive). */
export function combine32(h: number, word: number): number {
  return mix32((Math.imul(h ^ (word >>> 0), 0x9e3779b1) + 0x7f4a7c15) >>> 0);
}

/**
 * A 53-bit string hash (two independent 32-bit lanes), exact in a double. Used where 32 bits
 * would make collisions plausible, e.g. scenario hashes compared across many files.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Hex form of `hash53`, fixed width (14 hex digits). */
export function hash53Hex(text: string): string {
  return hash53(text).toString(16).padStart(14, '0');
}
