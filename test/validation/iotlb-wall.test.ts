/**
 * The IOTLB wall at 200 Gb/s (scenarios/reproductions/iotlb-wall.yaml; Farshin et al. 2023
 * [[farshin-iotlb-2023]]): what the model predicts for it, and why it does not reproduce the
 * published loss (docs/validation.md). Held here: the walkers' utilisation is its closed form
 * (misses/s × levels × memAccess / walkers) within the replications' CI, 2 MiB pages never
 * miss and carry at least what 4 KiB pages do, and — the reason the wall does not appear — the
 * 4 KiB walkers stay below saturation, so the DMA tags hide the walks.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/stats/confidence.js';
import { runFile } from './run-yaml.js';

const file = fileURLToPath(new URL('../../scenarios/reproductions/iotlb-wall.yaml', import.meta.url));
const WALK_NS = 4 * 63; // the scenario's walk: 4 levels of 63 ns
const WALKERS = 5;

describe('reproduction attempt: the IOTLB wall at 200 Gb/s', () => {
  it('4 KiB walkers busy misses × walk / k (below 1); 2 MiB never misses and carries at least as much', async () => {
    const [small, huge] = await runFile(file);
    const walkerUse = summarize(
      small!.runs.map(
        (r) => r.resources?.find((u) => u.resource === 'iommu-walker-pool')?.utilisation ?? Number.NaN,
      ),
    );
    const misses = small!.metric('iotlb_misses_per_s');
    const expected = (misses.mean * 1e-9 * WALK_NS) / WALKERS;
    const gbps = (p: typeof small) => p!.metric('throughput_gbps').mean;
    console.log(
      `IOTLB wall: 4 KiB ${gbps(small).toFixed(1)} Gb/s (hit ${small!.metric('iotlb_hit_rate').mean.toFixed(3)}, walkers ${walkerUse.mean.toFixed(3)}), 2 MiB ${gbps(huge).toFixed(1)} Gb/s: loss ${(100 * (1 - gbps(small) / gbps(huge))).toFixed(1)}% (published: up to 20%)`,
    );
    // Each miss is one walk of WALK_NS on one of the 5 walkers: utilisation is its closed form
    // within 2 CI half-widths of the measured mean (plus 1% for walks straddling the window's ends).
    expect(Math.abs(walkerUse.mean - expected)).toBeLessThanOrEqual(2 * walkerUse.ci95Half + 0.01 * expected);
    // Below saturation: the reason no wall appears (a walk delays a DMA, 32 tags hide it).
    expect(walkerUse.mean).toBeLessThan(1);
    expect(huge!.metric('iotlb_hit_rate').mean).toBe(1);
    const ci = huge!.metric('throughput_gbps').ci95Half + small!.metric('throughput_gbps').ci95Half;
    expect(gbps(huge)).toBeGreaterThanOrEqual(gbps(small) - ci);
  });
});
