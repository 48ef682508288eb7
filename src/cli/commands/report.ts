import type { Argv } from 'yargs';
import { writeReport } from '../../output/report/index.js';
import { InputError } from '../../util/errors.js';
import type { CliIO } from '../io.js';

/** `vdpascale report DIR`: (re)build `charts/` and `report.html` from a result folder. */
export function reportCommand(io: CliIO) {
  return {
    command: 'report <dir>',
    describe: '(Re)build charts/ and report.html from a result folder',
    builder: (y: Argv) =>
      y
        .positional('dir', { type: 'string', describe: 'result folder written by `vdpascale run`' })
        .option('assets', {
          type: 'string',
          describe:
            'folder for the Vega scripts the page loads (default DIR/assets); share one across reports',
        })
        .example('$0 report results/adminq-qos', 'rebuild that study’s charts and report')
        .example(
          '$0 report results/adminq-qos --assets results/assets',
          'link one shared copy of the scripts',
        ),
    handler: async (args: { dir?: string; assets?: string }) => {
      if (args.dir === undefined || args.dir === '') throw new InputError('name a result folder', {}, 'DIR');
      // writeReport names the missing or malformed file itself (InputError, exit 2).
      const options = args.assets === undefined ? {} : { assetsDir: args.assets };
      const { reportPath, charts } = await writeReport(args.dir, options);
      io.out(`report: ${reportPath} (${charts.length} chart${charts.length === 1 ? '' : 's'} in charts/)`);
    },
  };
}
