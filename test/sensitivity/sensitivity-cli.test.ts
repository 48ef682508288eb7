/**
 * `vdpascale sensitivity` end to end on the real model: what the indices say about a
 * control-only scenario, determinism whatever --jobs or shard split, and bad input (exit 2
 * naming the path and what is allowed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvObjects } from '../../src/output/report/parse-csv.js';
import { writeReport } from '../../src/output/report/write-report.js';
import {
  CONTROL_ONLY,
  CONTROL_PARAMS,
  outputs,
  sensitivityCli,
  tempRoot,
  writeFile,
} from './sensitivity-harness.js';

const METRIC = ['--metric', 'provision_makespan_ms', '--metric', 'ctrl_latency_p99_us'];

function indexRows(dir: string): Array<Record<string, string>> {
  return csvObjects(readFileSync(join(dir, 'sensitivity.csv'), 'utf8')).rows;
}

describe('vdpascale sensitivity on a control-only scenario', () => {
  const root = tempRoot();
  const file = writeFile(root, 'control.yaml', CONTROL_ONLY);
  const args = (out: string, ...more: string[]) => [
    'sensitivity',
    file,
    ...METRIC,
    ...CONTROL_PARAMS,
    '--samples',
    '6',
    '--out',
    join(root, out),
    '--quiet',
    ...more,
  ];

  it('ranks the admin CREATE service time first and gives IOTLB entries an index indistinguishable from 0', async () => {
    const r = await sensitivityCli(args('one', '--jobs', '1'), root);
    expect(r.code, r.err).toBe(0);
    const rows = indexRows(join(root, 'one'));
    // 4 parameters × 2 metrics × 3 Morris indices.
    expect(rows).toHaveLength(24);
    const muStar = (metric: string) =>
      rows
        .filter((x) => x.metric === metric && x.index === 'mu_star')
        .sort((a, b) => Number(b.value) - Number(a.value));
    const makespan = muStar('provision_makespan_ms');
    expect(makespan[0]?.parameter).toBe('adminq.service.CREATE');
    // Its interval excludes 0: the ranking is not noise.
    expect(Number(makespan[0]?.ci95_low)).toBeGreaterThan(0);
    for (const metric of ['provision_makespan_ms', 'ctrl_latency_p99_us']) {
      const iotlb = muStar(metric).find((x) => x.parameter === 'iommu.iotlb.entries');
      // Indistinguishable from 0: the 95% interval holds 0 (with common random numbers and no
      // data traffic, every effect is exactly 0).
      expect(Number(iotlb?.ci95_low)).toBeLessThanOrEqual(0);
      expect(Number(iotlb?.value)).toBe(0);
    }
    expect(r.out).toContain('provision_makespan_ms: mu_star (95% CI)');
  }, 120_000);

  it('reports a tornado and a μ*–σ chart per metric and a sensitivity section', async () => {
    const one = join(root, 'one');
    if (!existsSync(join(one, 'sensitivity.csv')))
      expect((await sensitivityCli(args('one', '--jobs', '1'), root)).code).toBe(0);
    const { charts, reportPath } = await writeReport(one);
    expect(charts).toEqual([
      'tornado-provision_makespan_ms',
      'ranking-provision_makespan_ms',
      'tornado-ctrl_latency_p99_us',
      'ranking-ctrl_latency_p99_us',
    ]);
    const html = readFileSync(reportPath, 'utf8');
    expect(html).toContain('<section id="sensitivity">');
    expect(html).toContain('<code>adminq.service.CREATE</code>');
    expect(html).not.toContain('<section id="summary">');
  }, 120_000);

  it('writes byte-identical files with --jobs 1, --jobs 2 and two shards merged', async () => {
    const one = join(root, 'one');
    if (!existsSync(join(one, 'sensitivity.csv')))
      expect((await sensitivityCli(args('one', '--jobs', '1'), root)).code).toBe(0);
    const two = await sensitivityCli(args('two', '--jobs', '2'), root);
    expect(two.code, two.err).toBe(0);
    for (const s of ['0/2', '1/2']) {
      const r = await sensitivityCli(args(`shard-${s[0]}`, '--jobs', '1', '--shard', s), root);
      expect(r.code, r.err).toBe(0);
      expect(existsSync(join(root, `shard-${s[0]}`, 'sensitivity.csv'))).toBe(false);
    }
    const merged = await sensitivityCli(
      ['merge', join(root, 'shard-0'), join(root, 'shard-1'), '--out', join(root, 'merged'), '--quiet'],
      root,
    );
    expect(merged.code, merged.err).toBe(0);
    const reference = outputs(one);
    expect(outputs(join(root, 'two'))).toEqual(reference);
    expect(outputs(join(root, 'merged'))).toEqual(reference);
  }, 240_000);
});

describe('vdpascale sensitivity refuses bad input before anything runs', () => {
  const root = tempRoot();
  const file = writeFile(root, 'control.yaml', CONTROL_ONLY);
  const run = (...more: string[]) =>
    sensitivityCli(
      ['sensitivity', file, '--metric', 'provision_makespan_ms', '--out', join(root, 'out'), ...more],
      root,
    );

  it.each([
    [
      ['--params', 'adminq.service.CRATE'],
      'adminq.service.CRATE: --params: not a parameter path (did you mean adminq.service.CREATE?)',
      'allowed:',
    ],
    [
      ['--params', 'iommu.iotlb.entries=4096..64'],
      'iommu.iotlb.entries: --params: the range 4096..64 is inverted',
      'LO <= HI',
    ],
    [['--params', 'iommu.iotlb.entries=0..64'], 'iommu.iotlb.entries: --params: the range 0..64', '≥ 1'],
    [
      ['--params', 'iommu.deviceMmu.ways=1..8'],
      'iommu.deviceMmu.ways: --params: the strategy ignores it (strategy.isolation is rid-per-vf',
      'allowed:',
    ],
    [['--params', 'strategy.cvq'], 'strategy.cvq: --params: a strategy has no numeric range', 'allowed:'],
    [['--compare', 'strategy.transport'], '--compare strategy.transport:', 'does not sweep it'],
    [['--metric', 'no_such_metric'], "unknown metric 'no_such_metric'", 'allowed:'],
  ])('%j → exit 2', async (flags, message, allowed) => {
    const r = await run(...flags);
    expect(r.code, r.out).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain(allowed);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});
