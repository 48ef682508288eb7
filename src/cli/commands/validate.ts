/**
 * `vdpascale validate FILE…`: checks scenario files against the schema and the cross-field
 * rules and prints, per file, the number of points and runs and any warnings. Runs nothing;
 * the first bad file stops with its InputError (exit 2), after the good ones are reported.
 */
import type { Argv } from 'yargs';
import { loadScenario } from '../../scenario/index.js';
import { InputError } from '../../util/errors.js';
import type { CliIO } from '../io.js';

interface ValidateArgs {
  files?: string[] | undefined;
  set?: string[] | undefined;
  replications?: number | undefined;
  seed?: number | undefined;
}

export function validateCommand(io: CliIO) {
  return {
    command: 'validate <files..>',
    describe: 'Check scenario files (schema and cross-field rules); print points and runs; run nothing',
    builder: (y: Argv) =>
      y
        .positional('files', { type: 'string', array: true, describe: 'scenario files' })
        .option('set', {
          type: 'string',
          array: true,
          describe: 'override a key as `run` would: PATH=VALUE (e.g. adminq.workers=8)',
        })
        .option('replications', { type: 'number', describe: 'override the replications per point' })
        .option('seed', { type: 'number', describe: 'override the master seed' })
        .example('$0 validate scenarios/examples/*.yaml', 'check every example scenario'),
    handler: async (args: ValidateArgs) => {
      const options = {
        sets: (args.set ?? []).map(String),
        ...integerOption('replications', args.replications),
        ...integerOption('seed', args.seed),
      };
      for (const file of args.files ?? []) {
        const s = await loadScenario(file, options);
        const runs = s.points.length * s.replications;
        const swept = s.swept.length > 0 ? `; swept: ${s.swept.join(', ')}` : '';
        io.out(
          `${file}: ${s.name} ok — ${s.points.length} point${s.points.length === 1 ? '' : 's'} × ` +
            `${s.replications} replication${s.replications === 1 ? '' : 's'} = ${runs} run${runs === 1 ? '' : 's'}${swept}`,
        );
        for (const w of s.warnings) io.out(`  warning: ${w}`);
      }
    },
  };
}

function integerOption(name: 'replications' | 'seed', value: number | undefined): Record<string, number> {
  if (value === undefined) return {};
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InputError(`--${name} must be a whole number, got ${value}`);
  }
  return { [name]: value };
}
