/**
 * `vdpascale calibrate` recovers parameters from a curve the simulator itself generated with
 * other seeds (IOTLB entries 128, walk access 90 ns), within the 95% profile-likelihood
 * intervals it reports; and it refuses bad measured files with exit 2, file, line and column,
 * writing nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../runner/cli-harness.js';
import { tempDir } from '../runner/helpers.js';
import { runFile, scenarioFile } from './run-yaml.js';

const WINDOWS = ['256KiB', '512KiB', '1MiB', '2MiB', '4MiB', '16MiB'];

function scenario(seed: number, entries: number, memAccess: number): string {
  return `
name: calibrate-recovery
seed: ${seed}
duration: 500us
replications: 2
parent: vp_vdpa
instances: 1
strategy: { isolation: rid-per-vf }
device: { dmaRead: 600ns, enginePerByte: 0ns/B }
iommu:
  iotlb: { entries: ${entries}, ways: 0, pageSize: 4KiB }
  walk: { levels: 4, memAccess: ${memAccess}ns, pwcEntries: 0, concurrency: 0 }
workload:
  groups:
    - name: bench
      dma: { op: read, size: 64B, window: 4KiB, pattern: random, outstanding: 16, cache: cold }
sweep:
  grid:
    workload.groups[0].dma.window: [${WINDOWS.join(', ')}]
`;
}

async function cli(argv: string[]) {
  const io = captureIO();
  const code = await main(argv, io);
  return { code, out: io.outText.join('\n'), err: io.errText.join('\n') };
}

describe('vdpascale calibrate', () => {
  it('recovers IOTLB entries 128 and walk access 90 ns from data of other seeds, within its intervals', async () => {
    // The "measured" curve: the simulator at the true values, seed 2.
    const truth = await runFile(scenarioFile(scenario(2, 128, 90)));
    const root = tempDir('vdpascale-calibrate-');
    const data = join(root, 'measured.csv');
    writeFileSync(
      data,
      [
        'workload_groups_0_dma_window,dma_transactions_per_s',
        ...truth.map((p, i) => `${WINDOWS[i]},${p.metric('dma_transactions_per_s').mean}`),
      ].join('\n'),
    );
    // The fit: the same scenario at other values, seed 1.
    const file = join(root, 'scenario.yaml');
    writeFileSync(file, scenario(1, 64, 75));
    const out = join(root, 'fit');
    const r = await cli([
      'calibrate',
      file,
      '--data',
      data,
      '--metric',
      'dma_transactions_per_s',
      '--fit',
      'iommu.iotlb.entries=32..256',
      '--fit',
      'iommu.walk.memAccess=50ns..150ns',
      '--out',
      out,
      '--jobs',
      '2',
      '--quiet',
      '--no-report',
    ]);
    expect(r.code, r.err).toBe(0);
    const fit = JSON.parse(readFileSync(join(out, 'calibration.json'), 'utf8')) as {
      params: { path: string; value: number; ci95: [number, number] }[];
    };
    const [entries, mem] = fit.params;
    console.log(`calibrate recovery: ${r.out.split('\n').slice(0, 3).join(' | ')}`);
    expect(entries!.ci95[0]).toBeLessThanOrEqual(128);
    expect(entries!.ci95[1]).toBeGreaterThanOrEqual(128);
    expect(mem!.ci95[0]).toBeLessThanOrEqual(90);
    expect(mem!.ci95[1]).toBeGreaterThanOrEqual(90);
    // An interval that says something: narrower than a quarter of the search range.
    expect(entries!.ci95[1] - entries!.ci95[0]).toBeLessThan((256 - 32) / 4);
    expect(mem!.ci95[1] - mem!.ci95[0]).toBeLessThan((150 - 50) / 4);
    // The overlay a scenario can extend.
    const overlay = readFileSync(join(out, 'calibration.yaml'), 'utf8');
    expect(overlay).toMatch(new RegExp(`entries: ${entries!.value}\\b`));
    expect(overlay).toMatch(new RegExp(`memAccess: ${mem!.value}ns`));
  });

  it('refuses a bad measured file with exit 2, file, line and column, and writes nothing', async () => {
    const root = tempDir('vdpascale-calibrate-bad-');
    const file = join(root, 'scenario.yaml');
    writeFileSync(file, scenario(1, 64, 75));
    const out = join(root, 'fit');
    const run = (csv: string) => {
      const data = join(root, 'bad.csv');
      writeFileSync(data, csv);
      return cli([
        'calibrate',
        file,
        '--data',
        data,
        '--metric',
        'dma_transactions_per_s',
        '--fit',
        'iommu.walk.memAccess=50ns..150ns',
        '--out',
        out,
        '--no-report',
      ]);
    };
    const notNumber = await run(
      'workload.groups[0].dma.window,dma_transactions_per_s\n4KiB,5e7\n1MiB,fast\n4MiB,2e7\n',
    );
    expect(notNumber.code).toBe(2);
    expect(notNumber.err).toMatch(/bad\.csv:3:6: column dma_transactions_per_s: "fast" is not a value/);
    const badUnit = await run(
      'workload.groups[0].dma.window,dma_transactions_per_s\n4KiB,5e7\n1 parsec,3e7\n',
    );
    expect(badUnit.code).toBe(2);
    expect(badUnit.err).toMatch(/bad\.csv:3:1: column workload\.groups\[0\]\.dma\.window/);
    const noColumn = await run('window,rate\n4KiB,5e7\n');
    expect(noColumn.code).toBe(2);
    expect(noColumn.err).toMatch(/bad\.csv:1: no x column/);
    const tooFew = await run('workload_groups_0_dma_window,dma_transactions_per_s\n4KiB,5e7\n');
    expect(tooFew.code).toBe(2);
    expect(tooFew.err).toMatch(/1 measured row\(s\)/);
    const unknown = await cli([
      'calibrate',
      file,
      '--data',
      join(root, 'bad.csv'),
      '--metric',
      'dma_transactions_per_s',
      '--fit',
      'iommu.nothing=1..2',
    ]);
    expect(unknown.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
