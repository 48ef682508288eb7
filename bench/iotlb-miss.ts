/**
 * Cost of an IOTLB miss (never a timed test): `npx tsx bench/iotlb-miss.ts [ENTRIES]` (default
 * 64, the platform IOTLB; 2048 is the software IOTLB's size). 12 × 2^20 lookups of random keys
 * spread over 100,000 contexts × 4096 pages, so every lookup misses, fills and evicts the LRU
 * entry — the data-path benchmark's pattern (100K instances share one 64-entry IOTLB: 12
 * lookups per packet, hit rate 0). Prints ns per lookup, best of 5 rounds.
 */
import { Iotlb } from '../src/model/iommu/iotlb.js';

const entries = Number(process.argv[2] ?? 64);
const t = new Iotlb(entries, 0);
let x = 123456789;
const keys = new Float64Array(1 << 20);
for (let i = 0; i < keys.length; i++) {
  x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  keys[i] = (x % 100_000) * 4294967296 + (x & 0xfff);
}
let best = Number.POSITIVE_INFINITY;
let hits = 0;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  for (let k = 0; k < 12; k++) for (let i = 0; i < keys.length; i++) if (t.access(keys[i] as number)) hits++;
  best = Math.min(best, ((performance.now() - t0) * 1e6) / (12 * keys.length));
}
console.log(`iotlb miss: ${entries} entries, ${best.toFixed(1)} ns per lookup (best of 5; ${hits} hits)`);
