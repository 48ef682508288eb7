import type { CommandModule } from 'yargs';
import { COMMAND_INDEX, commandsFor } from './command-index.js';
import { exitStatusOf, UsageError } from './exit-status.js';
import { fastRunArgv } from './fast-run.js';
import { type CliIO, processIO } from './io.js';
import { quickAnswer, USAGE } from './top-level-help.js';

/**
 * Runs the CLI on `argv` (without `node` and the script) and resolves to the exit status:
 * 0 success, 2 bad input or usage, 1 a failure (internal, a crashed run, a disk error),
 * 130 / 143 interrupted by SIGINT / SIGTERM. Never calls process.exit (except on a second
 * interrupt), so tests can call it directly.
 */
/**
 * yargs renders the invoked command's whole help text before running its handler, to keep it
 * for a later failure (≈ 35–90 ms of text wrapping in a trivial run). Our fail handler throws
 * instead of printing help, and `--help` renders afresh, so the cached text is never shown:
 * the caching is switched off. Through yargs' internal methods (no public option exists); if a
 * yargs version lacks them, yargs just caches as before.
 */
function skipHelpCache(parser: object): void {
  const internal = (parser as { getInternalMethods?: () => { getUsageInstance?: () => unknown } })
    .getInternalMethods?.()
    .getUsageInstance?.() as { cacheHelpMessage?: () => void } | undefined;
  if (typeof internal?.cacheHelpMessage === 'function') internal.cacheHelpMessage = () => {};
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const quick = quickAnswer(argv, process.stdout.columns);
  if (quick !== undefined) {
    io.out(quick);
    return 0;
  }
  // A plain `run` command line skips yargs (fast-run.ts); anything else falls through to it.
  const fast = fastRunArgv(argv);
  const runEntry = COMMAND_INDEX.run;
  if (fast !== undefined && runEntry !== undefined) {
    try {
      const run = (await runEntry.load())(io) as unknown as {
        handler: (a: Record<string, unknown>) => unknown;
      };
      await run.handler(fast);
      return 0;
    } catch (e) {
      return exitStatusOf(e, io);
    }
  }
  // Loaded here, not at the top: --help and --version above answer without it.
  const { default: yargs } = await import('yargs');
  const parser = yargs(argv)
    .scriptName('vdpascale')
    .usage(USAGE)
    // Each spec's builder and handler agree with each other; yargs validates argv at run time.
    .command((await commandsFor(argv, io)) as unknown as CommandModule[])
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
  skipHelpCache(parser);
  try {
    let helpText = '';
    await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      helpText = output;
    });
    if (helpText) io.out(helpText);
    return 0;
  } catch (e) {
    return exitStatusOf(e, io);
  }
}
