/**
 * Dynamic (per-buffer) mappings as Linux makes them (iommu/iova-allocator.ts, flush-queue.ts):
 * each dma_map takes an IOVA of its own, so a buffer's translation is a new IOTLB entry, and a
 * lazy unmap's IOVA waits in its domain's flush queue until flush_iotlb_all drops the whole
 * domain [[linux-dma-iommu]]. Against static mappings with the same access pattern (same seed,
 * same page draws) the miss counts have closed forms, exact up to the window's edges:
 * - static, working set within the IOTLB: misses ≤ the distinct pages (compulsory only);
 * - strict: every buffer translation misses, the rings never do (a page-selective flush of the
 *   buffer's own IOVA): misses = buffers translated;
 * - lazy: every buffer misses, and after each domain flush each ring page misses once more:
 *   misses ∈ [buffers + R (F − 1), buffers + R F], R ring pages, F flushes in the window.
 * The model before this change re-used the page's key for a re-mapped buffer and flushed only
 * the unmapped pages: lazy was bit-identical to static.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { fixtureConfig, runDataPath } from './fixture-config.js';

const PAGES = 16; // working set: 16 pages of 4 KiB
const RING_PAGES = 6; // per queue: descriptors (4 KiB), avail ring, used ring at queue size 256
const WINDOW = 4e6;

function config(mappings: 'static' | 'dynamic', invalidation: 'strict' | 'lazy' = 'lazy'): ModelConfig {
  const c = fixtureConfig();
  c.instances = 1;
  c.strategy.isolation = 'pasid-per-instance';
  // Everything the instance touches fits the IOTLB (16 + 6 ≪ 1024 entries, LRU).
  c.iommu.iotlb = { entries: 1024, ways: 0, pageSize: 4096 };
  c.iommu.mappings = mappings;
  c.iommu.invalidation = invalidation;
  c.iommu.lazyTimeout = 1e9; // flushes only when the 256-entry queue is full
  c.interrupts.coalescing = { kind: 'static', maxPackets: 0, maxUsecs: 0 };
  const g = c.workload.groups[0];
  if (g === undefined) throw new Error('fixture');
  c.workload.groups[0] = {
    ...g,
    count: 1,
    traffic: { ...g.traffic, ratePps: 200_000, workingSet: PAGES * 4096 },
  };
  return c;
}

function measure(c: ModelConfig) {
  const r = runDataPath(c, { warmupNs: 1e6, durationNs: WINDOW });
  const p = r.dataPath.translator?.platform;
  if (p === undefined) throw new Error('no translator');
  return {
    misses: p.lookups - p.hits,
    hitRate: p.hits / p.lookups,
    buffers: r.dataPath.stats.serviced.value,
    flushes: r.dataPath.driver.lazy?.flushes ?? 0,
    sink: r.sink,
  };
}

describe('dynamic mappings: a re-mapped buffer is a new IOTLB entry', () => {
  const still = measure(config('static'));
  const strict = measure(config('dynamic', 'strict'));
  const lazy = measure(config('dynamic', 'lazy'));

  it('static: only compulsory misses once the working set is cached', () => {
    expect(still.misses).toBeLessThanOrEqual(PAGES + RING_PAGES);
  });

  it('strict: every buffer translation misses, no ring translation does', () => {
    expect(strict.misses).toBe(strict.buffers);
  });

  it('lazy: every buffer misses, and each domain flush costs the ring pages once more', () => {
    // 200 kpps over 4 ms in one domain: ≈ 800 unmaps, ≈ 3 flushes of 256.
    expect(lazy.flushes).toBeGreaterThanOrEqual(2);
    expect(lazy.misses).toBeGreaterThanOrEqual(lazy.buffers + RING_PAGES * (lazy.flushes - 1));
    expect(lazy.misses).toBeLessThanOrEqual(lazy.buffers + RING_PAGES * lazy.flushes);
  });

  it('hit rate: lazy < strict < static for the same access pattern', () => {
    expect(lazy.hitRate).toBeLessThan(strict.hitRate);
    expect(strict.hitRate).toBeLessThan(still.hitRate);
  });
});
