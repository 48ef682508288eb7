import type { CliIO } from './io.js';

/**
 * What a command factory returns: a yargs command module. Each command's handler takes its own
 * argument shape (checked against its own builder), so the index holds them by this common
 * shape, and main hands them to yargs as its CommandModule type in one place.
 */
export interface CommandSpec {
  command: string;
  describe: string;
  builder?: unknown;
  handler: (args: never) => unknown;
}

/** One command as `--help` lists it, and how to load its module. */
export interface CommandEntry {
  /** yargs command string (name and positionals), equal to the module's `command`. */
  usage: string;
  /** One line for the top-level help, equal to the module's `describe`. */
  describe: string;
  load: () => Promise<(io: CliIO) => CommandSpec>;
}

/**
 * Every command, in the order `--help` lists them. Only the invoked command's module is
 * imported: the top-level help and the "did you mean" suggestions need only the names and
 * summaries here. Importing every module costs ≈ 0.5 s (the charting stack alone: vega and
 * vega-lite ≈ 230 ms each) and ~65 MB that `vdpascale bench` would count against the engine.
 * test/runner/cli-commands.test.ts checks that each entry matches its module.
 */
export const COMMAND_INDEX: Record<string, CommandEntry> = {
  run: {
    usage: 'run <files..>',
    describe: 'Run every point x replication of scenario files and write result folders',
    load: async () => (await import('./commands/run.js')).runCommand,
  },
  validate: {
    usage: 'validate <files..>',
    describe: 'Check scenario files (schema and cross-field rules); print points and runs; run nothing',
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  report: {
    usage: 'report <dir>',
    describe: '(Re)build charts/ and report.html from a result folder',
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  merge: {
    usage: 'merge <dirs..>',
    describe: 'Merge the shard folders of one scenario into one result folder',
    load: async () => (await import('./commands/merge.js')).mergeCommand,
  },
  capacity: {
    usage: 'capacity <file>',
    describe: 'Find the largest integer value of a parameter for which every SLO holds',
    load: async () => (await import('./commands/capacity.js')).capacityCommand,
  },
  sensitivity: {
    usage: 'sensitivity <file>',
    describe:
      'Which estimated parameters decide a metric (Morris or Sobol), and whether a ranking survives them',
    load: async () => (await import('./commands/sensitivity.js')).sensitivityCommand,
  },
  calibrate: {
    usage: 'calibrate <file>',
    describe: 'Fit parameters so that a simulated metric matches a measured curve (writes calibration.yaml)',
    load: async () => (await import('./commands/calibrate.js')).calibrateCommand,
  },
  profiles: {
    usage: 'profiles [name]',
    describe:
      'List vDPA parent profiles, or one profile’s parameters with units, ranges, basis and cited sources',
    load: async () => (await import('./commands/profiles.js')).profilesCommand,
  },
  schema: {
    usage: 'schema',
    describe: 'Print the JSON Schema of scenario files (for editor completion)',
    load: async () => (await import('./commands/schema.js')).schemaCommand,
  },
  slurm: {
    usage: 'slurm <file>',
    describe: 'Write (and with --submit, submit) Slurm jobs that run a scenario as N shards, then merge them',
    load: async () => (await import('./commands/slurm.js')).slurmCommand,
  },
  bench: {
    usage: 'bench',
    describe: 'Engine benchmark (PHOLD): events per second of the scheduler',
    load: async () => (await import('./commands/bench.js')).benchCommand,
  },
};

/**
 * The commands to register for `argv`: the invoked one, loaded; otherwise (top-level help, no
 * command, an unknown name) every command as its index entry, with no options and a handler
 * that never runs — yargs only lists them or reports the usage error.
 */
export async function commandsFor(argv: readonly string[], io: CliIO): Promise<CommandSpec[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const entry = first === undefined ? undefined : COMMAND_INDEX[first];
  if (entry !== undefined) return [(await entry.load())(io)];
  return Object.values(COMMAND_INDEX).map((e) => ({
    command: e.usage,
    describe: e.describe,
    handler: () => {},
  }));
}
