/**
 * Sensitivity benchmark (never a timed test): Morris screening with 10 trajectories over every
 * estimate of the mlx5 profile (and the platform's beneath it) on a shrunk quickstart, through
 * the compiled CLI in this process, so that the CPU time counted includes the worker threads.
 * Target: < 5 minutes of wall time on 2 cores (`--jobs 2`).
 *
 * Shrunk quickstart, the shipped defaults otherwise: parent mlx5, 64 instances (per-vf creates
 * them one by one in ≈ 26 s), warm-up 30 s, 2 s measured, 1 replication (the samples share
 * their random numbers), the five transports compared. Printed: parameters, samples, runs,
 * wall and CPU time, events per run and per second of CPU, and the load average, because a
 * shared machine's background load stretches the wall time.
 * Run: `npm run build && npx tsx bench/sensitivity-bench.ts [--jobs 2] [--samples 10]`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const jobs = flag('jobs', '2');
const samples = flag('samples', '10');
const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), 'vdpascale-sensitivity-bench-')), 'out');
const argv = [
  'sensitivity',
  join(root, 'scenarios/quickstart.yaml'),
  ...['--set', 'parent=mlx5', '--set', 'instances=64', '--set', 'warmup=30s', '--set', 'duration=2s'],
  ...['--replications', '1', '--samples', samples, '--jobs', jobs],
  ...[
    '--metric',
    'provision_makespan_ms',
    '--metric',
    'ctrl_latency_p99_us',
    '--compare',
    'strategy.transport',
  ],
  ...['--out', out, '--no-report', '--quiet'],
];

const { main } = (await import(new URL('../dist/cli/main.js', import.meta.url).href)) as {
  main: (argv: string[]) => Promise<number>;
};
const load = loadavg()[0] ?? 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const code = await main(argv);
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
if (code !== 0) throw new Error(`vdpascale sensitivity exited ${code}`);

const descriptor = JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8')) as { params: unknown[] };
const [header = '', ...rows] = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
const eventsCol = header.split(',').indexOf('events');
const events = rows.reduce((sum, r) => sum + Number(r.split(',')[eventsCol]), 0);
const cpuS = (cpu.user + cpu.system) / 1e6;
const k = descriptor.params.length;
console.log(
  `sensitivity bench (morris, ${samples} trajectories, mlx5 estimates, shrunk quickstart, --jobs ${jobs}, ` +
    `${availableParallelism()} cores, load ${load.toFixed(1)} at start):`,
);
console.log(
  `  parameters ${k}; samples ${Number(samples) * (k + 1)} + nominal; runs ${rows.length} (5 transports × 1 replication)`,
);
console.log(`  wall ${wall.toFixed(1)} s (target < 300 s); CPU ${cpuS.toFixed(1)} s (all threads)`);
console.log(
  `  events ${events} = ${Math.round(events / rows.length)} per run; ${Math.round(events / cpuS)} events per CPU second, ` +
    `${((cpuS / rows.length) * 1000).toFixed(0)} ms CPU per run (planning and analysis included)`,
);
rmSync(join(out, '..'), { recursive: true, force: true });
