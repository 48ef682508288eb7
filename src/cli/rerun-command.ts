/**
 * Command lines printed for the user to paste: how to resume an interrupted sweep, and how to
 * run one failed run alone. Replication r of a point is run alone as the last run of a
 * one-point study with r + 1 replications, picked out with `--shard r/(r+1)` (shards deal runs
 * round-robin by index, and replication r of the only point has index r).
 */
import type { RunJob, Study } from '../runner/study.js';
import type { RunArgs } from './commands/run.js';

/** Quotes `arg` for a POSIX shell when it holds anything but plain path characters. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./[\]-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

function commandLine(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

/** The flags that decide which runs a `run` command makes (not how fast or how loudly). */
function identityFlags(args: RunArgs): string[] {
  const words: string[] = [];
  for (const s of args.set ?? []) words.push('--set', s);
  if (args.replications !== undefined) words.push('--replications', String(args.replications));
  if (args.seed !== undefined) words.push('--seed', String(args.seed));
  if (args.shard !== undefined) words.push('--shard', args.shard);
  return words;
}

/** The command as given (files, folder and identity flags), for lock files and messages. */
export function runCommandLine(args: RunArgs): string {
  const out = args.out !== undefined ? ['--out', args.out] : [];
  return commandLine(['vdpascale', 'run', ...args.files, ...out, ...identityFlags(args)]);
}

/** The same command with `--resume`: continues every folder it names from its journal. */
export function resumeCommandLine(args: RunArgs): string {
  const out = args.out !== undefined ? ['--out', args.out] : [];
  const report = args.report ? [] : ['--no-report'];
  return commandLine([
    'vdpascale',
    'run',
    ...args.files,
    ...out,
    ...identityFlags(args),
    ...report,
    '--resume',
  ]);
}

/** A command that runs only `job` of `study`: its point's values fixed with --set, same seed. */
export function reproduceCommandLine(study: Study, job: RunJob, args: RunArgs, outDir: string): string {
  const params = study.points[job.point]?.params ?? {};
  const words = ['vdpascale', 'run', study.file];
  for (const s of args.set ?? []) words.push('--set', s);
  for (const path of study.swept) words.push('--set', `${path}=${String(params[path])}`);
  words.push('--seed', String(study.seed), '--replications', String(job.replication + 1));
  if (job.replication > 0) words.push('--shard', `${job.replication}/${job.replication + 1}`);
  words.push('--jobs', '1', '--out', outDir);
  return commandLine(words);
}

/** `path=value, …` of a point, for messages. */
export function describePoint(study: Study, point: number): string {
  const params = study.points[point]?.params ?? {};
  return study.swept.map((p) => `${p}=${String(params[p])}`).join(', ');
}
