/**
 * Reproductions of published control-plane timings (each scenario states the figure, its
 * source and what the model cannot capture):
 * - scenarios/reproductions/mlx5-suspend-resume.yaml: 32 serialised VQ commands, 37 ms / 16 ms;
 *   issued together (transport.vqCommands parallel), 2.5 ms suspend; the parallel resume's
 *   5 ms is not captured (the model gives its closed form, 2 rounds × 0.5 ms);
 * - scenarios/reproductions/sriov-vf-creation.yaml: serial VF creation, 125 VFs in 65 s on
 *   ConnectX-6 Lx, 64 VFs in 22 s on i40e.
 * Tolerance: the model's stated accuracy (10%; 20% for i40e on the platform default, whose
 * stated range is ±20% around it) plus 2 CI half-widths of the simulated mean.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFile } from './run-yaml.js';

const file = (name: string) =>
  fileURLToPath(new URL(`../../scenarios/reproductions/${name}`, import.meta.url));

function within(s: { mean: number; ci95Half: number }, published: number, accuracy: number, what: string) {
  const half = Number.isFinite(s.ci95Half) ? s.ci95Half : 0;
  expect(Math.abs(s.mean - published), `${what}: ${s.mean} vs ${published}`).toBeLessThanOrEqual(
    accuracy * published + 2 * half,
  );
}

describe('reproductions: control plane', () => {
  it('mlx5_vdpa suspend 37 ms and resume 16 ms of 32 VQs, serialised', async () => {
    const [suspend, resume, mix] = (await runFile(file('mlx5-suspend-resume.yaml'))).slice(0, 3);
    const us = (p: typeof suspend) => p!.metric('ctrl_latency_mean_us');
    console.log(
      `mlx5 suspend/resume (ms): suspend 37 vs ${(us(suspend).mean / 1000).toFixed(1)}, resume 16 vs ${(us(resume).mean / 1000).toFixed(1)}, mix 26.5 vs ${(us(mix).mean / 1000).toFixed(1)}`,
    );
    within(us(suspend), 37_000, 0.1, 'suspend');
    within(us(resume), 16_000, 0.1, 'resume');
    within(us(mix), (37_000 + 16_000) / 2, 0.1, 'suspend/resume mix');
  });

  it('mlx5_vdpa parallel suspend 2.5 ms of 32 VQs; the parallel resume is its closed form, not the published 5 ms', async () => {
    const [, , , suspend, resume] = await runFile(file('mlx5-suspend-resume.yaml'));
    const us = (p: typeof suspend) => p!.metric('ctrl_latency_mean_us');
    console.log(
      `mlx5 parallel suspend/resume (ms): suspend 2.5 vs ${(us(suspend).mean / 1000).toFixed(2)}, resume 5 vs ${(us(resume).mean / 1000).toFixed(2)}`,
    );
    // 32 VQ commands at once on the channel's 16 heavy slots: two rounds of 1.1 ms.
    within(us(suspend), 2_500, 0.1, 'parallel suspend');
    // Two rounds of 0.5 ms plus the host decode (5 µs): 1.005 ms, 1% + 2 CI half-widths. The
    // published 5 ms says the parallel resume has costs the serial per-command figure does not
    // show (docs/validation.md); the model cannot capture them from the published numbers.
    within(us(resume), 2 * 500 + 5, 0.01, 'parallel resume (closed form)');
  });

  it('SR-IOV VF creation: serial, 125 VFs in 65 s (ConnectX-6 Lx), 64 in 22 s (i40e)', async () => {
    const points = await runFile(file('sriov-vf-creation.yaml'));
    const makespan = (parent: string, n: number) => {
      const p = points.find((q) => q.point.config.parent === parent && q.point.config.instances === n);
      if (p === undefined) throw new Error(`no point ${parent} ${n}`);
      expect(p.metric('instances_ready').mean).toBe(n);
      return p.metric('provision_makespan_ms');
    };
    within(makespan('mlx5', 125), 65_000, 0.1, 'ConnectX-6 Lx, 125 VFs');
    within(makespan('vp_vdpa', 64), 22_000, 0.2, 'i40e, 64 VFs (platform default)');
    // Serial creation: the makespan per VF is the same at every count (to 1%).
    for (const parent of ['mlx5', 'vp_vdpa']) {
      const perVf = [4, 8, 16, 64, 125].map((n) => makespan(parent, n).mean / n);
      expect(Math.max(...perVf) / Math.min(...perVf), parent).toBeLessThan(1.01);
    }
  });
});
