/** The capacity command end to end with the stand-in model (exact limit 512, like 2048 MSI-X vectors / 4). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeDeps, runCli } from './cli-harness.js';
import { csvs, listFiles, tempDir, writeScenario } from './helpers.js';

describe('vdpascale capacity (stand-in model)', () => {
  const root = tempDir();
  const deps = fakeDeps(root);
  const file = writeScenario(root, { name: 'cap', grid: {}, replications: 2 });

  it('finds the exact limit and writes the probes as a result folder', async () => {
    const r = await runCli(
      [
        'capacity',
        file,
        '--param',
        'instances',
        '--slo',
        'instances_rejected <= 0',
        '--slo',
        'drop_rate < 1',
        '--jobs',
        '2',
      ],
      deps,
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('capacity: instances = 512');
    expect(r.out).toContain('deciding SLO: instances_rejected <= 0');
    expect(r.out).toMatch(/at 512: instances_rejected = 0 ± 0 \(n=2; instances_rejected <= 0 holds\)/);
    expect(r.out).toMatch(/at 513: instances_rejected = 1 ± 0 \(n=2; instances_rejected <= 0 fails\)/);
    expect(r.err).toMatch(/probe instances=1024: FAIL/);
    // One folder per search: <name>-capacity-<hash of scenario, parameter, SLOs and bounds>.
    const dir = join(root, readdirSync(root).find((d) => d.startsWith('cap-capacity-')) as string);
    const cap = JSON.parse(readFileSync(join(dir, 'capacity.json'), 'utf8'));
    expect(cap).toMatchObject({ param: 'instances', answer: 512, first_failure: 513, capped: false });
    const runs = csvs(dir)['runs.csv']!.trimEnd().split('\n');
    expect(runs[0]).toMatch(/^point,replication,seed,instances,offered_pps/);
    const probed = [...new Set(runs.slice(1).map((l) => Number(l.split(',')[3])))];
    expect(probed).toEqual([...probed].sort((a, b) => a - b));
    expect(probed).toContain(512);
    expect(probed).toContain(513);
    expect(runs).toHaveLength(1 + 2 * probed.length);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.swept).toEqual(['instances']);
    expect(manifest.points[0]).toEqual({ point: 0, id: 'instances=1', params: { instances: 1 } });
  });

  it('reports a cap at --hi and a failing --lo', async () => {
    const capped = await runCli(
      [
        'capacity',
        file,
        '--param',
        'instances',
        '--slo',
        'instances_rejected<=0',
        '--hi',
        '300',
        '--out',
        join(root, 'c2'),
        '--quiet',
      ],
      deps,
    );
    expect(capped.code, capped.err).toBe(0);
    expect(capped.out).toContain('capacity: instances = 300');
    expect(capped.out).toContain('raise --hi');
    const none = await runCli(
      [
        'capacity',
        file,
        '--param',
        'instances',
        '--slo',
        'instances_rejected<=0',
        '--lo',
        '600',
        '--out',
        join(root, 'c3'),
        '--quiet',
      ],
      deps,
    );
    expect(none.code).toBe(0);
    expect(none.out).toMatch(/no value of instances >= 600 meets every SLO/);
  });

  it('rejects bad requests with exit 2 and no files', async () => {
    const swept = writeScenario(root, { name: 'swept', grid: { instances: [1, 2] } }, 'swept.json');
    const before = listFiles(root);
    const cases: [string[], RegExp][] = [
      [
        ['capacity', swept, '--param', 'instances', '--slo', 'instances_rejected<=0'],
        /sweeps instances; capacity varies it itself/,
      ],
      [['capacity', file, '--param', 'nope', '--slo', 'instances_rejected<=0'], /unknown key 'nope'/],
      [
        ['capacity', file, '--param', 'instances', '--slo', 'bogus_metric<=0'],
        /unknown metric 'bogus_metric'/,
      ],
      [['capacity', file, '--param', 'instances', '--slo', 'instances_rejected=<0'], /not 'METRIC OP VALUE'/],
      [['capacity', file, '--param', 'instances'], /Missing required argument: slo/],
      [
        ['capacity', file, '--param', 'instances', '--slo', 'drop_rate<1', '--lo', '10', '--hi', '5'],
        /--hi \(5\) must be >= --lo \(10\)/,
      ],
      [
        ['capacity', file, '--param', 'instances', '--slo', 'drop_rate<1', '--lo', '-1'],
        /--lo must be an integer/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli(argv, deps);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect(listFiles(root)).toEqual(before);
  });
});
