/**
 * Iterating on a scenario (issue: a new user's first hour): default folders under the ignored
 * `results/local/`, one per variant (`--set` gives `<name>-<scenario hash>/`); a folder holding
 * another study's results is refused with the command to type, and `--force` replaces it with
 * a one-line note of what it held; the terminal summary shows every workload group's row and
 * the point's `limit_resource`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';
import { tempDir } from './helpers.js';

const root = tempDir('vdpascale-iterate-');
const results = join(root, 'results', 'local');
const deps = {
  resultsRoot: results,
  writeReport: async (dir: string) => ({ reportPath: join(dir, 'report.html'), charts: [] }),
};

function write(name: string, rate: string): string {
  const file = join(root, `${name}.yaml`);
  writeFileSync(
    file,
    [
      `name: ${name}`,
      'seed: 1',
      'duration: 200us',
      'warmup: 0ns',
      'replications: 2',
      'parent: vp_vdpa',
      'instances: 8',
      'strategy: { transport: admin-vq, provisioning: admin-vq }',
      'workload:',
      '  groups:',
      `    - { name: victim, share: 0.5, traffic: { rate: ${rate}, packetSize: 1500B } }`,
      '    - { name: noisy, share: 0.5, traffic: { rate: 100kpps, packetSize: 1500B } }',
      'sweep: { grid: { instances: [8, 16] } }',
    ].join('\n'),
  );
  return file;
}

describe('iterating on a scenario', () => {
  const file = write('iterate', '10kpps');

  it('runs into results/local/<name>/, and again into the same folder (its own results are replaced)', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await runCli(['run', file, '--quiet'], deps);
      expect(r.code, r.err).toBe(0);
    }
    expect(existsSync(join(results, 'iterate', 'runs.csv'))).toBe(true);
  });

  it('a --set variant gets its own folder <name>-<scenario hash>/', async () => {
    const r = await runCli(['run', file, '--set', 'duration=300us', '--quiet'], deps);
    expect(r.code, r.err).toBe(0);
    const variants = readdirSync(results).filter((d) => /^iterate-[0-9a-f]{8}$/.test(d));
    expect(variants).toHaveLength(1);
    expect(r.out).toContain(join(results, variants[0]!));
  });

  it('after an edit the folder is refused with the exact command; --force replaces it and says what it held', async () => {
    write('iterate', '20kpps');
    const refused = await runCli(['run', file, '--quiet'], deps);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/holds \d+ run\(s\) of a different study/);
    expect(refused.err).toContain(`replace them: vdpascale run ${file} --force`);
    const before = readFileSync(join(results, 'iterate', 'runs.csv'), 'utf8');
    const forced = await runCli(['run', file, '--force'], deps);
    expect(forced.code, forced.err).toBe(0);
    expect(forced.err).toMatch(
      new RegExp(
        `iterate: --force: replaced ${join(results, 'iterate')}, which held 4 run\\(s\\) of 'iterate' \\(scenario hash [0-9a-f]+\\)`,
      ),
    );
    expect(readFileSync(join(results, 'iterate', 'runs.csv'), 'utf8')).not.toEqual(before);
  });

  it('--force with --resume is refused', async () => {
    const r = await runCli(['run', file, '--force', '--resume'], deps);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--force starts afresh and --resume continues/);
  });

  it('the terminal summary has a row per group under each point', async () => {
    const r = await runCli(['run', file, '--out', join(root, 'groups'), '--quiet'], deps);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    const header = lines.find((l) => /^point/.test(l)) ?? '';
    expect(header.split(/\s+/)).toEqual(
      expect.arrayContaining(['point', 'instances', 'group', 'n', 'latency_p99_us']),
    );
    for (const point of ['0', '1']) {
      for (const group of ['all', 'victim', 'noisy']) {
        expect(
          lines.some((l) => new RegExp(`^\\s*${point}\\s+\\d+\\s+${group}\\s+2\\s`).test(l)),
          `${point} ${group}`,
        ).toBe(true);
      }
    }
  });

  it('and the limit_resource of a point whose instances were rejected', async () => {
    const r = await runCli(
      ['run', file, '--out', join(root, 'limits'), '--set', 'limits.hwVqs=30', '--quiet'],
      deps,
    );
    expect(r.code, r.err).toBe(0);
    const header = r.out.split('\n').find((l) => /^point/.test(l)) ?? '';
    expect(header).toMatch(/limit_resource$/);
    expect(r.out).toMatch(/^\s*1\s+16\s+all\s.*hw-vqs$/m);
  });
});
