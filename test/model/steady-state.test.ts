/**
 * The steady-state check (model/run-slices.ts): a run whose queue rises through the measured
 * window while its servers are saturated is flagged, on the terminal and in the manifest (which
 * the report lists); a loaded but stable run is not; slicing the run changes no event.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type RunWatch, verdicts } from '../../src/model/run-slices.js';
import { captureIO } from '../runner/cli-harness.js';
import { tempDir } from '../runner/helpers.js';

const probe = { what: 'packets', utilisation: 'engine_util', backlog: () => 0 };
const watch = (start: number, middle: number, end: number, firstRate = 1, lastRate = 1): RunWatch => ({
  queues: [{ probe, start, middle, end }],
  firstRate,
  lastRate,
});

describe('verdicts', () => {
  it('a saturated, rising queue is not in steady state', () => {
    expect(verdicts(watch(0, 500, 1000), { engine_util: 1 })).toEqual([
      expect.stringMatching(/^not in steady state: packets rose/),
    ]);
  });
  it('busy but level, or rising while the servers idle, or a small rise: no verdict', () => {
    expect(verdicts(watch(500, 480, 510), { engine_util: 1 })).toEqual([]);
    expect(verdicts(watch(0, 500, 1000), { engine_util: 0.9 })).toEqual([]);
    expect(verdicts(watch(1, 3, 8), { engine_util: 1 })).toEqual([]);
    expect(verdicts(watch(0, 700, 600), { engine_util: 1 })).toEqual([]);
  });
  it('an event rate that grows tenfold is said', () => {
    expect(verdicts(watch(0, 0, 0, 100, 999), {})).toEqual([]);
    expect(verdicts(watch(0, 0, 0, 100, 1000), {})).toEqual([
      expect.stringMatching(/^events per simulated ms grew ≥ 10×/),
    ]);
  });
});

describe('an overloaded data path', () => {
  const root = tempDir('vdpascale-steady-');
  const scenario = (name: string, instances: number, rate: string, parent = 'vp_vdpa') => {
    const file = join(root, `${name}.yaml`);
    writeFileSync(
      file,
      [
        `name: ${name}`,
        'seed: 1',
        'duration: 200us',
        'warmup: 20us',
        'replications: 2',
        `parent: ${parent}`,
        `instances: ${instances}`,
        'strategy: { transport: admin-vq, provisioning: admin-vq }',
        'workload:',
        `  groups: [{ name: tenants, share: 1, traffic: { rate: ${rate}, packetSize: 1500B, direction: both } }]`,
      ].join('\n'),
    );
    return file;
  };
  const run = async (file: string, out: string) => {
    const io = captureIO();
    const code = await main(['run', file, '--out', out, '--no-report'], io);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { warnings: string[] };
    const runs = readFileSync(join(out, 'runs.csv'), 'utf8').trimEnd().split('\n');
    const col = runs[0]!.split(',').indexOf('engine_util');
    return { code, err: io.errText.join('\n'), manifest, util: Number(runs[1]!.split(',')[col]) };
  };

  // vp_vdpa's 8 engines do at least 100 ns + 1500 B × 0.28 ns/B = 520 ns of serial work per
  // packet, so they serve at most 8 / 520 ns ≈ 15.4 Mpps; 64 × 1 Mpps offers 64 Mpps (≥ 4×).
  // Each engine prefetches its next turn while it works, so a backlogged engine never waits for
  // descriptors and its util reaches 1.
  it("offered ≥ 4× what a hardware parent's engines serve (64 × 1 Mpps on vp_vdpa) saturates them and is flagged", async () => {
    const r = await run(scenario('hw-overload', 64, '1000kpps'), join(root, 'hw-overload'));
    expect(r.code, r.err).toBe(0);
    expect(r.util).toBeGreaterThanOrEqual(0.99);
    expect(r.util).toBeLessThanOrEqual(1);
    expect(
      r.manifest.warnings.some((w) => w.startsWith('not in steady state: data-path packets in flight rose')),
    ).toBe(true);
  });

  // vdpa_sim's 4 host threads carry ≈ 1.8 Mpps of 1500 B (docs/findings-data-path.md, parents).
  it('offered ≈ 1.8× what the 4 vdpa_sim threads serve (64 × 50 kpps against ≈ 1.8 Mpps) is flagged on the terminal and in the manifest', async () => {
    const r = await run(scenario('overload', 64, '50kpps', 'vdpa_sim'), join(root, 'overload'));
    expect(r.code, r.err).toBe(0);
    expect(r.util).toBeGreaterThanOrEqual(0.99);
    const note = r.manifest.warnings.find((w) =>
      w.startsWith('not in steady state: data-path packets in flight rose'),
    );
    expect(note).toMatch(/latency is bounded by the window.*\(2 of 2 runs\)$/);
    expect(r.err).toContain(`overload: warning: ${note}`);
  });

  it('a light load (16 × 10 kpps) is not', async () => {
    const r = await run(scenario('light', 16, '10kpps'), join(root, 'light'));
    expect(r.code, r.err).toBe(0);
    expect(r.util).toBeLessThan(0.5);
    expect(r.manifest.warnings.filter((w) => w.includes('steady state'))).toEqual([]);
  });
});
