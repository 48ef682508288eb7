/**
 * A throw-away single-node Slurm on 127.0.0.1 for tests: its own munge key and socket, slurm.conf, state, spool, PID and log files all in one
 * temp dir, free ports, no cgroups. Daemons are stopped by the PIDs recorded at spawn time.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = new URL('../../', import.meta.url).pathname;
const SLURM_BINARIES = ['sbatch', 'squeue', 'scontrol', 'scancel', 'sinfo', 'slurmctld', 'slurmd', 'munged'];

export type Availability = { ok: true; installed: string } | { ok: false; reason: string };

function onPath(bin: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${bin} || test -x /usr/sbin/${bin}`]).status === 0;
}

/**
 * Makes Slurm and munge available: installs them with scripts/install-slurm.sh when missing and
 * we are root with apt-get; otherwise says why not.
 */
export function ensureSlurm(): Availability {
  if (process.platform !== 'linux') return { ok: false, reason: 'needs Linux' };
  const missing = SLURM_BINARIES.filter((b) => !onPath(b));
  if (missing.length > 0) {
    if (process.getuid?.() !== 0) return { ok: false, reason: `not root and ${missing.join(', ')} missing` };
    if (!onPath('apt-get'))
      return { ok: false, reason: `apt-get unavailable and ${missing.join(', ')} missing` };
    const r = spawnSync('bash', [join(REPO, 'scripts/install-slurm.sh')], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (r.status !== 0) return { ok: false, reason: `install-slurm.sh failed: ${r.stderr.slice(-2000)}` };
  }
  // slurmd runs jobs as their submitting user and must be root to do so.
  if (process.getuid?.() !== 0) return { ok: false, reason: 'slurmd needs root (SlurmdUser=root)' };
  return { ok: true, installed: execFileSync('slurmd', ['-V'], { encoding: 'utf8' }).trim() };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export interface Daemon {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
}

export class LocalSlurm {
  readonly daemons: Daemon[] = [];
  /** Environment for Slurm clients (sbatch, squeue…): points them at this cluster. */
  readonly env: NodeJS.ProcessEnv;

  private constructor(
    readonly dir: string,
    readonly conf: string,
    readonly node: string,
  ) {
    this.env = { ...process.env, SLURM_CONF: conf };
  }

  /** Writes the config and starts munged, slurmctld and slurmd; resolves when the node is idle. */
  static async start(): Promise<LocalSlurm> {
    const dir = mkdtempSync(join(tmpdir(), 'vdpascale-slurm-'));
    // munged (as user munge) must reach its folder; munge wants it owned by munge, 0755 for the socket.
    chmodSync(dir, 0o755);
    const mungeDir = join(dir, 'munge');
    mkdirSync(mungeDir, { mode: 0o755 });
    const { uid, gid } = mungeIds();
    const key = join(mungeDir, 'munge.key');
    execFileSync('dd', ['if=/dev/urandom', `of=${key}`, 'bs=1024', 'count=1'], { stdio: 'ignore' });
    chmodSync(key, 0o600);
    chownSync(mungeDir, uid, gid);
    chownSync(key, uid, gid);
    for (const d of ['state', 'spool']) mkdirSync(join(dir, d));
    const node = hostname().split('.')[0] ?? 'localhost';
    const conf = join(dir, 'slurm.conf');
    const [ctldPort, slurmdPort] = [await freePort(), await freePort()];
    writeFileSync(conf, slurmConf(dir, node, detectedCpus(), ctldPort, slurmdPort));
    const slurm = new LocalSlurm(dir, conf, node);
    try {
      slurm.spawnDaemon('munged', 'setpriv', [
        '--reuid=munge',
        '--regid=munge',
        '--init-groups',
        execFileSync('sh', ['-c', 'command -v munged || echo /usr/sbin/munged'], { encoding: 'utf8' }).trim(),
        '--foreground',
        `--key-file=${key}`,
        `--socket=${join(mungeDir, 'munge.socket')}`,
        `--pid-file=${join(mungeDir, 'munged.pid')}`,
        `--log-file=${join(mungeDir, 'munged.log')}`,
        `--seed-file=${join(mungeDir, 'munged.seed')}`,
      ]);
      await slurm.waitFor(() => existsSync(join(mungeDir, 'munge.socket')), 10_000, 'munged socket');
      slurm.spawnDaemon('slurmctld', 'slurmctld', ['-D', '-i']);
      slurm.spawnDaemon('slurmd', 'slurmd', ['-D', '-N', node]);
      await slurm.waitFor(() => slurm.nodeState() === 'idle', 30_000, 'node idle in sinfo');
    } catch (e) {
      await slurm.stop();
      throw e;
    }
    return slurm;
  }

  private spawnDaemon(name: string, cmd: string, args: string[]): void {
    const child = spawn(cmd, args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (b: Buffer) => {
      log = (log + b.toString()).slice(-20_000);
      writeFileSync(join(this.dir, `${name}.out`), log);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    if (child.pid === undefined) throw new Error(`could not start ${name}`);
    this.daemons.push({ name, pid: child.pid, child });
  }

  private async waitFor(ok: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!ok()) {
      const dead = this.daemons.find((d) => d.child.exitCode !== null || d.child.signalCode !== null);
      if (dead) throw new Error(`${dead.name} exited while waiting for ${what}:\n${this.logs()}`);
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${this.logs()}`);
      await sleep(200);
    }
  }

  nodeState(): string {
    const r = spawnSync('sinfo', ['-h', '-N', '-o', '%T'], { env: this.env, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : '';
  }

  /** Runs a Slurm client command against this cluster; throws with its stderr on failure. */
  run(cmd: string, args: string[]): string {
    const r = spawnSync(cmd, args, { env: this.env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
    return r.stdout;
  }

  /** `squeue` rows `id|state|reason` of these jobs still known and not finished. */
  queued(jobIds: string[]): string[] {
    const r = spawnSync('squeue', ['-h', '-j', jobIds.join(','), '-o', '%i|%T|%r'], {
      env: this.env,
      encoding: 'utf8',
    });
    // squeue fails with "Invalid job id" once every listed job has been purged: nothing queued.
    if (r.status !== 0) return [];
    return r.stdout.split('\n').filter((l) => l.trim() !== '');
  }

  /**
   * Polls `squeue` until none of the jobs is pending or running (sbatch --wait lags ~30 s).
   * Fails fast when a job can never start because its dependency failed.
   */
  async waitForJobs(jobIds: string[], timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const rows = this.queued(jobIds);
      if (rows.length === 0) return;
      const stuck = rows.find((r) => r.endsWith('|DependencyNeverSatisfied'));
      if (stuck) throw new Error(`job ${stuck} can never run: a job it depends on failed`);
      if (Date.now() > end) throw new Error(`jobs ${jobIds.join(',')} still queued: ${rows.join('; ')}`);
      await sleep(250);
    }
  }

  /** Final `JobState` of a job, one entry per array task. */
  jobStates(jobId: string): string[] {
    const out = this.run('scontrol', ['-o', 'show', 'job', jobId]);
    return [...out.matchAll(/JobState=(\S+)/g)].map((m) => m[1] ?? '');
  }

  /** Tails of the daemons' logs, for failure messages. */
  logs(): string {
    const files = ['slurmctld.log', 'slurmd.log', 'munged.out', 'slurmctld.out', 'slurmd.out'];
    return files
      .map((f) => join(this.dir, f))
      .filter((p) => existsSync(p))
      .map((p) => `--- ${p}\n${readFileSync(p, 'utf8').split('\n').slice(-15).join('\n')}`)
      .join('\n');
  }

  /** Stops every daemon by its recorded PID: SIGTERM, then SIGKILL after 10 s. */
  async stop(): Promise<void> {
    for (const d of [...this.daemons].reverse()) {
      if (d.child.exitCode !== null || d.child.signalCode !== null) continue;
      const exited = new Promise<void>((r) => d.child.once('exit', () => r()));
      signal(d, 'SIGTERM');
      const timer = setTimeout(() => signal(d, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }

  /** Whether every recorded daemon has exited. */
  allStopped(): boolean {
    return this.daemons.every((d) => d.child.exitCode !== null || d.child.signalCode !== null);
  }
}

function signal(d: Daemon, sig: NodeJS.Signals): void {
  if (d.child.exitCode !== null || d.child.signalCode !== null) return;
  try {
    process.kill(d.pid, sig);
  } catch {
    // ESRCH: it exited between the check and the kill.
  }
}

/** The CPUs slurmd itself detects (`slurmd -C`), so the node never drains on a mismatch. */
function detectedCpus(): number {
  const line = execFileSync('slurmd', ['-C'], { encoding: 'utf8' });
  const m = /\bCPUs=(\d+)/.exec(line);
  return m?.[1] !== undefined ? Number(m[1]) : 1;
}

function mungeIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'munge'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'munge'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function slurmConf(
  dir: string,
  node: string,
  cpuCount: number,
  ctldPort: number,
  slurmdPort: number,
): string {
  return `${[
    'ClusterName=vdpascale-test',
    `SlurmctldHost=${node}(127.0.0.1)`,
    'SlurmUser=root',
    'SlurmdUser=root',
    `SlurmctldPort=${ctldPort}`,
    `SlurmdPort=${slurmdPort}`,
    'AuthType=auth/munge',
    'CredType=cred/munge',
    // cred_expire is also how long a requeued job waits before it may start again (default 120 s).
    `AuthInfo=socket=${join(dir, 'munge', 'munge.socket')},cred_expire=5`,
    `StateSaveLocation=${join(dir, 'state')}`,
    `SlurmdSpoolDir=${join(dir, 'spool')}`,
    `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
    `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
    `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
    `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_CPU',
    'AccountingStorageType=accounting_storage/none',
    'JobCompType=jobcomp/none',
    'MpiDefault=none',
    'MailProg=/bin/true',
    // Re-test pending jobs every second instead of 60 s: an afterok job starts ~1 s after the
    // array ends (an array + chained job takes ~4 s instead of ~12 s).
    'SchedulerParameters=sched_interval=1,batch_sched_delay=0',
    'ReturnToService=2',
    `NodeName=${node} NodeAddr=127.0.0.1 CPUs=${cpuCount} State=UNKNOWN`,
    'PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
  ].join('\n')}\n`;
}
