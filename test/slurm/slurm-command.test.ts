import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSplit } from '../../src/cli/commands/slurm.js';
import { runSlurmCli } from './cli-harness.js';

const FIXTURE = new URL('./fixtures/tiny.yaml', import.meta.url).pathname;
const REPO = new URL('../../', import.meta.url).pathname;

let tmp: string;
let cwd: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'vdpascale-slurm-cmd-'));
  cwd = process.cwd();
  process.chdir(tmp);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(tmp, { recursive: true, force: true });
});

describe('vdpascale slurm (without --submit)', () => {
  it('writes both scripts under results/<name>/slurm and prints the sbatch commands', async () => {
    const r = await runSlurmCli(['slurm', FIXTURE, '--tasks', '3', '--partition', 'batch', '--time', '10']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('slurm-tiny: 4 point(s) x 2 replication(s) = 8 run(s) over 3 task(s)');
    const slurmDir = join(tmp, 'results/slurm-tiny/slurm');
    const array = readFileSync(join(slurmDir, 'array.sbatch'), 'utf8');
    const merge = readFileSync(join(slurmDir, 'merge.sbatch'), 'utf8');
    expect(statSync(join(slurmDir, 'logs')).isDirectory()).toBe(true);
    expect(array).toContain('#SBATCH --array=0-2\n');
    expect(array).toContain('#SBATCH --partition=batch\n');
    expect(array).toContain(`SCENARIO=${FIXTURE}\n`);
    expect(array).toContain(`OUT=${join(tmp, 'results/slurm-tiny')}\n`);
    expect(array).toContain(`NODE=${process.execPath}\n`);
    expect(array).toContain(`VDPASCALE=${join(REPO, 'bin/vdpascale.js')}\n`);
    expect(array).toContain(`cd ${tmp}\n`);
    expect(merge).toContain('merge "$OUT"/shards/* --out "$OUT" --no-report');
    expect(r.out).toContain(`jid=$(sbatch --parsable ${join(slurmDir, 'array.sbatch')})`);
    expect(r.out).toContain(`--dependency=afterok:\${jid%%;*} ${join(slurmDir, 'merge.sbatch')}`);
  });

  it('honours --out, --cpus-per-task and --no-report', async () => {
    const r = await runSlurmCli([
      'slurm',
      FIXTURE,
      '--tasks',
      '1',
      '--out',
      'elsewhere',
      '--cpus-per-task',
      '4',
      '--no-report',
    ]);
    expect(r.code, r.err).toBe(0);
    const array = readFileSync(join(tmp, 'elsewhere/slurm/array.sbatch'), 'utf8');
    expect(array).toContain('#SBATCH --array=0-0\n');
    expect(array).toContain('--jobs 4');
    expect(readFileSync(join(tmp, 'elsewhere/slurm/merge.sbatch'), 'utf8')).not.toContain(' report ');
  });

  it('notes the MaxArraySize a large array needs', async () => {
    const r = await runSlurmCli(['slurm', FIXTURE, '--tasks', '5000']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('MaxArraySize > 4999');
  });
});

describe('vdpascale slurm: bad input exits 2 and submits nothing', () => {
  const cases: [string, string[], RegExp][] = [
    ['missing file', ['slurm', 'nope.yaml', '--tasks', '2'], /nope\.yaml: scenario file not found/],
    ['zero tasks', ['slurm', FIXTURE, '--tasks', '0'], /--tasks must be an integer in 1\.\.10000, got 0/],
    ['too many tasks', ['slurm', FIXTURE, '--tasks', '10001'], /1\.\.10000, got 10001/],
    ['fractional tasks', ['slurm', FIXTURE, '--tasks', '1.5'], /got 1\.5/],
    ['no --tasks', ['slurm', FIXTURE], /tasks/],
    ['bad --time', ['slurm', FIXTURE, '--tasks', '2', '--time', '1h'], /not a Slurm time limit.*allowed: MM/],
    ['bad --partition', ['slurm', FIXTURE, '--tasks', '2', '--partition', 'a;b'], /not a partition name/],
    ['unknown flag', ['slurm', FIXTURE, '--tasks', '2', '--taks', '3'], /taks/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const r = await runSlurmCli(argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(existsSync(join(tmp, 'results'))).toBe(false);
    });
  }

  it('a scenario the loader rejects (checked before anything is written)', async () => {
    writeFileSync(join(tmp, 'bad.yaml'), 'name: bad\nduration: fast\n');
    const r = await runSlurmCli(['slurm', 'bad.yaml', '--tasks', '2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml.*duration/);
  });

  it('--submit where sbatch is not on PATH says so', async () => {
    const path = process.env.PATH;
    mkdirSync(join(tmp, 'empty-bin'));
    process.env.PATH = join(tmp, 'empty-bin');
    try {
      const r = await runSlurmCli(['slurm', FIXTURE, '--tasks', '2', '--submit']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/sbatch not found on PATH/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('describeSplit', () => {
  it('gives the runs per task and flags tasks left without a run', () => {
    expect(describeSplit('tiny', 4, 2, 3)).toBe(
      'tiny: 4 point(s) x 2 replication(s) = 8 run(s) over 3 task(s), at most 3 per task',
    );
    expect(describeSplit('tiny', 4, 1, 6)).toMatch(/; 2 task\(s\) get no run \(consider --tasks 4\)$/);
  });
});
