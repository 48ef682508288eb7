/**
 * Slurm batch scripts for a sharded study: an array job whose task i runs shard i/N of one
 * scenario, and a merge job (submitted with `--dependency=afterok:<array job>`) that joins the
 * shard folders into one result folder. Pure: paths in, script text out; the CLI writes and
 * submits them (src/cli/commands/slurm.ts).
 *
 * The shard contract, shared with Kubernetes Indexed Jobs (docs/cluster.md): task i writes
 * `OUT/shards/i` with `run --shard i/N --resume`, so a requeued or re-run task continues from its
 * journal; `merge OUT/shards/* --out OUT` gives CSVs byte-identical to an unsharded run.
 */

export interface SlurmPlan {
  /** Scenario name, for job names. */
  readonly name: string;
  /** Absolute path of the scenario file. */
  readonly scenarioFile: string;
  /** Number of array tasks (shards), 1..10000. */
  readonly tasks: number;
  /** Absolute path of the result folder; shards go to `OUT/shards/<i>`. */
  readonly outDir: string;
  /** Absolute directory the jobs `cd` to (where `vdpascale slurm` was run). */
  readonly submitDir: string;
  /** Absolute path of the `node` binary (process.execPath): same Node on every node. */
  readonly node: string;
  /** Absolute path of this checkout's `bin/vdpascale.js`. */
  readonly cli: string;
  /** Absolute folder for the scripts and their logs (`OUT/slurm`). */
  readonly slurmDir: string;
  readonly partition?: string | undefined;
  /** Slurm time limit per task (`--time`), e.g. `30`, `2:00:00`, `1-12`. */
  readonly time?: string | undefined;
  /** CPUs per array task; also the task's `run --jobs`. */
  readonly cpusPerTask: number;
  /** Whether the merge job also rebuilds charts and report.html (`vdpascale report OUT`). */
  readonly report: boolean;
}

export interface SlurmScripts {
  /** Paths (inside `slurmDir`) the CLI writes the scripts to. */
  readonly arrayPath: string;
  readonly mergePath: string;
  /** Folder the jobs' stdout/stderr go to; it must exist before submission. */
  readonly logDir: string;
  readonly array: string;
  readonly merge: string;
}

export const MAX_TASKS = 10_000;

/** Quotes a word for bash: single quotes, with embedded `'` as `'\''`. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Slurm `--time` forms: MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS, or unlimited. */
export function isSlurmTime(t: string): boolean {
  return (
    /^\d+(:\d{1,2}){0,2}$/.test(t) ||
    /^\d+-\d{1,2}(:\d{1,2}){0,2}$/.test(t) ||
    /^(UNLIMITED|INFINITE)$/i.test(t)
  );
}

/** A partition name, or a comma-separated list of them (Slurm picks the first that fits). */
export function isSlurmPartition(p: string): boolean {
  return /^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$/.test(p);
}

/** sbatch splits `#SBATCH` lines on blanks but honours double quotes. */
function sbatchQuote(word: string): string {
  return /^[^\s"']+$/.test(word) ? word : `"${word}"`;
}

function header(plan: SlurmPlan, jobName: string, output: string): string[] {
  const lines = [
    '#!/bin/bash',
    `#SBATCH --job-name=${jobName}`,
    `#SBATCH --output=${sbatchQuote(output)}`,
    // A requeued task appends to its log instead of truncating the first attempt's.
    '#SBATCH --open-mode=append',
  ];
  if (plan.partition !== undefined) lines.push(`#SBATCH --partition=${plan.partition}`);
  if (plan.time !== undefined) lines.push(`#SBATCH --time=${plan.time}`);
  return lines;
}

/** The variables both scripts share, then `cd` to the submit directory. */
function preamble(plan: SlurmPlan): string[] {
  return [
    'set -euo pipefail',
    `NODE=${shellQuote(plan.node)}`,
    `VDPASCALE=${shellQuote(plan.cli)}`,
    `SCENARIO=${shellQuote(plan.scenarioFile)}`,
    `OUT=${shellQuote(plan.outDir)}`,
    `cd ${shellQuote(plan.submitDir)}`,
  ];
}

/** Slurm reads `#SBATCH` lines only up to the first command, so those come first. */
export function arrayScript(plan: SlurmPlan): string {
  const n = plan.tasks;
  const lines = [
    ...header(plan, `vdpascale-${plan.name}`, `${plan.slurmDir}/logs/%A_%a.out`),
    `#SBATCH --array=0-${n - 1}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${plan.cpusPerTask}`,
    // Requeue after a node failure or preemption; --resume below continues from the journal.
    '#SBATCH --requeue',
    `# vdpascale study "${plan.name}": task i runs shard i/${n} of the scenario into OUT/shards/i.`,
    ...preamble(plan),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion, not a template
    'i="${SLURM_ARRAY_TASK_ID:?submit this script with sbatch (it is an array job)}"',
    'mkdir -p "$OUT/shards"',
    `exec "$NODE" "$VDPASCALE" run "$SCENARIO" --shard "$i/${n}" --out "$OUT/shards/$i" \\`,
    `  --resume --no-report --quiet --jobs ${plan.cpusPerTask}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function mergeScript(plan: SlurmPlan): string {
  const lines = [
    ...header(plan, `vdpascale-${plan.name}-merge`, `${plan.slurmDir}/logs/%j-merge.out`),
    '#SBATCH --ntasks=1',
    // Submit with --dependency=afterok:<array job id>: runs only when every shard succeeded.
    `# vdpascale study "${plan.name}": merge the ${plan.tasks} shard folders into OUT.`,
    ...preamble(plan),
    // The report is its own step, so the log shows which of the two failed.
    '"$NODE" "$VDPASCALE" merge "$OUT"/shards/* --out "$OUT" --no-report',
  ];
  if (plan.report) lines.push('"$NODE" "$VDPASCALE" report "$OUT"');
  return `${lines.join('\n')}\n`;
}

export function slurmScripts(plan: SlurmPlan): SlurmScripts {
  return {
    arrayPath: `${plan.slurmDir}/array.sbatch`,
    mergePath: `${plan.slurmDir}/merge.sbatch`,
    logDir: `${plan.slurmDir}/logs`,
    array: arrayScript(plan),
    merge: mergeScript(plan),
  };
}

/** The commands that submit both jobs by hand, chained on the array job's id. */
export function submitCommands(scripts: SlurmScripts): string[] {
  return [
    `jid=$(sbatch --parsable ${shellQuote(scripts.arrayPath)})`,
    `sbatch --parsable --dependency=afterok:\${jid%%;*} ${shellQuote(scripts.mergePath)}`,
  ];
}

/** `sbatch --parsable` prints `jobid` or `jobid;cluster`. */
export function parseJobId(stdout: string): string | undefined {
  const id = stdout.trim().split(';')[0];
  return id !== undefined && /^\d+$/.test(id) ? id : undefined;
}
