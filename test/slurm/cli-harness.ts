/**
 * Runs `vdpascale slurm …` in-process through yargs the way src/cli/main.ts does, without
 * needing the command registered in main.ts (the lead registers it).
 */
import yargs from 'yargs';
import { slurmCommand } from '../../src/cli/commands/slurm.js';
import { isInputError } from '../../src/util/errors.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runSlurmCli(argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false };
  const parser = yargs(argv)
    .command(slurmCommand(io))
    .demandCommand(1)
    .strict()
    .exitProcess(false)
    .fail((msg, e) => {
      throw e ?? new UsageError(msg);
    });
  try {
    await parser.parseAsync();
    return { code: 0, out: out.join('\n'), err: err.join('\n') };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, out: out.join('\n'), err: e.message };
    if (isInputError(e)) return { code: 2, out: out.join('\n'), err: [...err, e.format()].join('\n') };
    throw e;
  }
}

class UsageError extends Error {}
