/**
 * The cases a new user met where the tool said nothing (issue: a new user's first hour), through
 * `main(argv)` on the real loader and model: a strategy the parent cannot support is refused
 * before time zero with its key path and how to study the proposal instead; rejected instances
 * are named (how many, which resource) on the terminal and in the manifest the report shows;
 * `capacity` refuses a search whose probes are admission-bound unless an SLO speaks about it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO } from './cli-harness.js';
import { listFiles, tempDir } from './helpers.js';

const root = tempDir('vdpascale-silent-');

async function cli(argv: string[]) {
  const io = captureIO();
  const code = await main(argv, io);
  return { code, out: io.outText.join('\n'), err: io.errText.join('\n') };
}

function scenario(name: string, body: string): string {
  const file = join(root, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}\nseed: 1\nduration: 200us\nwarmup: 0ns\nreplications: 2\n${body}\n` +
      'workload:\n  groups:\n    - { name: tenants, share: 1, traffic: { rate: 10kpps, packetSize: 1500B } }\n',
  );
  return file;
}

describe('a strategy the parent cannot support is refused before time zero', () => {
  const cases = [
    {
      what: 'PASID per instance on vp_vdpa (limits.pasidBits 0)',
      body: 'parent: vp_vdpa\ninstances: 4\nstrategy: { transport: admin-vq, provisioning: admin-vq, isolation: pasid-per-instance }',
      key: 'strategy.isolation',
      says: /'pasid-per-instance' needs PASIDs, which parent vp_vdpa does not have \(limits\.pasidBits is 0\)/,
      instead: /limits\.pasidBits: 20/,
    },
    {
      what: 'PASID per VQ on ifcvf',
      body: 'parent: ifcvf\ninstances: 4\nstrategy: { isolation: pasid-per-vq }',
      key: 'strategy.isolation',
      says: /'pasid-per-vq' needs PASIDs, which parent ifcvf does not have/,
      instead: /choose strategy\.isolation none or rid-per-vf/,
    },
    {
      what: 'a hardware CVQ on mlx5',
      body: 'parent: mlx5\ninstances: 4\nstrategy: { transport: admin-vq, provisioning: admin-vq, cvq: hardware }',
      key: 'strategy.cvq',
      says: /'hardware' needs a control virtqueue in the device, which parent mlx5 does not have \(limits\.hwCvq is 0\)/,
      instead: /choose strategy\.cvq software or none, or study the proposal with limits\.hwCvq: 1/,
    },
    {
      what: 'a device MMU on vp_vdpa',
      body: 'parent: vp_vdpa\ninstances: 4\nstrategy: { transport: admin-vq, provisioning: admin-vq, isolation: device-mmu }',
      key: 'strategy.isolation',
      says: /'device-mmu' needs a device MMU, which parent vp_vdpa does not have/,
      instead: /limits\.deviceMmuContexts: 65536/,
    },
    {
      // ⌈1000 × 3 / 2048⌉ = 2 queues per vector, of different instances: one host IRQ cannot be
      // posted to two guests (irqbypass is one producer to one consumer).
      what: 'shared vectors across instances with posted delivery',
      body:
        'parent: vp_vdpa\ninstances: 1000\nlimits: { functionPerInstance: 0 }\ninterrupts: { delivery: posted }\n' +
        'strategy: { transport: admin-vq, provisioning: admin-vq, interrupts: shared }',
      key: 'interrupts.delivery',
      says: /strategy\.interrupts 'shared': 1000 instances share each vector among 2 queues, and a shared vector cannot be posted/,
      instead:
        /interrupts\.delivery: exit, strategy\.interrupts msix or msi-store \(a vector per queue\), or at most 682 instances/,
    },
  ];
  it.each(cases)('$what: exit 2 with the key path and what to set instead; nothing written', async (c) => {
    const file = scenario(`refused-${c.key.replace('.', '-')}-${cases.indexOf(c)}`, c.body);
    const out = join(root, `out-refused-${cases.indexOf(c)}`);
    const r = await cli(['run', file, '--out', out, '--no-report']);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(`${file}:`);
    expect(r.err).toContain(`${c.key}:`);
    expect(r.err).toMatch(c.says);
    expect(r.err).toMatch(c.instead);
    expect(listFiles(out)).toEqual([]);
    const v = await cli(['validate', file]);
    expect(v.code).toBe(2);
  });

  it('the same scenario with the capability set runs (the proposal is studied, not refused)', async () => {
    const file = scenario(
      'pasid-proposal',
      'parent: vp_vdpa\ninstances: 4\nlimits: { pasidBits: 20 }\nstrategy: { transport: admin-vq, provisioning: admin-vq, isolation: pasid-per-instance }',
    );
    const r = await cli(['validate', file]);
    expect(r.code, r.err).toBe(0);
  });

  it('shared vectors run with exit delivery, and posted while each queue has its own vector', async () => {
    const shared = 'strategy: { transport: admin-vq, provisioning: admin-vq, interrupts: shared }';
    const exit = scenario(
      'shared-exit',
      `parent: vp_vdpa\ninstances: 1000\nlimits: { functionPerInstance: 0 }\ninterrupts: { delivery: exit }\n${shared}`,
    );
    expect((await cli(['validate', exit])).code).toBe(0);
    // ⌊2048 / 3⌋ = 682 instances still have a vector per queue.
    const alone = scenario(
      'shared-alone',
      `parent: vp_vdpa\ninstances: 682\nlimits: { functionPerInstance: 0 }\ninterrupts: { delivery: posted }\n${shared}`,
    );
    expect((await cli(['validate', alone])).code).toBe(0);
  });

  it('a sweep that reaches an unsupported point names the point', async () => {
    const file = scenario(
      'swept-parent',
      'instances: 4\nstrategy: { transport: admin-vq, provisioning: admin-vq, cvq: software, isolation: pasid-per-instance }\nsweep: { grid: { parent: [mlx5, vp_vdpa] } }',
    );
    const r = await cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/parent vp_vdpa does not have/);
    expect(r.err).toMatch(/sweep point \S+: parent=vp_vdpa/);
  });
});

describe('rejected instances are said, not only counted in runs.csv', () => {
  // mlx5 over the admin queue with a software CVQ: 3 MSI-X vectors per instance (RX, TX,
  // config) from the 2048-entry PF table (profiles/mlx5.ts): 800 ask, ⌊2048 / 3⌋ = 682 fit.
  const file = scenario(
    'rejects',
    'parent: mlx5\ninstances: 800\nstrategy: { transport: admin-vq, provisioning: admin-vq, cvq: software, isolation: none }',
  );
  const out = join(root, 'out-rejects');

  it('terminal and manifest (shown by the report) say how many and which resource', async () => {
    const r = await cli(['run', file, '--out', out, '--no-report']);
    expect(r.code, r.err).toBe(0);
    const runs = readFileSync(join(out, 'runs.csv'), 'utf8').trimEnd().split('\n');
    const header = runs[0]!.split(',');
    const row = runs[1]!.split(',');
    const ready = Number(row[header.indexOf('instances_ready')]);
    const rejected = Number(row[header.indexOf('instances_rejected')]);
    const resource = row[header.indexOf('limit_resource')];
    expect(rejected).toBeGreaterThan(0);
    expect(ready + rejected).toBe(800);
    const note = `point 0: ${rejected} instances rejected on ${resource} (limit_resource); its metrics describe the ${ready} that were ready`;
    expect(r.err).toContain(`rejects: warning: ${note}`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.warnings).toContain(note);
  });

  it('no note when every instance is admitted', async () => {
    const small = scenario(
      'admits',
      'parent: mlx5\ninstances: 8\nstrategy: { transport: admin-vq, provisioning: admin-vq, cvq: software, isolation: none }',
    );
    const r = await cli(['run', small, '--out', join(root, 'out-admits'), '--no-report']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/rejected/);
  });
});

describe('capacity on an admission-bound search', () => {
  const file = scenario(
    'cap-bound',
    'parent: mlx5\ninstances: 8\nstrategy: { transport: admin-vq, provisioning: admin-vq, cvq: software, isolation: none }',
  );

  it('refuses (exit 2, nothing written) when no SLO says what admission may do', async () => {
    const out = join(root, 'cap-refused');
    const r = await cli(['capacity', file, '--param', 'instances', '--slo', 'drop_rate < 1', '--out', out]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/capacity: at instances=\d+, \d+ instances were rejected on msix-vectors/);
    expect(r.err).toContain("--slo 'instances_rejected <= 0'");
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
  });

  it('with the SLO on rejections, the answer counts only admitted instances', async () => {
    const out = join(root, 'cap-ok');
    const r = await cli([
      'capacity',
      file,
      '--param',
      'instances',
      '--slo',
      'instances_rejected <= 0',
      '--lo',
      '256',
      '--out',
      out,
      '--no-report',
      '--quiet',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('capacity: instances = 682 (682 instances admitted, none rejected)');
  });
});
