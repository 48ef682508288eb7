import yargs from 'yargs';
import { isInputError } from '../util/errors.js';
import { benchCommand } from './commands/bench.js';
import { capacityCommand } from './commands/capacity.js';
import { mergeCommand } from './commands/merge.js';
import { profilesCommand } from './commands/profiles.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { slurmCommand } from './commands/slurm.js';
import { validateCommand } from './commands/validate.js';
import { type CliIO, processIO } from './io.js';

/** Thrown by yargs' fail handler: a usage error (unknown flag, missing argument). */
class UsageError extends Error {}

/**
 * Runs the CLI on `argv` (without `node` and the script) and resolves to the exit status:
 * 0 success, 2 bad input or usage, 1 internal failure. Never calls process.exit, so tests
 * can call it directly.
 */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const parser = yargs(argv)
    .scriptName('vdpascale')
    .usage(
      '$0 <command> [options]\n\nDeterministic discrete-event simulator for hyperscale virtio/vDPA studies.',
    )
    .command(runCommand(io))
    .command(validateCommand(io))
    .command(reportCommand(io))
    .command(mergeCommand(io))
    .command(capacityCommand(io))
    .command(profilesCommand(io))
    .command(schemaCommand(io))
    .command(slurmCommand(io))
    .command(benchCommand(io))
    .demandCommand(1, 'Name a command; see --help.')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
  try {
    let helpText = '';
    await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      helpText = output;
    });
    if (helpText) io.out(helpText);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`vdpascale: ${e.message}\nRun 'vdpascale --help' for usage.`);
      return 2;
    }
    if (isInputError(e)) {
      io.err(`vdpascale: ${e.format()}`);
      return 2;
    }
    io.err(`vdpascale: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}
