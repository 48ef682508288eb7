/** loadScenario end to end: the API the runner uses, on the shipped examples and small fixtures. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { SCENARIO_NAME } from '../../src/scenario/scenario-schema.js';
import { InputError } from '../../src/util/errors.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCENARIOS = join(ROOT, 'scenarios');
const TWO_GROUPS = relative(process.cwd(), join(import.meta.dirname, 'fixtures', 'two-groups.yaml'));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

describe('shipped scenarios', () => {
  it.each(yamlFiles(SCENARIOS).map((f) => relative(ROOT, f)))('%s loads', async (file) => {
    const s = await loadScenario(join(ROOT, file));
    expect(s.points.length).toBeGreaterThanOrEqual(1);
    expect(s.hash).toMatch(/^[0-9a-f]{14}$/);
  });

  it('start with the yaml-language-server schema comment', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const file of yamlFiles(SCENARIOS)) {
      const first = (await readFile(file, 'utf8')).split('\n')[0];
      const schema = relative(join(file, '..'), join(SCENARIOS, 'scenario.schema.json'));
      expect(first, file).toBe(
        `# yaml-language-server: $schema=${schema.startsWith('.') ? schema : `./${schema}`}`,
      );
    }
  });

  it('tiny.yaml is one short replication of a 2 × 2 grid', async () => {
    const s = await loadScenario(join(SCENARIOS, 'examples', 'tiny.yaml'));
    expect(s.name).toBe('tiny');
    expect(s.replications).toBe(1);
    expect(s.swept).toEqual(['instances', 'iommu.iotlb.pageSize']);
    expect(s.points.map((p) => [p.id, p.params])).toEqual([
      ['p0000', { instances: 2, 'iommu.iotlb.pageSize': '4KiB' }],
      ['p0001', { instances: 2, 'iommu.iotlb.pageSize': '2MiB' }],
      ['p0002', { instances: 4, 'iommu.iotlb.pageSize': '4KiB' }],
      ['p0003', { instances: 4, 'iommu.iotlb.pageSize': '2MiB' }],
    ]);
    expect(s.points[1]?.config.iommu.iotlb.pageSize).toBe(2 * 1024 * 1024);
    expect(s.points[3]?.config.instances).toBe(4);
    expect(s.durationNs + s.warmupNs).toBeLessThanOrEqual(1_000_000);
    expect(s.warnings).toEqual([]);
  });
});

describe('loadScenario', () => {
  it('returns the runner API', async () => {
    const s = await loadScenario(TWO_GROUPS);
    expect(s).toMatchObject({
      name: 'two-groups',
      description: '',
      file: TWO_GROUPS,
      seed: 1,
      replications: 1,
      durationNs: 1_000_000,
      warmupNs: 0,
      swept: [],
      charts: [],
      warnings: [],
    });
    expect(s.points).toHaveLength(1);
    expect(s.points[0]).toMatchObject({ index: 0, id: 'p0000', params: {} });
  });

  it('fills run and choice defaults into the document, in schema order, and hashes it stably', async () => {
    const a = await loadScenario(TWO_GROUPS);
    const b = await loadScenario(TWO_GROUPS);
    expect(a.hash).toBe(b.hash);
    expect(Object.keys(a.document).slice(0, 8)).toEqual([
      'name',
      'description',
      'seed',
      'duration',
      'warmup',
      'replications',
      'parent',
      'instances',
    ]);
    expect(a.document).toMatchObject({
      seed: 1,
      warmup: '0s',
      replications: 1,
      parent: 'vp_vdpa',
      duration: '1ms',
    });
    expect(a.document.strategy).toEqual({
      transport: 'admin-vq',
      cvq: 'hardware',
      isolation: 'rid-per-vf',
      interrupts: 'msix',
      provisioning: 'netlink',
    });
    const c = await loadScenario(TWO_GROUPS, { sets: ['adminq.workers=8'] });
    expect(c.hash).not.toBe(a.hash);
    expect((c.document.adminq as Record<string, unknown>).workers).toBe(8);
  });

  it('the document loads again to the same configs', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { stringify } = await import('yaml');
    const s = await loadScenario(join(SCENARIOS, 'examples', 'admin-vq-qos.yaml'));
    const dir = await mkdtemp(join(tmpdir(), 'vdpascale-doc-'));
    await writeFile(join(dir, 'scenario.yaml'), stringify(s.document));
    const again = await loadScenario(join(dir, 'scenario.yaml'));
    expect(again.hash).toBe(s.hash);
    expect(again.points.map((p) => p.config)).toEqual(s.points.map((p) => p.config));
  });

  it('applies --replications and --seed as the last layer', async () => {
    const s = await loadScenario(TWO_GROUPS, { replications: 3, seed: 42 });
    expect(s.replications).toBe(3);
    expect(s.seed).toBe(42);
    expect(s.document).toMatchObject({ replications: 3, seed: 42 });
  });

  it('a --set on a swept key replaces that sweep dimension, with a warning', async () => {
    const file = join(SCENARIOS, 'examples', 'admin-vq-qos.yaml');
    const s = await loadScenario(file, { sets: ['instances=500'] });
    expect(s.swept).toEqual(['adminq.policy', 'adminq.workers', 'adminq.depth']);
    expect(s.points).toHaveLength(4);
    expect(s.points.every((p) => p.config.instances === 500)).toBe(true);
    expect(s.warnings).toContain('--set instances=500 replaces the sweep over instances');
    // the chart that plots over instances still loads (a warning, not an error)
    expect(s.warnings.some((w) => w.includes("charts[0].x: 'instances' is not swept"))).toBe(true);
  });

  it('sweeps a workload group by name or index', async () => {
    const s = await loadScenario(TWO_GROUPS, {
      sets: [
        'sweep.grid.workload.groups[noisy].control.rate=[1k/s, 4k/s]',
        'sweep.zip.workload.groups[0].share=[0.5, 0.9]',
        'sweep.zip.workload.groups[1].share=[0.5, 0.1]',
      ],
    });
    expect(s.swept).toEqual([
      'workload.groups[noisy].control.rate',
      'workload.groups[0].share',
      'workload.groups[1].share',
    ]);
    expect(s.points.map((p) => p.config.workload.groups.map((g) => [g.count, g.control.rate]))).toEqual([
      [
        [5, 50],
        [5, 1000],
      ],
      [
        [9, 50],
        [1, 1000],
      ],
      [
        [5, 50],
        [5, 4000],
      ],
      [
        [9, 50],
        [1, 4000],
      ],
    ]);
  });

  it('reports options a strategy ignores once, naming the points', async () => {
    const s = await loadScenario(TWO_GROUPS, {
      sets: ['sweep.grid.strategy.transport=[admin-vq, per-vf]', 'iommu.deviceMmu.entries=128'],
    });
    expect(s.warnings).toEqual([
      'iommu.deviceMmu.entries is ignored: strategy.isolation is rid-per-vf, not device-mmu',
      'adminq.queues, adminq.policy, adminq.weights, workload.groups[1].adminQueue are ignored: used only by transport admin-vq and provisioning admin-vq; strategy.transport is per-vf, strategy.provisioning is netlink (points p0001)',
    ]);
  });

  it("a VF's limits are ignored only while instances share the parent function", async () => {
    const warned = (parent: string) =>
      loadScenario(TWO_GROUPS, {
        sets: [
          `parent=${parent}`,
          'strategy.transport=admin-vq',
          'strategy.provisioning=admin-vq',
          'limits.totalVfs=64',
        ],
      }).then((s) => s.warnings.filter((w) => w.startsWith('limits.totalVfs')));
    // vp_vdpa makes one vDPA device per function: an admin-VQ instance is a VF, TotalVFs binds.
    expect(await warned('vp_vdpa')).toEqual([]);
    expect(await warned('mlx5')).toEqual([
      'limits.totalVfs is ignored: instances share the parent function (strategy.transport is admin-vq, limits.functionPerInstance 0): no VF each',
    ]);
  });

  it('a name cannot lead outside the results folder', () => {
    for (const bad of ['..', '../x', 'a/b', '/abs', '.hidden', 'a\\b', '', 'A', 'a b', 'x.yaml']) {
      expect(SCENARIO_NAME.test(bad), bad).toBe(false);
    }
    expect(SCENARIO_NAME.test('admin-vq-qos-2')).toBe(true);
  });

  it('refuses a missing file with exit status 2', async () => {
    const error = await loadScenario('no/such/file.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toBe('no/such/file.yaml: cannot read scenario file: no such file');
  });
});
