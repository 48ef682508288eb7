/**
 * Runs on a real single-node Slurm on 127.0.0.1 (test/slurm/local-slurm.ts): first the daemon
 * plumbing (array job, afterok chain), then a study submitted by `vdpascale slurm --submit`,
 * whose merged CSVs must be byte-identical to a local run. Installs slurm-wlm and munge via
 * scripts/install-slurm.sh when missing (root + apt); otherwise skips saying why, unless
 * REQUIRE_SLURM=1, which turns every skip into a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { runSlurmCli } from './cli-harness.js';
import { ensureSlurm, LocalSlurm } from './local-slurm.js';

const REQUIRE = process.env.REQUIRE_SLURM === '1';
const REPO = new URL('../../', import.meta.url).pathname;
const BIN = join(REPO, 'bin/vdpascale.js');
const SHIPPED_TINY = join(REPO, 'scenarios/examples/tiny.yaml');
const FIXTURE_TINY = join(REPO, 'test/slurm/fixtures/tiny.yaml');
const STUB = join(REPO, 'test/slurm/fixtures/stub-cli.mjs');
const CSVS = ['runs.csv', 'groups.csv', 'summary.csv'];

let slurm: LocalSlurm | undefined;
let unavailable = 'Slurm not started';
const submitted: string[] = [];

/** Skips with the reason Slurm is unavailable, or fails under REQUIRE_SLURM=1. */
function needSlurm(ctx: TestContext): LocalSlurm {
  if (slurm !== undefined) return slurm;
  if (REQUIRE) throw new Error(`REQUIRE_SLURM=1 but ${unavailable}`);
  ctx.skip(unavailable);
  throw new Error('unreachable');
}

function sbatch(s: LocalSlurm, args: string[]): string {
  const id =
    s
      .run('sbatch', ['--parsable', ...args])
      .trim()
      .split(';')[0] ?? '';
  submitted.push(id);
  return id;
}

beforeAll(async () => {
  const avail = ensureSlurm();
  if (!avail.ok) {
    unavailable = `Slurm unavailable: ${avail.reason}`;
    return;
  }
  const t0 = Date.now();
  slurm = await LocalSlurm.start();
  console.log(`${avail.installed} up on 127.0.0.1 in ${Date.now() - t0} ms (${slurm.dir})`);
});

afterAll(async () => {
  if (slurm === undefined) return;
  // Cancel anything left queued by a failed test before stopping the daemons that run it.
  const left = submitted.filter((id) => slurm?.queued([id]).length);
  if (left.length > 0) spawnSync('scancel', left, { env: slurm.env });
  await slurm.stop();
  expect(slurm.allStopped()).toBe(true);
  if (process.env.KEEP_SLURM_DIR !== '1') rmSync(slurm.dir, { recursive: true, force: true });
});

describe('single-node Slurm on 127.0.0.1', () => {
  it('the node is idle in sinfo', (ctx) => {
    const s = needSlurm(ctx);
    expect(s.nodeState()).toBe('idle');
  });

  it('a 4-task sbatch --array of hostname runs to completion', async (ctx) => {
    const s = needSlurm(ctx);
    const out = join(s.dir, 'hostname');
    const id = sbatch(s, ['--array=0-3', `--output=${out}-%a.txt`, '--wrap=hostname']);
    await s.waitForJobs([id], 60_000);
    expect(s.jobStates(id)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED']);
    for (let i = 0; i < 4; i++) expect(readFileSync(`${out}-${i}.txt`, 'utf8').trim()).toBe(hostname());
  });

  it('afterok runs a job after every array task; a failed task blocks it for good', async (ctx) => {
    const s = needSlurm(ctx);
    const dir = s.dir;
    const ok = sbatch(s, ['--array=0-2', `--output=${dir}/chain-%a.txt`, '--wrap=echo $SLURM_ARRAY_TASK_ID']);
    const after = sbatch(s, [
      `--dependency=afterok:${ok}`,
      `--output=${dir}/chain-after.txt`,
      `--wrap=cat ${dir}/chain-0.txt ${dir}/chain-1.txt ${dir}/chain-2.txt`,
    ]);
    const bad = sbatch(s, ['--array=0-1', '--output=/dev/null', '--wrap=exit $SLURM_ARRAY_TASK_ID']);
    const blocked = sbatch(s, [`--dependency=afterok:${bad}`, '--output=/dev/null', '--wrap=true']);
    await s.waitForJobs([ok, after], 60_000);
    expect(s.jobStates(after)).toEqual(['COMPLETED']);
    expect(readFileSync(`${dir}/chain-after.txt`, 'utf8')).toBe('0\n1\n2\n');
    await expect(s.waitForJobs([bad, blocked], 60_000)).rejects.toThrow(/can never run/);
    expect(s.jobStates(bad).sort()).toEqual(['COMPLETED', 'FAILED']);
    s.run('scancel', [blocked]);
  });
});

describe('the scripts vdpascale slurm writes, run by Slurm (CLI replaced by a recording stub)', () => {
  it('task i runs shard i/N from the submit dir; the merge job runs after all tasks, on every shard', async (ctx) => {
    const s = needSlurm(ctx);
    const out = join(s.dir, 'results/stubbed');
    const r = await runSlurmCli(['slurm', FIXTURE_TINY, '--tasks', '3', '--out', out]);
    expect(r.code, r.err).toBe(0);
    for (const f of ['array.sbatch', 'merge.sbatch']) {
      const path = join(out, 'slurm', f);
      const text = readFileSync(path, 'utf8').replace(/^VDPASCALE=.*$/m, `VDPASCALE=${STUB}`);
      writeFileSync(path, text);
    }
    // Submit exactly as the command told us to, through bash.
    const commands = r.out
      .split('\n')
      .filter((l) => l.startsWith('  '))
      .join('\n');
    const log = join(s.dir, 'stub.log');
    const script = `${commands}\necho "\${jid%%;*}"`;
    const sub = spawnSync('bash', ['-euc', script], { env: { ...s.env, STUB_LOG: log }, encoding: 'utf8' });
    expect(sub.status, sub.stderr).toBe(0);
    const [mergeId = '', arrayId = ''] = sub.stdout.trim().split('\n');
    submitted.push(arrayId, mergeId);
    expect(s.run('scontrol', ['-o', 'show', 'job', mergeId])).toContain(`Dependency=afterok:${arrayId}`);
    await s.waitForJobs([arrayId, mergeId], 60_000);
    expect(s.jobStates(arrayId), jobLogs(out)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(s.jobStates(mergeId), jobLogs(out)).toEqual(['COMPLETED']);

    const calls = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { args: string[]; cwd: string; task: string | null });
    const runs = calls.slice(0, 3).sort((a, b) => Number(a.task) - Number(b.task));
    runs.forEach((c, i) => {
      expect(c.task).toBe(String(i));
      expect(c.cwd).toBe(process.cwd());
      expect(c.args).toEqual([
        'run',
        FIXTURE_TINY,
        '--shard',
        `${i}/3`,
        '--out',
        `${out}/shards/${i}`,
        ...['--resume', '--no-report', '--quiet', '--jobs', '1'],
      ]);
    });
    const shards = [0, 1, 2].map((i) => `${out}/shards/${i}`);
    expect(calls.slice(3).map((c) => c.args)).toEqual([
      ['merge', ...shards, '--out', out, '--no-report'],
      ['report', out],
    ]);

    // A requeued task (here a finished one) runs its own command again, with --resume.
    s.run('scontrol', ['requeue', `${arrayId}_1`]);
    await s.waitForJobs([arrayId], 60_000);
    const again = readFileSync(log, 'utf8').trim().split('\n').slice(5);
    expect(again.map((l) => (JSON.parse(l) as { args: string[] }).args)).toEqual([runs[1]?.args]);
  });
});

/** Whether the built CLI (dist/, through bin/) has the sharded runner and merge yet. */
function runnerMissing(): string | undefined {
  const help = (cmd: string) => spawnSync(process.execPath, [BIN, cmd, '--help'], { encoding: 'utf8' });
  const run = help('run');
  if (run.status !== 0 || !run.stdout.includes('--shard')) return "the built CLI has no 'run --shard'";
  if (help('merge').status !== 0) return "the built CLI has no 'merge'";
  return undefined;
}

function jobLogs(dir: string): string {
  const logs = join(dir, 'slurm/logs');
  if (!existsSync(logs)) return '';
  return readdirSync(logs)
    .map((f) => `--- ${f}\n${readFileSync(join(logs, f), 'utf8').slice(-3000)}`)
    .join('\n');
}

describe('vdpascale slurm --submit on the local Slurm', () => {
  it('a 3-shard study merges byte-identical to a local run; a requeued task resumes to the same shard', async (ctx) => {
    const s = needSlurm(ctx);
    const missing = runnerMissing();
    if (missing !== undefined) {
      const why = `${missing} (build with npm run build)`;
      if (REQUIRE) throw new Error(`REQUIRE_SLURM=1 but ${why}`);
      ctx.skip(why);
    }
    const scenario = existsSync(SHIPPED_TINY) ? SHIPPED_TINY : FIXTURE_TINY;
    const out = join(s.dir, 'results/study');
    const saved = process.env.SLURM_CONF;
    process.env.SLURM_CONF = s.conf;
    let r: Awaited<ReturnType<typeof runSlurmCli>>;
    try {
      r = await runSlurmCli(['slurm', scenario, '--tasks', '3', '--out', out, '--no-report', '--submit']);
    } finally {
      if (saved === undefined) delete process.env.SLURM_CONF;
      else process.env.SLURM_CONF = saved;
    }
    expect(r.code, r.err).toBe(0);
    const arrayId = /array job (\d+)/.exec(r.out)?.[1] ?? '';
    const mergeId = /merge job (\d+)/.exec(r.out)?.[1] ?? '';
    submitted.push(arrayId, mergeId);
    await s.waitForJobs([arrayId, mergeId], 240_000).catch((e: Error) => {
      throw new Error(`${e.message}\n${jobLogs(out)}`);
    });
    expect(s.jobStates(arrayId), jobLogs(out)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(s.jobStates(mergeId), jobLogs(out)).toEqual(['COMPLETED']);

    const local = join(s.dir, 'results/local');
    const run = spawnSync(
      process.execPath,
      [BIN, 'run', scenario, '--out', local, '--no-report', '--quiet'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    for (const f of CSVS) {
      const merged = readFileSync(join(out, f));
      expect(merged.length, f).toBeGreaterThan(0);
      expect(merged.equals(readFileSync(join(local, f))), `${f} differs from the local run`).toBe(true);
    }

    // Requeue a finished task: it reruns `run --resume` into its shard folder, which must leave
    // the shard as it was (nothing left to do); a merge by hand still matches the local run.
    s.run('scontrol', ['requeue', `${arrayId}_1`]);
    await s.waitForJobs([arrayId], 120_000);
    expect(s.jobStates(arrayId), jobLogs(out)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    const remerged = join(s.dir, 'results/remerged');
    const shards = [0, 1, 2].map((i) => join(out, 'shards', String(i)));
    const merge = spawnSync(process.execPath, [BIN, 'merge', ...shards, '--out', remerged, '--no-report'], {
      encoding: 'utf8',
    });
    expect(merge.status, merge.stderr).toBe(0);
    for (const f of CSVS) {
      expect(readFileSync(join(remerged, f)).equals(readFileSync(join(local, f))), `${f} after requeue`).toBe(
        true,
      );
    }
  });
});
