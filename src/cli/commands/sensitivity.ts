/**
 * `vdpascale sensitivity FILE --metric M…`: which estimates decide a metric, and (with
 * --compare KEY) whether the scenario's ranking of strategies survives them. Morris screening or
 * Sobol indices over the parameter space (by default the parent profile's estimates, over their
 * documented ranges), every sample on common random numbers, journalled like `run`.
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { METRICS } from '../../model/metrics.js';
import { pointLabel } from '../../output/charts/sensitivity-charts.js';
import { inspectResultFolder } from '../../output/result-folder.js';
import { StudyStoppedError } from '../../output/run-study.js';
import {
  type Better,
  type MetricGoal,
  RANKING_INDEX,
  type SensitivityDescriptor,
  type SensitivityResult,
} from '../../output/sensitivity-analysis.js';
import { descriptorOf, runSensitivity } from '../../output/sensitivity-study.js';
import { BatchInterruptedError } from '../../runner/batch.js';
import { defaultJobsFor, isSmallStudy } from '../../runner/default-jobs.js';
import {
  METHODS,
  type Method,
  planSensitivity,
  type SensitivityStudy,
} from '../../runner/sensitivity-plan.js';
import { parameterSpace } from '../../runner/sensitivity-space.js';
import { parseShard, shardLabel } from '../../runner/study.js';
import { DEFAULT_RESAMPLES } from '../../stats/sensitivity/estimate.js';
import { FailureError, InputError } from '../../util/errors.js';
import { lockFolders, releaseFolders } from '../folder-locks.js';
import type { CliIO } from '../io.js';
import { shellQuote } from '../rerun-command.js';
import { GRACE_MS, SIGNAL_EXIT, watchSignals } from '../signal-watch.js';
import { checkInteger, loadFlags, loadOptions, type RunDeps, reportFor, resolveDeps, single } from './run.js';

const DEFAULT_SAMPLES: Record<Method, number> = { morris: 10, sobol: 64 };

/** `NAME` or `NAME:lower` / `NAME:higher` (which way is better, for --compare). */
export function parseMetric(text: string): MetricGoal {
  const [name = '', better = 'lower', ...rest] = text.split(':');
  if (!(METRICS as readonly string[]).includes(name))
    throw new InputError(`--metric '${text}': unknown metric '${name}'`, {}, METRICS.join(', '));
  if (rest.length > 0 || (better !== 'lower' && better !== 'higher'))
    throw new InputError(
      `--metric '${text}': say which way is better with :lower or :higher`,
      {},
      'NAME[:lower|:higher]',
    );
  return { name, better: better as Better };
}

/** Checks --compare against the scenario: a swept key with one value per point. */
function checkCompare(
  key: string | undefined,
  plan: Pick<SensitivityStudy, 'basePoints'>,
  swept: readonly string[],
  file: string,
) {
  if (key === undefined) return;
  if (!swept.includes(key))
    throw new InputError(
      `--compare ${key}: ${file} does not sweep it`,
      { file, path: key },
      swept.length > 0 ? swept.join(', ') : 'a key the scenario sweeps (it sweeps none)',
    );
  const values = plan.basePoints.map((p) => String(p.params[key]));
  if (new Set(values).size !== values.length)
    throw new InputError(
      `--compare ${key}: several points share a value (${values.join(', ')}); fix the other swept keys with --set`,
      { file, path: key },
    );
}

/** The parameters ranked by the ranking index for one metric at one point, best first. */
function ranking(r: SensitivityResult, method: Method, metric: string, point: number) {
  return r.indices
    .filter((x) => x.metric === metric && x.point === point && x.index === RANKING_INDEX[method])
    .sort((a, b) => b.value - a.value);
}

function printResult(
  io: CliIO,
  plan: SensitivityStudy,
  descriptor: SensitivityDescriptor,
  r: SensitivityResult,
) {
  const { method, metrics } = descriptor;
  const fmt = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : '—');
  for (const c of plan.basePoints.keys()) {
    for (const m of metrics) {
      const top = ranking(r, method, m.name, c).slice(0, 5);
      if (top.length === 0) continue;
      const where = plan.basePoints.length > 1 ? ` at ${pointLabel(descriptor, c)}` : '';
      io.out(`${m.name}${where}: ${RANKING_INDEX[method]} (95% CI)`);
      for (const x of top)
        io.out(`  ${x.parameter.padEnd(44)} ${fmt(x.value)} [${fmt(x.low)}, ${fmt(x.high)}]`);
    }
  }
  for (const s of r.skipped) io.err(`warning: ${s}`);
  for (const c of r.conclusions) io.out(c.sentence);
}

export function sensitivityCommand(io: CliIO, deps: Partial<RunDeps> = {}) {
  const resolved = resolveDeps(deps);
  return {
    command: 'sensitivity <file>',
    describe:
      'Which estimated parameters decide a metric (Morris or Sobol), and whether a ranking survives them',
    builder: (y: Argv) =>
      y
        .positional('file', { type: 'string', describe: 'scenario file (YAML)' })
        .option('metric', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'metric to analyse, NAME[:lower|:higher] (repeatable)',
        })
        .option('method', {
          type: 'string',
          choices: METHODS,
          default: 'morris',
          describe: 'morris (screening) or sobol (variance shares)',
        })
        .option('params', {
          type: 'string',
          array: true,
          describe:
            "'estimates' (the parent profile's, the default), PATH (its documented range) or PATH=LO..HI",
        })
        .option('samples', {
          type: 'number',
          describe: 'Morris trajectories (default 10) or Sobol base samples N (default 64)',
        })
        .option('levels', { type: 'number', default: 4, describe: 'Morris grid levels (even)' })
        .option('compare', {
          type: 'string',
          describe: 'swept key whose values are ranked in every sample, e.g. strategy.transport',
        })
        .option('resamples', {
          type: 'number',
          default: DEFAULT_RESAMPLES,
          describe: 'bootstrap resamples per CI',
        })
        .option('out', { type: 'string', describe: 'result folder (default results/<name>-sensitivity/)' })
        .option('jobs', { type: 'number', describe: 'runs in parallel (default: all cores)' })
        .option('shard', {
          type: 'string',
          describe: 'run only shard I/N of the runs (merge them with vdpascale merge)',
        })
        .option('resume', {
          type: 'boolean',
          default: false,
          describe: 'continue an interrupted analysis from its journal',
        })
        .options(loadFlags('sample', 'override the master seed (the design derives from it)'))
        .option('dry-run', {
          type: 'boolean',
          default: false,
          describe: 'print the parameter space and the runs; run nothing',
        })
        .option('report', {
          type: 'boolean',
          default: true,
          describe: 'build charts and report.html (--no-report)',
        })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress output' })
        .example(
          '$0 sensitivity scenarios/sensitivity-provisioning.yaml --metric provision_makespan_ms --compare strategy.transport',
          'which estimates decide the makespan, and does the transport ranking hold',
        )
        .example(
          "$0 sensitivity s.yaml --metric ctrl_latency_p99_us --method sobol --params 'adminq.service.CREATE=1ms..20ms'",
          'Sobol indices over one range',
        ),
    handler: async (argv: Record<string, unknown>) => {
      const file = String(argv.file);
      const method = String(single<string>(argv, 'method') ?? 'morris') as Method;
      const metrics = ((argv.metric as unknown[] | undefined) ?? []).map((m) => parseMetric(String(m)));
      if (metrics.length === 0) throw new InputError('give at least one --metric');
      const samples =
        checkInteger('samples', single<number>(argv, 'samples'), 2, 100_000) ?? DEFAULT_SAMPLES[method];
      const levels = checkInteger('levels', single<number>(argv, 'levels'), 2, 64) ?? 4;
      if (levels % 2 !== 0) throw new InputError(`--levels must be even, got ${levels}`);
      const resamples =
        checkInteger('resamples', single<number>(argv, 'resamples'), 100, 1_000_000) ?? DEFAULT_RESAMPLES;
      const jobs = checkInteger('jobs', single<number>(argv, 'jobs'), 1, 4096);
      const shardText = single<string>(argv, 'shard');
      const shard = shardText === undefined ? undefined : parseShard(shardText);
      const compare = single<string>(argv, 'compare');
      const sets = argv.set as string[] | undefined;
      const options = loadOptions({
        set: sets,
        replications: single<number>(argv, 'replications'),
        seed: single<number>(argv, 'seed'),
      });
      const prepared = await resolved.prepareScenario(file, options);
      const base = prepared.base;
      const space = parameterSpace(((argv.params as unknown[] | undefined) ?? []).map(String), base);
      const basePoints = base.points.map(({ config: _c, ...p }) => p);
      checkCompare(compare, { basePoints }, base.swept, file);
      const plan = await planSensitivity(prepared, space, { method, samples, levels, seed: base.seed });
      const descriptor = descriptorOf(plan, { metrics, compare: compare ?? null, resamples, level: 0.95 });
      const name = `${base.name}-sensitivity`;
      const dir =
        single<string>(argv, 'out') ??
        join(resolved.resultsRoot, shard ? `${name}-${shardLabel(shard)}` : name);
      const runs = plan.study.points.length * plan.study.replications;
      io.out(
        `${base.name}: ${method}, ${plan.space.params.length} parameter(s), ${plan.nominal} sample(s) + nominal × ` +
          `${base.points.length} point(s) × ${base.replications} replication(s) = ${runs} runs -> ${dir}`,
      );
      if (argv.quiet !== true || argv.dryRun === true) {
        for (const p of plan.space.params)
          io.out(
            `  ${p.path.padEnd(44)} ${p.range.min}..${p.range.max} ${p.unit} (${p.range.scale}; ${p.origin})`,
          );
        for (const n of plan.space.notes) io.err(`  note: ${n}`);
      }
      if (argv.dryRun === true) return;
      const command = commandLine(argv, file, dir);
      const locks = lockFolders([dir], command, io, resolved.writer);
      const watch = watchSignals(io, resolved.signals);
      let outcome: Awaited<ReturnType<typeof runSensitivity>>;
      try {
        const folder = inspectResultFolder(dir, studyInfoOf(plan), shard, { resume: argv.resume === true });
        let next = 0.1;
        outcome = await runSensitivity({
          plan,
          descriptor,
          folder,
          shard,
          jobs: jobs ?? defaultJobsFor(plan.study),
          // As `run`: with one job a small study stays in the calling thread even under an interrupt.
          smallStudy: isSmallStudy(plan.study),
          workerUrl: resolved.workerUrl,
          writer: resolved.writer,
          interrupt: { signal: watch.signal, graceMs: GRACE_MS },
          onStart: (done, n) => {
            if (done > 0 && argv.quiet !== true) io.err(`${name}: resuming, ${done}/${n} runs already done`);
          },
          onRun: (e) => {
            if (argv.quiet === true || e.done / e.total < next) return;
            next = Math.floor((e.done / e.total) * 10) / 10 + 0.1;
            io.err(`${name}: ${e.done}/${e.total} runs`);
          },
        });
      } catch (e) {
        if (!(e instanceof StudyStoppedError)) throw e;
        const resume = `${command} --resume`;
        const signal = watch.received;
        const why =
          e.reason instanceof BatchInterruptedError
            ? `interrupted by ${signal ?? 'SIGINT'}`
            : e.reason.message;
        throw new FailureError(
          `${why}: ${e.kept} of ${e.total} runs kept in ${dir}; resume with: ${resume}`,
          {
            cause: e,
            exitCode: e.reason instanceof BatchInterruptedError ? SIGNAL_EXIT[signal ?? 'SIGINT'] : 1,
          },
        );
      } finally {
        watch.dispose();
        releaseFolders(locks, true);
      }
      if (outcome.result !== undefined) printResult(io, plan, descriptor, outcome.result);
      io.out(
        `${outcome.outcome.records.length} run(s) in ${dir} (${outcome.outcome.ran} run now, ${outcome.outcome.resumed} resumed)`,
      );
      await reportFor(io, resolved, dir, argv.report !== false, shard !== undefined);
    },
  };
}

function studyInfoOf(plan: SensitivityStudy) {
  const { points, ...rest } = plan.study;
  return { ...rest, points: points.map(({ config: _c, ...p }) => p) };
}

/** The command as given (for lock files and the resume hint). */
function commandLine(argv: Record<string, unknown>, file: string, dir: string): string {
  const words = ['vdpascale', 'sensitivity', file, '--out', dir];
  for (const key of [
    'method',
    'samples',
    'levels',
    'compare',
    'resamples',
    'replications',
    'seed',
    'shard',
  ]) {
    const v = argv[key];
    if (v !== undefined) words.push(`--${key}`, String(v));
  }
  for (const key of ['metric', 'params', 'set'])
    for (const v of (argv[key] as unknown[] | undefined) ?? []) words.push(`--${key}`, String(v));
  if (argv.report === false) words.push('--no-report');
  return words.map(shellQuote).join(' ');
}
