/**
 * Progress inside a run, off a terminal: plain lines with the simulated time done of the
 * total, the event rate and an ETA while the (one) run is still going, from the worker's
 * shared progress lanes (runner/run-task.ts RunProgress).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSim } from '../../src/cli/run-progress.js';
import { RunProgress } from '../../src/runner/run-task.js';
import { runCli } from './cli-harness.js';
import { tempDir } from './helpers.js';

describe('progress inside a run', () => {
  it('prints plain lines while the run goes on (non-TTY)', async () => {
    const root = tempDir('vdpascale-progress-');
    const file = join(root, 'long.yaml');
    // One run of ≈ 128 K packets (128 × 200 kpps for 5 ms): long enough for several 20 ms ticks,
    // and above the 10^5 arrivals under which a --jobs 1 study stays in the calling thread
    // (progress inside a run is read from a worker thread's lanes while the run goes on).
    writeFileSync(
      file,
      [
        'name: long',
        'seed: 1',
        'duration: 5ms',
        'warmup: 0ns',
        'replications: 1',
        'parent: vp_vdpa',
        'instances: 128',
        'strategy: { transport: admin-vq, provisioning: admin-vq }',
        'workload:',
        '  groups: [{ name: tenants, share: 1, traffic: { rate: 200kpps, packetSize: 1500B } }]',
      ].join('\n'),
    );
    const r = await runCli(['run', file, '--out', join(root, 'out'), '--jobs', '1', '--no-report'], {
      resultsRoot: root,
      progressEveryMs: 20,
    });
    expect(r.code, r.err).toBe(0);
    const lines = r.err.split('\n').filter((l) => /^long: [\d.]+% of 5 ms simulated/.test(l));
    expect(lines.length, r.err).toBeGreaterThan(0);
    for (const l of lines)
      expect(l).toMatch(/\([01]\/1 runs done\), [\d.]+ [kM]? ?events\/s, ETA (\?|\d.*s|[\d.]+ h)$/);
    const inside = lines.map((l) => Number(/^long: ([\d.]+)%/.exec(l)?.[1])).filter((p) => p > 0 && p < 100);
    expect(inside.length, r.err).toBeGreaterThan(0);
  });

  it('lanes fold into the totals when a task answers', () => {
    const p = new RunProgress(2);
    p.buffer.set([0, 0, 100, 7, 50, 3]);
    expect(p.read()).toEqual({ simNs: 150, events: 10 });
    p.finish(0);
    expect(p.read()).toEqual({ simNs: 150, events: 10 });
    expect([...p.buffer]).toEqual([100, 7, 0, 0, 50, 3]);
  });

  it('formats simulated time', () => {
    expect([formatSim(850_000), formatSim(12_500_000), formatSim(3.2e9), formatSim(7.56e12)]).toEqual([
      '850 µs',
      '12.5 ms',
      '3.2 s',
      '2.1 h',
    ]);
  });
});
