/**
 * A burst that ends inside the measured window has its resources measured over the burst: the
 * server that bound the burst is named, ≈ 100% busy, however long the (churning) rest of the
 * window. Setup, from the provisioning study: admin-vq CREATE through 16 admin-queue workers
 * with 100 orchestrator callers, 2,000 creations, then 20/s churn for the rest of a 60 s window.
 * The workers would take ≈ 2000 × 8.75 ms / 16 ≈ 1.1 s, but every instance then registers
 * under the one vdpa_dev_lock for an exponential 1 ms (provisioning.netlinkService): the lock
 * binds, and the burst takes the sum of 2000 such draws, 2000 ms ± 44.7 ms (1 sd).
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
      expect(run.metrics.bottleneck).toBe('netlink-lock');
      expect(run.metrics.bottleneck_util as number).toBeGreaterThan(0.95);
      const lock = run.resources?.find((r) => r.resource === 'netlink-lock');
      expect(lock?.utilisation).toBe(run.metrics.bottleneck_util);
      // Over the whole 60 s window the lock would be ≈ 4% busy: the burst is ≈ 2 s of it.
      // 2000 ms ± 4.5 sd (± 200 ms), plus the last instance's commands after its registration.
      const makespan = run.metrics.provision_makespan_ms as number;
      expect(makespan).toBeGreaterThan(1800);
      expect(makespan).toBeLessThan(2250);
    }
  });

  it('are measured over the window when the burst outlasts it', async () => {
    const [p] = await runFile(scenarioFile(burst('500ms')));
    for (const run of p!.runs) {
      expect(run.warnings.some((w) => w.startsWith('provisioning burst incomplete'))).toBe(true);
      // Busy through the whole 500 ms window; the callers, all waiting for it, are as full.
      const lock = run.resources?.find((r) => r.resource === 'netlink-lock');
      expect(lock?.utilisation).toBeGreaterThan(0.95);
      expect(['netlink-lock', 'provisioning-callers']).toContain(run.metrics.bottleneck);
    }
  });
});
