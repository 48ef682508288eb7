import type { Argv } from 'yargs';
import { runPhold } from '../../runner/phold-bench.js';
import { InputError } from '../../util/errors.js';
import type { CliIO } from '../io.js';

export function benchCommand(io: CliIO) {
  return {
    command: 'bench',
    describe: 'Engine benchmark (PHOLD): events per second of the scheduler',
    builder: (y: Argv) =>
      y
        .option('lps', { type: 'number', default: 1000, describe: 'logical processes' })
        .option('epl', { type: 'number', default: 10, describe: 'initial events per LP' })
        .option('until', {
          type: 'number',
          default: 1000,
          describe: 'simulated time to stop at, in µs (mean delay 1 µs)',
        })
        .option('seed', { type: 'number', default: 1, describe: 'master seed' })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON line' })
        .example('$0 bench --lps 100000 --epl 10 --until 1 --json', '1M pending events, 1 µs simulated'),
    handler: (args: { lps: number; epl: number; until: number; seed: number; json: boolean }) => {
      for (const key of ['lps', 'epl'] as const) {
        const v = args[key];
        if (!Number.isInteger(v) || v < 1 || v > 10_000_000) {
          throw new InputError(`--${key} must be an integer in 1..10000000, got ${v}`);
        }
      }
      if (!(args.until > 0 && args.until < 1e9)) throw new InputError(`--until must be in (0, 1e9) µs`);
      const r = runPhold({ lps: args.lps, epl: args.epl, untilUs: args.until, seed: args.seed });
      if (args.json) {
        const { fingerprint: _f, ...line } = r;
        io.out(JSON.stringify(line));
      } else {
        io.out(
          `PHOLD ${r.lps} LPs x ${r.epl} events until ${r.until} us: ${r.events} events in ` +
            `${r.wall_s.toFixed(3)} s = ${(r.events_per_s / 1e6).toFixed(2)} M events/s (fingerprint ${r.fingerprint})`,
        );
      }
    },
  };
}
