import yargs, { type CommandModule } from 'yargs';
import { exitStatusOf, UsageError } from './exit-status.js';
import { type CliIO, processIO } from './io.js';

/**
 * What a command factory returns: a yargs command module. Each command's handler takes its own
 * argument shape (checked against its own builder), so the registry holds them by this common
 * shape, and they are handed to yargs as its CommandModule type in one place below.
 */
interface CommandSpec {
  command: string;
  describe: string;
  builder?: unknown;
  handler: (args: never) => unknown;
}
type AnyCommand = CommandSpec;

/**
 * Every command, in the order `--help` lists them, loaded on demand: only the invoked command's
 * module is imported (all of them for top-level help or an unknown name, so the listing and
 * the "did you mean" suggestions stay complete). Importing every module up front would load the
 * scenario schema, the worker pool and the charting stack into each process — ~65 MB that
 * `vdpascale bench` would then count against the engine.
 */
const COMMANDS: Record<string, () => Promise<(io: CliIO) => AnyCommand>> = {
  run: async () => (await import('./commands/run.js')).runCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  merge: async () => (await import('./commands/merge.js')).mergeCommand,
  capacity: async () => (await import('./commands/capacity.js')).capacityCommand,
  profiles: async () => (await import('./commands/profiles.js')).profilesCommand,
  schema: async () => (await import('./commands/schema.js')).schemaCommand,
  slurm: async () => (await import('./commands/slurm.js')).slurmCommand,
  bench: async () => (await import('./commands/bench.js')).benchCommand,
};

async function commandsFor(argv: readonly string[], io: CliIO): Promise<AnyCommand[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const names = first !== undefined && first in COMMANDS ? [first] : Object.keys(COMMANDS);
  const factories = await Promise.all(
    names.map((name) => (COMMANDS[name] as () => Promise<(io: CliIO) => AnyCommand>)()),
  );
  return factories.map((factory) => factory(io));
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and resolves to the exit status:
 * 0 success, 2 bad input or usage, 1 a failure (internal, a crashed run, a disk error),
 * 130 / 143 interrupted by SIGINT / SIGTERM. Never calls process.exit (except on a second
 * interrupt), so tests can call it directly.
 */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const parser = yargs(argv)
    .scriptName('vdpascale')
    .usage(
      '$0 <command> [options]\n\nDeterministic discrete-event simulator for hyperscale virtio/vDPA studies.',
    )
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
