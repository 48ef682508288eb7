/**
 * Runner benchmark (never a timed test): a CPU-bound sweep of the real model timed with
 * --jobs 1 (in process) and --jobs 2 (two reused worker threads), and the cost of starting the
 * worker threads. Run: `npx tsx bench/jobs-bench.ts [--runs 16] [--ms 300] [--trials 3] [--compiled]`.
 *
 * - sweep: `runs` runs (4 points × runs/4 replications) of the control-plane fixture config
 *   with 40–52 instances × 20 kpps of per-packet traffic for `ms` of simulated time, through the
 *   runner's own batch loop. Target on 2 cores: jobs 2 ≥ 1.8× faster than jobs 1.
 * - start-up: time from creating a 2-thread pool to both threads having answered a trivial run
 *   (module loading included), and the same for a warm pool (threads reused).
 * Each trial (`--trials 3`) runs the sweep in a fresh process, as the CLI would (cold JIT in the
 * main thread and in the workers), alternating the two settings; best and median are printed,
 * with the CPU time obtained, because a shared machine's background load disturbs timings.
 * `--compiled` uses dist/runner/run-worker.js (build first) in threads without the tsx loader, as
 * `bin/vdpascale.js` runs; otherwise the .ts worker under tsx, whose start-up is several times
 * slower (the loader compiles each module in each thread). jobs 1 runs in process either way.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RunSpec } from '../src/model/config.js';
import { runBatch } from '../src/runner/batch.js';
import { createExecutor, defaultWorkerUrl } from '../src/runner/executor.js';
import { planRuns, runSpecFor, type Study } from '../src/runner/study.js';
import { hash53Hex } from '../src/util/hash.js';
import { fixtureConfig, group } from '../test/model/control/fixture-config.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = Math.max(16, flag('runs', 16));
const SIM_MS = flag('ms', 300);
const compiled = args.includes('--compiled');
const workerUrl = compiled ? new URL('../dist/runner/run-worker.js', import.meta.url) : defaultWorkerUrl();
/** Compiled workers need no tsx loader: drop this process's tsx flags (flag + value pairs). */
function withoutTsx(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if ((a === '--require' || a === '--import') && (argv[i + 1] ?? '').includes('tsx')) i++;
    else if (!a.includes('tsx')) out.push(a);
  }
  return out;
}
const execArgv = compiled ? withoutTsx(process.execArgv) : undefined;

function study(): Study {
  const points = [40, 44, 48, 52].map((instances, index) => {
    const config = fixtureConfig(instances);
    config.workload.groups = [
      group('g0', instances, { traffic: { ...group('g0', 1).traffic, ratePps: 20_000 } }),
    ];
    return { index, id: `instances=${instances}`, params: { instances }, config };
  });
  return {
    name: 'jobs-bench',
    description: '',
    file: '',
    seed: 1,
    replications: RUNS / 4,
    durationNs: SIM_MS * 1e6,
    warmupNs: 0,
    document: {},
    hash: '',
    swept: ['instances'],
    points,
    charts: [],
    expect: [],
    warnings: [],
  };
}

interface SweepResult {
  wallS: number;
  /** CPU seconds of all threads of the process during the sweep. */
  cpuS: number;
  /** Mean wall time of one run where it ran. */
  runS: number;
  /** Hash of every run's event fingerprint, in run order: equal across job counts. */
  fingerprint: string;
}

async function timeSweep(jobs: number): Promise<SweepResult> {
  const s = study();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const executor = await createExecutor({ jobs, workerUrl, execArgv });
  const fingerprints: string[] = [];
  let runMs = 0;
  try {
    await runBatch(planRuns(s), {
      executor,
      specFor: (job) => runSpecFor(s, job),
      onResult: (job, r) => {
        fingerprints[job.index] = r.output.fingerprint;
        runMs += r.wallMs;
      },
    });
  } finally {
    await executor.close();
  }
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  return { wallS, cpuS, runS: runMs / 1000 / RUNS, fingerprint: hash53Hex(fingerprints.join()) };
}

async function timeStartup(): Promise<{ coldMs: number; warmMs: number }> {
  const tiny: RunSpec = { config: fixtureConfig(1), seed: 1, replication: 0, warmupNs: 0, durationNs: 1000 };
  const t0 = performance.now();
  const pool = await createExecutor({ jobs: 2, workerUrl, forcePool: true, execArgv });
  try {
    await Promise.all([pool.run({ index: 0, spec: tiny }), pool.run({ index: 1, spec: tiny })]);
    const coldMs = performance.now() - t0;
    const t1 = performance.now();
    await Promise.all([pool.run({ index: 2, spec: tiny }), pool.run({ index: 3, spec: tiny })]);
    return { coldMs, warmMs: performance.now() - t1 };
  } finally {
    await pool.close();
  }
}

/** One sweep in a fresh process (as the CLI runs it: cold JIT in process and in the threads). */
function sweepInChild(jobs: 1 | 2): SweepResult {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [...process.execArgv, self, ...args, '--child', String(jobs)], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as SweepResult;
}

async function parent(): Promise<void> {
  const TRIALS = Math.max(1, flag('trials', 3));
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(`cores: ${availableParallelism()}; load average ${load}; worker: ${workerUrl.pathname}`);
  const startup = await timeStartup();
  console.log(
    `worker start-up (2 threads, to first answers): ${startup.coldMs.toFixed(0)} ms cold, ` +
      `${startup.warmMs.toFixed(1)} ms warm`,
  );
  // Trials alternate jobs 1 and jobs 2 so both see the same background load; the best of each
  // is the figure least disturbed by other processes on a shared machine.
  const results: Record<1 | 2, SweepResult[]> = { 1: [], 2: [] };
  for (let t = 0; t < TRIALS; t++) {
    for (const jobs of [1, 2] as const) results[jobs].push(sweepInChild(jobs));
  }
  const all = [...results[1], ...results[2]];
  if (new Set(all.map((r) => r.fingerprint)).size !== 1)
    throw new Error('runs disagree between trials or job counts');
  const best = (xs: number[]) => Math.min(...xs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const m = (jobs: 1 | 2, f: (r: SweepResult) => number) => median(results[jobs].map(f));
  console.log(
    `sweep: ${RUNS} runs x ${TRIALS} trials, a fresh process each; mean run ${m(1, (r) => r.runS).toFixed(3)} s ` +
      `in process, ${m(2, (r) => r.runS).toFixed(3)} s on a thread (median)`,
  );
  console.log(
    `CPU seconds per wall second (parallelism obtained, median): jobs 1 ${m(1, (r) => r.cpuS / r.wallS).toFixed(2)}, ` +
      `jobs 2 ${m(2, (r) => r.cpuS / r.wallS).toFixed(2)}`,
  );
  // What two idle cores would give: the work of jobs 1 over half the work of jobs 2, whose extra
  // CPU is the threads' start-up and JIT warm-up and the copying of tasks and results.
  const work1 = m(1, (r) => r.cpuS);
  const work2 = m(2, (r) => r.cpuS);
  console.log(
    `CPU work: jobs 1 ${work1.toFixed(2)} s, jobs 2 ${work2.toFixed(2)} s ` +
      `(${(100 * (work2 / work1 - 1)).toFixed(0)}%); projected speed-up on 2 idle cores ${(work1 / (work2 / 2)).toFixed(2)}x`,
  );
  for (const [label, f] of [
    ['best', best],
    ['median', median],
  ] as const) {
    const one = f(results[1].map((r) => r.wallS));
    const two = f(results[2].map((r) => r.wallS));
    console.log(
      `${label}: jobs 1 ${one.toFixed(2)} s, jobs 2 ${two.toFixed(2)} s, speed-up ${(one / two).toFixed(2)}x (target >= 1.8x)`,
    );
  }
}

const child = args.indexOf('--child');
if (child >= 0) {
  const jobs = Number(args[child + 1]);
  console.log(JSON.stringify(await timeSweep(jobs)));
} else {
  await parent();
}
