import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultJobsFor, isSmallStudy } from '../../src/runner/default-jobs.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';

const scenario = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));

describe('default --jobs', () => {
  it('runs a study too small for worker threads in the calling thread, a real one on every core', async () => {
    // examples/tiny.yaml: 4 runs of ≤ 4 instances × 100 kpps × 0.6 ms ≈ 10^3 arrivals.
    const tiny = await loadScenario(scenario('examples/tiny.yaml'));
    expect(defaultJobsFor(tiny, 8)).toBe(1);
    // …and stays there with an explicit --jobs 1 (vdpascale run passes smallStudy to runStudy).
    expect(isSmallStudy(tiny)).toBe(true);
    // dma-isolation: 36 runs of 6 Mpps for tens of ms, far above 10^5 arrivals.
    expect(defaultJobsFor(await loadScenario(scenario('dma-isolation.yaml')), 8)).toBe(8);
    // A provisioning burst counts its instances.
    const burst = await loadScenario(scenario('quickstart.yaml'));
    expect(defaultJobsFor(burst, 8)).toBe(8);
  });
});
