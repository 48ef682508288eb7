/**
 * A burst that ends inside the measured window has its resources measured over the burst: the
 * server that bound the burst is named, ≈ 100% busy, however long the (churning) rest of the
 * window. Setup, from the provisioning study: admin-vq CREATE through 16 admin-queue workers
 * with 100 orchestrator callers, 2,000 creations, then 20/s churn for the rest of a 60 s window
 * (the burst takes ≈ 2000 × 8.75 ms / 16 ≈ 1.1 s).
 */
import { describe, expect, it } from 'vitest';
import { runFile, scenarioFile } from '../validation/run-yaml.js';

const burst = (duration: string) => `name: burst-attribution
seed: 3
duration: ${duration}
warmup: 0s
replications: 2
parent: vp_vdpa
instances: 2000
limits: { hwVqs: 1048576, functionPerInstance: 0 } # the talk's managed instances, as in provisioning.yaml
interrupts: { delivery: exit } # shared vectors are not posted
strategy: { transport: admin-vq, cvq: hardware, isolation: none, interrupts: shared, provisioning: admin-vq }
provisioning: { start: burst, concurrency: 100, churn: { create: 20/s, destroy: 20/s } }
`;

describe('resources of a burst run', () => {
  it('are measured over the burst when it ends in the window: the workers that bound it, ≈ 100% busy', async () => {
    const [p] = await runFile(scenarioFile(burst('60s')));
    for (const run of p!.runs) {
      expect(run.metrics.bottleneck).toBe('adminq-workers');
      expect(run.metrics.bottleneck_util as number).toBeGreaterThan(0.95);
      const workers = run.resources?.find((r) => r.resource === 'adminq-workers');
      expect(workers?.utilisation).toBe(run.metrics.bottleneck_util);
      // Over the whole 60 s window the workers would be ≈ 2% busy: the burst is ≈ 1.1 s of it.
      expect(run.metrics.provision_makespan_ms as number).toBeLessThan(2000);
    }
  });

  it('are measured over the window when the burst outlasts it', async () => {
    const [p] = await runFile(scenarioFile(burst('500ms')));
    for (const run of p!.runs) {
      expect(run.warnings.some((w) => w.startsWith('provisioning burst incomplete'))).toBe(true);
      // Busy through the whole 500 ms window; the callers, all waiting for them, are as full.
      const workers = run.resources?.find((r) => r.resource === 'adminq-workers');
      expect(workers?.utilisation).toBeGreaterThan(0.95);
      expect(['adminq-workers', 'provisioning-callers']).toContain(run.metrics.bottleneck);
    }
  });
});
