/**
 * End to end with YAML scenarios, the real scenario loader and the real model, in two ways:
 * - through the commands in process (the test harness = main.ts's yargs set-up), with a tsx
 *   child process for the kill -9 test — runs as soon as `src/scenario/index.ts` exists;
 * - through the BUILT command line `node bin/vdpascale.js` — needs run/merge/capacity
 *   registered in `src/cli/command-index.ts`; skipped with the reason until then.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';
import { csvs, listFiles, tempDir } from './helpers.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO, 'bin', 'vdpascale.js');
const REAL_FIXTURE = fileURLToPath(new URL('./fixtures/real-cli.ts', import.meta.url));
// The child runs in a temporary folder, where the bare specifier 'tsx' would not resolve.
const TSX_LOADER = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;

const scenarioMissing = existsSync(join(REPO, 'src/scenario/index.ts'))
  ? undefined
  : 'src/scenario/index.ts (loadScenario) does not exist yet';
function builtSkipReason(): string | undefined {
  if (scenarioMissing) return scenarioMissing;
  const index = readFileSync(join(REPO, 'src/cli/command-index.ts'), 'utf8');
  if (!/runCommand/.test(index) || !/mergeCommand/.test(index) || !/capacityCommand/.test(index)) {
    return 'run/merge/capacity are not registered in src/cli/command-index.ts yet';
  }
  return undefined;
}

const SWEEP = `name: e2e-sweep
description: runner end-to-end test (expected - identical CSVs whatever --jobs or sharding)
seed: 5
duration: 2ms
warmup: 200us
replications: 3
parent: mlx5
instances: 8
strategy: { transport: admin-vq, cvq: software, isolation: pasid-per-instance, interrupts: msix, provisioning: admin-vq }
workload:
  groups:
    - name: tenants
      share: 1
      traffic: { rate: 20kpps, packetSize: 1500B, direction: both }
sweep:
  grid:
    strategy.interrupts: [msix, polling]
    instances: [4, 16]
`;

// mlx5 with its driver's software CVQ (no CVQ in the device): at 3 vectors per instance the
// 2048-entry PF MSI-X table binds first, at ⌊2048 / 3⌋ = 682 (profiles/mlx5.ts).
const MSIX = `name: e2e-msix
description: the MSI-X table limit (expected - capacity 682 instances)
seed: 1
duration: 100us
warmup: 0ns
replications: 2
parent: mlx5
instances: 1
strategy: { transport: admin-vq, cvq: software, isolation: pasid-per-instance, interrupts: msix, provisioning: admin-vq }
`;

interface Mode {
  name: string;
  skip: string | undefined;
  /** Runs a command with `cwd` as the working directory (default folders under cwd/results). */
  run(args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }>;
  /** node argv (after the node binary) that starts the CLI as a child process. */
  child: string[];
  prepare?(): void;
}

const MODES: Mode[] = [
  {
    name: 'commands in process, real loader and model',
    skip: scenarioMissing,
    run: (args, cwd) => runCli(args, { resultsRoot: join(cwd, 'results', 'local') }),
    child: ['--import', TSX_LOADER, REAL_FIXTURE],
  },
  {
    name: 'built bin/vdpascale.js',
    skip: builtSkipReason(),
    run: async (args, cwd) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 300_000 });
      return { code: r.status, out: r.stdout, err: r.stderr };
    },
    child: [BIN],
    // dist/ is built once by test/global-setup.ts before any test file starts.
    prepare: () => expect(existsSync(join(REPO, 'dist/cli/commands/run.js'))).toBe(true),
  },
];

for (const mode of MODES) {
  if (mode.skip) console.warn(`end-to-end (${mode.name}) skipped: ${mode.skip}`);
  describe.skipIf(mode.skip !== undefined)(`end to end: ${mode.name}`, () => {
    const root = tempDir('vdpascale-e2e-');
    const sweep = join(root, 'sweep.yaml');
    const msix = join(root, 'msix.yaml');
    const at = (...p: string[]) => join(root, ...p);

    beforeAll(() => {
      mode.prepare?.();
      writeFileSync(sweep, SWEEP);
      writeFileSync(msix, MSIX);
    });

    it('--jobs 1, --jobs 2 and 3 merged shards: byte-identical CSVs; common random numbers', async () => {
      const ok = async (args: string[]) => {
        const r = await mode.run(args, root);
        expect(r.code, r.err).toBe(0);
        return r;
      };
      await ok(['run', sweep, '--out', at('j1'), '--jobs', '1', '--no-report', '--quiet']);
      await ok(['run', sweep, '--out', at('j2'), '--jobs', '2', '--no-report', '--quiet']);
      for (const i of [0, 1, 2]) await ok(['run', sweep, '--shard', `${i}/3`, '--quiet']);
      const shards = [0, 1, 2].map((i) => at('results', 'local', `e2e-sweep-shard-${i}-of-3`));
      await ok(['merge', ...shards, '--out', at('merged'), '--no-report']);
      const ref = csvs(at('j1'));
      expect(csvs(at('j2'))).toEqual(ref);
      expect(csvs(at('merged'))).toEqual(ref);
      const [head = '', ...rows] = ref['runs.csv']!.trimEnd().split('\n');
      const col = head.split(',');
      const cell = (r: string[], name: string) => r[col.indexOf(name)];
      const data = rows.map((l) => l.split(','));
      for (const inst of ['4', '16']) {
        for (const rep of ['0', '1', '2']) {
          const offered = (s: string) =>
            data.find(
              (r) => cell(r, 'strategy_interrupts') === s && cell(r, 'instances') === inst && r[1] === rep,
            )?.[col.indexOf('offered_pps')];
          expect(Number(offered('msix'))).toBeGreaterThan(0);
          expect(offered('polling')).toBe(offered('msix'));
        }
      }
    });

    it('kill -9 mid-sweep, then --resume: byte-identical to an uninterrupted run', async () => {
      const set = ['--set', 'duration=20ms'];
      const dir = at('killed');
      const child = spawn(
        process.execPath,
        [...mode.child, 'run', sweep, ...set, '--out', dir, '--jobs', '1', '--no-report'],
        {
          cwd: root,
          stdio: 'ignore',
        },
      );
      let done = false;
      const exited = new Promise((resolve) =>
        child.on('exit', (code, signal) => {
          done = true;
          resolve(signal ?? code);
        }),
      );
      const runsIn = () =>
        existsSync(join(dir, 'journal.jsonl'))
          ? readFileSync(join(dir, 'journal.jsonl'), 'utf8')
              .split('\n')
              .filter((l) => l.startsWith('{"index"')).length
          : 0;
      const deadline = Date.now() + 120_000;
      while (runsIn() < 1 && !done && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const kept = runsIn();
      expect(kept).toBeGreaterThanOrEqual(1);
      expect(kept).toBeLessThan(12);
      const r = await mode.run(
        ['run', sweep, ...set, '--out', dir, '--resume', '--no-report', '--quiet'],
        root,
      );
      expect(r.code, r.err).toBe(0);
      const clean = await mode.run(
        ['run', sweep, ...set, '--out', at('clean'), '--no-report', '--quiet'],
        root,
      );
      expect(clean.code, clean.err).toBe(0);
      expect(csvs(dir)).toEqual(csvs(at('clean')));
    }, 300_000);

    it('bad flags and values exit 2 and write nothing', async () => {
      const before = listFiles(root);
      for (const args of [
        ['run', sweep, '--jobs', '0'],
        ['run', sweep, '--shard', '5/3'],
        ['run', sweep, '--set', 'adminq.workerz=3'],
        ['run', sweep, '--set', 'instances=many'],
        ['run', sweep, '--bogus'],
        ['run', at('missing.yaml')],
        ['capacity', sweep, '--param', 'instances', '--slo', 'instances_rejected <= 0'],
        ['capacity', msix, '--param', 'instances', '--slo', 'nope < 1'],
      ]) {
        const r = await mode.run(args, root);
        expect(r.code, `${args.join(' ')}\n${r.err}`).toBe(2);
      }
      expect(listFiles(root)).toEqual(before);
    });

    it('capacity finds 682 instances on mlx5 (2048 MSI-X vectors / 3 per instance)', async () => {
      const r = await mode.run(
        [
          'capacity',
          msix,
          '--param',
          'instances',
          '--slo',
          'instances_rejected <= 0',
          '--no-report',
          '--quiet',
        ],
        root,
      );
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('capacity: instances = 682 (682 instances admitted, none rejected)');
      expect(r.out).toMatch(/at 683: instances_rejected = 1 ± 0/);
    });
  });
}
