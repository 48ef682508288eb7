/**
 * `vdpascale run FILE…`: expand each scenario's sweep, run every point × replication on a pool
 * of worker threads, write the result folder, print a summary table and build the report.
 * Everything is validated (flags, scenarios, result folders) before any folder is created.
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { limitResources, runWarnings } from '../../output/admission-warnings.js';
import type { FileWriter } from '../../output/file-writer.js';
import { columnName, studyInfo } from '../../output/records.js';
import { type ReportWriter, writeReportLazily } from '../../output/report-adapter.js';
import { clearResults, type FolderState, inspectResultFolder } from '../../output/result-folder.js';
import { runStudy, StudyStoppedError } from '../../output/run-study.js';
import { summarizeRuns } from '../../output/summary.js';
import { formatColumns, formatSummaryTable, headlineMetrics } from '../../output/summary-table.js';
import { defaultJobsFor, isSmallStudy } from '../../runner/default-jobs.js';
import {
  type LoadOptions,
  loadScenarioFile,
  preparerOf,
  prepareScenarioFile,
  type ScenarioLoader,
  type ScenarioPreparer,
} from '../../runner/scenario-loader.js';
import { parseShard, type ShardSpec, type Study, shardLabel } from '../../runner/study.js';
import { FailureError, InputError } from '../../util/errors.js';
import { lockFolders, releaseFolders } from '../folder-locks.js';
import type { CliIO } from '../io.js';
import { resumeCommandLine, runCommandLine } from '../rerun-command.js';
import { Progress } from '../run-progress.js';
import { GRACE_MS, SIGNAL_EXIT, type SignalSource, type SignalWatch, watchSignals } from '../signal-watch.js';
import { stoppedFailure } from '../stopped-message.js';

/** What the commands need from outside; tests inject stand-ins. */
export interface RunDeps {
  loadScenario: ScenarioLoader;
  /** Reads a scenario once for probing by path (default: the scenario layer's; over an injected loader, that loader). */
  prepareScenario: ScenarioPreparer;
  /** Worker module for runs (default: the real model). */
  workerUrl: URL | undefined;
  writeReport: ReportWriter;
  /** Parent of default result folders. */
  resultsRoot: string;
  /** Where result folders are written (default: the real file system; tests inject faults). */
  writer: FileWriter | undefined;
  /** Where SIGINT / SIGTERM come from (default: this process). */
  signals: SignalSource | undefined;
  /** How often a plain progress line is printed inside runs, ms (default 10 s; tests shorten it). */
  progressEveryMs: number | undefined;
}

/**
 * Where result folders go by default: untracked (.gitignore), so that `npm start` and re-runs
 * of the shipped studies leave a clone clean; the committed reference results under
 * `results/<name>/` are written only by `npm run studies` (with --out).
 */
export const DEFAULT_RESULTS_ROOT = 'results/local';

export function resolveDeps(deps: Partial<RunDeps>): RunDeps {
  return {
    loadScenario: deps.loadScenario ?? loadScenarioFile,
    prepareScenario:
      deps.prepareScenario ??
      (deps.loadScenario === undefined ? prepareScenarioFile : preparerOf(deps.loadScenario)),
    workerUrl: deps.workerUrl,
    writeReport: deps.writeReport ?? writeReportLazily,
    resultsRoot: deps.resultsRoot ?? DEFAULT_RESULTS_ROOT,
    writer: deps.writer,
    signals: deps.signals,
    progressEveryMs: deps.progressEveryMs,
  };
}

export interface RunArgs {
  files: string[];
  out?: string | undefined;
  jobs?: number | undefined;
  set?: string[] | undefined;
  replications?: number | undefined;
  seed?: number | undefined;
  shard?: string | undefined;
  resume: boolean;
  /** Replace a folder holding another study's results. */
  force: boolean;
  dryRun: boolean;
  report: boolean;
  quiet: boolean;
}

/** Integer flag in [min, max]; yargs hands NaN for non-numbers. */
export function checkInteger(
  flag: string,
  v: number | undefined,
  min: number,
  max: number,
): number | undefined {
  if (v === undefined) return undefined;
  if (!Number.isSafeInteger(v) || v < min || v > max) {
    throw new InputError(`--${flag} must be an integer in ${min}..${max}, got ${v}`);
  }
  return v;
}

/** `--set PATH=VALUE` shape check (the scenario loader validates path and value). */
export function checkSets(sets: readonly string[] | undefined): string[] {
  const out = [...(sets ?? [])].map(String);
  for (const s of out) {
    if (!/^[^=\s]+=/.test(s)) throw new InputError(`--set '${s}' is not PATH=VALUE (e.g. adminq.workers=8)`);
  }
  return out;
}

/**
 * The flags loadOptions reads, declared once for every command that loads a scenario; `per` names
 * what a replication repeats there (point, probe, sample).
 */
export function loadFlags(per: string, seed = 'override the master seed') {
  return {
    set: { type: 'string', array: true, describe: 'override a parameter: PATH=VALUE (repeatable)' },
    replications: { type: 'number', describe: `override the replications per ${per}` },
    seed: { type: 'number', describe: seed },
  } as const;
}

export function loadOptions(args: Pick<RunArgs, 'set' | 'replications' | 'seed'>): LoadOptions {
  const opts: LoadOptions = { sets: checkSets(args.set) };
  const replications = checkInteger('replications', args.replications, 1, 100_000);
  const seed = checkInteger('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
  if (replications !== undefined) opts.replications = replications;
  if (seed !== undefined) opts.seed = seed;
  return opts;
}

interface Planned {
  study: Study;
  dir: string;
}

function plan(studies: Study[], args: RunArgs, deps: RunDeps, shard: ShardSpec | undefined): Planned[] {
  if (args.out !== undefined && studies.length > 1) {
    throw new InputError(
      '--out names one result folder; with several files omit it (each goes to results/<name>/)',
    );
  }
  const planned = studies.map((study) => ({
    study,
    dir: args.out ?? defaultFolder(study, args, deps, shard),
  }));
  const seen = new Map<string, string>();
  for (const p of planned) {
    const other = seen.get(p.dir);
    if (other !== undefined) throw new InputError(`${other} and ${p.study.file} would both write ${p.dir}`);
    seen.set(p.dir, p.study.file);
  }
  return planned;
}

/**
 * `results/local/<name>/`; a run that varies the file (--set, --replications, --seed) gets
 * `<name>-<scenario hash>/`, so each variant keeps its own folder and re-running it replaces
 * only its own results; a shard gets `<name>-shard-I-of-N/`.
 */
function defaultFolder(study: Study, args: RunArgs, deps: RunDeps, shard: ShardSpec | undefined): string {
  const varied = (args.set?.length ?? 0) > 0 || args.replications !== undefined || args.seed !== undefined;
  const stem = varied ? `${study.name}-${study.hash.slice(0, 8)}` : study.name;
  return join(deps.resultsRoot, shard ? `${stem}-${shardLabel(shard)}` : stem);
}

function describePlan(io: CliIO, p: Planned, shard: ShardSpec | undefined): void {
  const { study } = p;
  const runs = study.points.length * study.replications;
  const mine = shard ? Math.ceil(Math.max(0, runs - shard.index) / shard.count) : runs;
  const shardNote = shard ? `, shard ${shard.index}/${shard.count}: ${mine} runs` : '';
  io.out(
    `${study.name} (${study.file}): ${study.points.length} point(s) x ${study.replications} replication(s) = ` +
      `${runs} runs${shardNote} -> ${p.dir}`,
  );
  const header = ['point', 'id', ...study.swept.map(columnName)];
  const rows = study.points.map((pt) => [
    String(pt.index),
    pt.id,
    ...study.swept.map((s) => String(pt.params[s])),
  ]);
  io.out(formatColumns([header, ...rows], 'left').replace(/^/gm, '  '));
}

export async function executeRun(args: RunArgs, io: CliIO, deps: RunDeps): Promise<void> {
  const jobs = checkInteger('jobs', args.jobs, 1, 4096);
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  const options = loadOptions(args);
  if (args.files.length === 0) throw new InputError('name at least one scenario FILE');
  const studies: Study[] = [];
  for (const file of args.files) studies.push(await deps.loadScenario(file, options));
  const planned = plan(studies, args, deps, shard);
  if (args.dryRun) {
    for (const p of planned) describePlan(io, p, shard);
    return;
  }
  const locks = lockFolders(
    planned.map((p) => p.dir),
    runCommandLine(args),
    io,
    deps.writer,
  );
  const watch = watchSignals(io, deps.signals);
  try {
    if (args.force && args.resume)
      throw new InputError('--force starts afresh and --resume continues: give one');
    const forceCommand = `${runCommandLine(args)} --force`;
    const folders: FolderState[] = planned.map((p) =>
      inspectResultFolder(p.dir, studyInfo(p.study), shard, {
        resume: args.resume,
        force: args.force,
        forceCommand,
      }),
    );
    for (const [i, p] of planned.entries()) {
      if (watch.signal.aborted) throw interruptedBetween(watch, args, planned.slice(i));
      await runOne(p, folders[i] as FolderState, { args, io, deps, jobs, shard, watch });
    }
    if (watch.signal.aborted) throw interruptedBetween(watch, args, []);
  } finally {
    watch.dispose();
    // Folders this command created and left empty (refused before any run) go again.
    releaseFolders(locks, true);
  }
}

interface RunContext {
  args: RunArgs;
  io: CliIO;
  deps: RunDeps;
  /** --jobs as given; undefined: chosen per study (defaultJobsFor). */
  jobs: number | undefined;
  shard: ShardSpec | undefined;
  watch: SignalWatch;
}

async function runOne(p: Planned, folder: FolderState, ctx: RunContext): Promise<void> {
  const { args, io, deps, watch } = ctx;
  const info = studyInfo(p.study);
  if (!args.quiet) for (const w of p.study.warnings) io.err(`${p.study.name}: warning: ${w}`);
  if (folder.replaces !== undefined) {
    clearResults(p.dir, deps.writer);
    io.err(`${p.study.name}: --force: replaced ${p.dir}, which held ${folder.replaces}`);
  }
  const bars = io.isTTY && !args.quiet ? (await import('cli-progress')).default : undefined;
  const progress = new Progress(io, info, { quiet: args.quiet, bars, plainEveryMs: deps.progressEveryMs });
  let outcome: Awaited<ReturnType<typeof runStudy>>;
  try {
    outcome = await runStudy({
      study: p.study,
      folder,
      shard: ctx.shard,
      jobs: ctx.jobs ?? defaultJobsFor(p.study),
      // With one job (given or chosen) a small study stays in this thread: a worker would only
      // add its start-up, and a signal waits for runs of milliseconds.
      smallStudy: isSmallStudy(p.study),
      workerUrl: deps.workerUrl,
      writer: deps.writer,
      interrupt: { signal: watch.signal, graceMs: GRACE_MS },
      onStart: (done, total) => progress.start(done, total),
      onLive: (read) => progress.follow(read),
      onRun: (e) => progress.run(e),
    });
  } catch (e) {
    if (e instanceof StudyStoppedError) throw stoppedFailure(e, p.study, args, watch.received);
    throw e;
  } finally {
    progress.stop();
  }
  const rows = summarizeRuns(outcome.records);
  io.out(formatSummaryTable(info, rows, headlineMetrics(info), limitResources(outcome.records)));
  if (!args.quiet)
    for (const w of runWarnings(info, outcome.records)) io.err(`${p.study.name}: warning: ${w}`);
  io.out(`${outcome.records.length} run(s) in ${p.dir} (${outcome.ran} run now, ${outcome.resumed} resumed)`);
  await reportFor(io, deps, p.dir, args.report, ctx.shard !== undefined);
}

/** A signal that came while no sweep ran (between two scenarios, or during a report). */
function interruptedBetween(watch: SignalWatch, args: RunArgs, notStarted: Planned[]): FailureError {
  const signal = watch.received ?? 'SIGINT';
  const rest =
    notStarted.length > 0
      ? `not started: ${notStarted.map((p) => p.study.file).join(', ')}; resume with: ${resumeCommandLine(args)}`
      : 'every run and report of this command is complete';
  return new FailureError(`interrupted by ${signal}: ${rest}`, { exitCode: SIGNAL_EXIT[signal] });
}

/** Builds the report unless --no-report; shards get theirs after merging. */
export async function reportFor(io: CliIO, deps: RunDeps, dir: string, wanted: boolean, isShard: boolean) {
  if (!wanted) return;
  if (isShard) {
    io.out('report: none for a shard; merge the shards (vdpascale merge) to get one');
    return;
  }
  const r = await deps.writeReport(dir);
  io.out(`report: ${r.reportPath}`);
}

export function runCommand(io: CliIO, deps: Partial<RunDeps> = {}) {
  const resolved = resolveDeps(deps);
  return {
    command: 'run <files..>',
    describe: 'Run every point x replication of scenario files and write result folders',
    builder: (y: Argv) =>
      y
        .positional('files', { type: 'string', array: true, describe: 'scenario files (YAML)' })
        .option('out', {
          type: 'string',
          describe: 'result folder (default results/local/<name>/, or <name>-<scenario hash>/ with --set)',
        })
        .option('jobs', {
          type: 'number',
          describe: 'runs in parallel (default: all cores; 1 for a study too small to repay worker start-up)',
        })
        .options(loadFlags('point'))
        .option('shard', { type: 'string', describe: 'run only shard I/N (0-based) of the runs' })
        .option('resume', {
          type: 'boolean',
          default: false,
          describe: 'continue an interrupted run from its journal',
        })
        .option('force', {
          type: 'boolean',
          default: false,
          describe: "replace a result folder that holds another study's results (says what it held)",
        })
        .option('dry-run', {
          type: 'boolean',
          default: false,
          describe: 'list points and runs; write nothing',
        })
        .option('report', {
          type: 'boolean',
          default: true,
          describe: 'build charts and report.html (--no-report)',
        })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress output' })
        .example('$0 run scenarios/adminq-qos.yaml --jobs 8', 'run a sweep on 8 cores')
        .example(
          '$0 run scenarios/blk-parents.yaml --set parent=vduse --set blk.batch=8',
          'virtio-blk disks (a group with device: blk and io: rate or iodepth) on VDUSE, 8 requests per daemon round trip',
        )
        .example(
          '$0 run scenarios/examples/tiny.yaml --shard 0/2 && $0 run scenarios/examples/tiny.yaml --shard 1/2',
          'split a sweep in two shards (results/local/tiny-shard-0-of-2/ and …-1-of-2/); merge joins them',
        ),
    handler: (argv: Record<string, unknown>) => executeRun(toRunArgs(argv), io, resolved),
  };
}

/** A flag given once; yargs turns a repeated flag into an array. */
export function single<T>(argv: Record<string, unknown>, key: string): T | undefined {
  const v = argv[key];
  if (Array.isArray(v)) throw new InputError(`--${key} given ${v.length} times; give it once`);
  return v as T | undefined;
}

function toRunArgs(argv: Record<string, unknown>): RunArgs {
  return {
    files: ((argv.files as unknown[] | undefined) ?? []).map(String),
    out: single<string>(argv, 'out'),
    jobs: single<number>(argv, 'jobs'),
    set: argv.set as string[] | undefined,
    replications: single<number>(argv, 'replications'),
    seed: single<number>(argv, 'seed'),
    shard: single<string>(argv, 'shard'),
    resume: argv.resume === true,
    force: argv.force === true,
    dryRun: argv.dryRun === true,
    report: argv.report !== false,
    quiet: argv.quiet === true,
  };
}
