/**
 * Bounded page walkers in the packet data path (iommu.walk.concurrency = k): a miss that finds
 * k walks under way waits for the earliest to finish, so the IOTLB misses of a saturated data
 * path cannot exceed k / walk, however many engines stall on them — and the walkers, not the
 * engines, are named as the binding resource.
 *
 * Setup: 64 engines (never the limit), a 4-entry IOTLB over a 256 MiB working set of 4 KiB
 * pages (almost every access misses), a walk of exactly 4 levels × 100 ns = 400 ns (no
 * paging-structure cache), and 16 instances offering 1 Mpps each: 48 M translations/s, ≈ 20×
 * what one walker serves (2.5 M/s).
 */
import { describe, expect, it } from 'vitest';
import { runFile, scenarioFile } from '../../validation/run-yaml.js';

const WALK_NS = 400;

function scenario(walkers: number): string {
  return `name: walker-pool
seed: 7
duration: 2ms
warmup: 200us
replications: 3
parent: vp_vdpa
instances: 16
strategy: { transport: admin-vq, provisioning: admin-vq, cvq: software, isolation: rid-per-vf }
device: { engines: 64 }
iommu:
  iotlb: { entries: 4, ways: 0, pageSize: 4KiB }
  walk: { levels: 4, guestLevels: 0, memAccess: 100ns, pwcEntries: 0, concurrency: ${walkers} }
  devtlb: { entries: 0 }
interrupts:
  coalescing: { maxPackets: 0, maxUsecs: 0us }
workload:
  groups:
    - name: tenants
      share: 1
      traffic: { rate: 1Mpps, arrival: poisson, packetSize: 64B, direction: both, workingSet: 256MiB, locality: uniform }
`;
}

describe('bounded IOMMU walkers in the packet data path', () => {
  it('k walkers serve at most k / walk misses per second, saturated ≈ 20×, and bind', async () => {
    const rates: number[] = [];
    for (const k of [1, 2]) {
      const [p] = await runFile(scenarioFile(scenario(k)));
      const misses = p!.metric('iotlb_misses_per_s');
      const bound = (k / WALK_NS) * 1e9;
      // Saturated, the walkers are never idle: the miss rate sits at the bound. The tolerance is
      // the replications' 95% CI plus 2% for misses started near the window's end whose walks
      // finish after it (a 2 ms window holds 5,000 walks per walker).
      expect(misses.mean).toBeLessThanOrEqual(bound * 1.02 + misses.ci95Half);
      expect(misses.mean).toBeGreaterThanOrEqual(bound * 0.98 - misses.ci95Half);
      for (const run of p!.runs) {
        expect(run.metrics.bottleneck).toBe('iommu-walker-pool');
        expect(run.metrics.bottleneck_util as number).toBeGreaterThan(0.98);
        // Cost follows the work, not the backlog: a bounded number of events per packet offered
        // (an arrival each, most of them dropped at a full ring) or served (a service each).
        const packets = ((run.metrics.offered_pps as number) + (run.metrics.throughput_pps as number)) * 2e-3;
        expect((run.metrics.events as number) / packets).toBeLessThan(3);
      }
      rates.push(misses.mean);
    }
    // Twice the walkers, twice the misses served.
    expect(rates[1]! / rates[0]!).toBeGreaterThan(1.9);
    expect(rates[1]! / rates[0]!).toBeLessThan(2.1);
  });

  it('unbounded (the platform default), the same load walks far more than one walker could', async () => {
    const [p] = await runFile(scenarioFile(scenario(0)));
    expect(p!.metric('iotlb_misses_per_s').mean).toBeGreaterThan(4 * (1 / WALK_NS) * 1e9);
    expect(p!.runs[0]!.metrics.bottleneck).not.toBe('iommu-walker-pool');
  });
});
