import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import {
  isSlurmPartition,
  isSlurmTime,
  MAX_TASKS,
  parseJobId,
  type SlurmPlan,
  type SlurmScripts,
  slurmScripts,
  submitCommands,
} from '../../output/slurm-script.js';
import { loadScenarioFile, type ScenarioLoader } from '../../runner/scenario-loader.js';
import { InputError } from '../../util/errors.js';
import { PACKAGE_ROOT } from '../../util/package-root.js';
import type { CliIO } from '../io.js';

/** This checkout's entry point. */
const CLI_PATH = join(PACKAGE_ROOT, 'bin', 'vdpascale.js');

interface SlurmArgs {
  file: string;
  tasks: number;
  partition?: string | undefined;
  time?: string | undefined;
  out?: string | undefined;
  cpusPerTask: number;
  report: boolean;
  submit: boolean;
}

/** `loadScenario` is injectable for tests, like run's. */
export function slurmCommand(io: CliIO, loadScenario: ScenarioLoader = loadScenarioFile) {
  return {
    command: 'slurm <file>',
    describe: 'Write (and with --submit, submit) Slurm jobs that run a scenario as N shards, then merge them',
    builder: (y: Argv) =>
      y
        .positional('file', { type: 'string', demandOption: true, describe: 'scenario file' })
        .option('tasks', {
          type: 'number',
          demandOption: true,
          describe: `array tasks = shards, 1..${MAX_TASKS}`,
        })
        .option('partition', { type: 'string', describe: 'Slurm partition (sbatch --partition)' })
        .option('time', {
          type: 'string',
          describe: 'time limit per task (sbatch --time), e.g. 30 or 2:00:00',
        })
        .option('out', { type: 'string', describe: 'result folder [default: results/<scenario name>]' })
        .option('cpus-per-task', {
          type: 'number',
          default: 1,
          describe: 'CPUs per task; each task runs with --jobs of this many',
        })
        .option('report', {
          type: 'boolean',
          default: true,
          describe: 'build charts and report.html after the merge (--no-report: CSVs only)',
        })
        .option('submit', {
          type: 'boolean',
          default: false,
          describe: 'submit both jobs with sbatch and print their ids',
        })
        .example(
          '$0 slurm scenarios/examples/tiny.yaml --tasks 8',
          'write the job scripts of 8 shards and a merge (--submit submits them)',
        ),
    handler: async (args: SlurmArgs) => {
      checkArgs(args);
      const file = resolve(args.file);
      // Load (and so validate) the scenario now: a bad file fails here, not in N tasks later.
      const study = await loadScenario(args.file);
      const plan = planFor(args, file, study.name);
      const scripts = slurmScripts(plan);
      mkdirSync(scripts.logDir, { recursive: true });
      writeFileSync(scripts.arrayPath, scripts.array, { mode: 0o755 });
      writeFileSync(scripts.mergePath, scripts.merge, { mode: 0o755 });
      io.out(describeSplit(study.name, study.points.length, study.replications, plan.tasks));
      if (args.submit) submitJobs(io, scripts, plan);
      else printInstructions(io, scripts, plan);
    },
  };
}

/** Flag checks that need no file contents; throws InputError (exit 2). */
function checkArgs(args: SlurmArgs): void {
  const file = resolve(args.file);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new InputError('scenario file not found', { file: args.file });
  }
  if (!Number.isInteger(args.tasks) || args.tasks < 1 || args.tasks > MAX_TASKS) {
    throw new InputError(`--tasks must be an integer in 1..${MAX_TASKS}, got ${args.tasks}`);
  }
  if (!Number.isInteger(args.cpusPerTask) || args.cpusPerTask < 1 || args.cpusPerTask > 4096) {
    throw new InputError(`--cpus-per-task must be an integer in 1..4096, got ${args.cpusPerTask}`);
  }
  if (args.partition !== undefined && !isSlurmPartition(args.partition)) {
    throw new InputError(`--partition: not a partition name: '${args.partition}'`);
  }
  if (args.time !== undefined && !isSlurmTime(args.time)) {
    throw new InputError(
      `--time: not a Slurm time limit: '${args.time}'`,
      {},
      'MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS, UNLIMITED',
    );
  }
}

function planFor(args: SlurmArgs, file: string, name: string): SlurmPlan {
  const outDir = resolve(args.out ?? join('results', name));
  // The log folder appears in #SBATCH lines, where quotes, % (file patterns) and newlines break.
  if (/["'%\n\r]/.test(outDir)) {
    throw new InputError(`--out: the result folder path must not contain quotes, % or newlines: ${outDir}`);
  }
  return {
    name,
    scenarioFile: file,
    tasks: args.tasks,
    outDir,
    submitDir: process.cwd(),
    node: process.execPath,
    cli: CLI_PATH,
    slurmDir: join(outDir, 'slurm'),
    partition: args.partition,
    time: args.time,
    cpusPerTask: args.cpusPerTask,
    report: args.report,
  };
}

/** Runs are dealt round-robin to shards (runner/study.ts), so task i gets ceil((runs - i) / N). */
export function describeSplit(name: string, points: number, replications: number, tasks: number): string {
  const runs = points * replications;
  const most = Math.ceil(runs / tasks);
  let line =
    `${name}: ${points} point(s) x ${replications} replication(s) = ${runs} run(s) ` +
    `over ${tasks} task(s), at most ${most} per task`;
  if (tasks > runs) line += `; ${tasks - runs} task(s) get no run (consider --tasks ${runs})`;
  return line;
}

function printInstructions(io: CliIO, scripts: SlurmScripts, plan: SlurmPlan): void {
  io.out(
    [
      `Wrote ${scripts.arrayPath} (array of ${plan.tasks} tasks)`,
      `Wrote ${scripts.mergePath} (merge into ${plan.outDir})`,
      'Submit both with:',
      ...submitCommands(scripts).map((c) => `  ${c}`),
      ...arraySizeNote(plan),
    ].join('\n'),
  );
}

/** Slurm's default MaxArraySize is 1001 (indices 0..1000); larger arrays need a site setting. */
function arraySizeNote(plan: SlurmPlan): string[] {
  if (plan.tasks <= 1001) return [];
  return [
    `Note: index ${plan.tasks - 1} needs MaxArraySize > ${plan.tasks - 1} ` +
      `(check: scontrol show config | grep MaxArraySize; Slurm's default is 1001).`,
  ];
}

function sbatch(args: string[]): string {
  const r = spawnSync('sbatch', args, { encoding: 'utf8' });
  if (r.error !== undefined) {
    const why =
      (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'sbatch not found on PATH' : r.error.message;
    throw new InputError(`--submit: ${why}; without --submit the scripts are written but not submitted`);
  }
  const id = r.status === 0 ? parseJobId(r.stdout) : undefined;
  if (id === undefined) {
    const detail = `${r.stderr}${r.stdout}`.trim();
    throw new InputError(`sbatch ${args.join(' ')} failed (exit ${r.status}): ${detail}`);
  }
  return id;
}

function submitJobs(io: CliIO, scripts: SlurmScripts, plan: SlurmPlan): void {
  for (const note of arraySizeNote(plan)) io.err(note);
  const arrayId = sbatch(['--parsable', scripts.arrayPath]);
  let mergeId: string;
  try {
    mergeId = sbatch(['--parsable', `--dependency=afterok:${arrayId}`, scripts.mergePath]);
  } catch (e) {
    io.err(
      `Array job ${arrayId} was submitted, but the merge job was not; submit it by hand:\n` +
        `  sbatch --dependency=afterok:${arrayId} ${scripts.mergePath}`,
    );
    throw e;
  }
  io.out(
    [
      `array job ${arrayId}: ${plan.tasks} tasks, shards in ${join(plan.outDir, 'shards')}`,
      `merge job ${mergeId}: after all tasks succeed, into ${plan.outDir}`,
      `logs: ${scripts.logDir}`,
      `watch: squeue -j ${arrayId},${mergeId}`,
    ].join('\n'),
  );
}
