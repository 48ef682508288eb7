import type { Argv } from 'yargs';
import { DEFAULT_PNG_DPI } from '../../output/charts/render.js';
import { writeReport } from '../../output/report/index.js';
import { InputError } from '../../util/errors.js';
import type { CliIO } from '../io.js';

/** PNG resolutions accepted: a screen's 72 dpi up to 1200 dpi (a chart is then ≈ 11,000 px wide). */
const MIN_DPI = 72;
const MAX_DPI = 1200;

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
        .option('dpi', {
          type: 'number',
          describe: `PNG resolution in dots per inch (default ${DEFAULT_PNG_DPI}; 300 for print)`,
        })
        .example('$0 report results/adminq-qos', 'rebuild that study’s charts and report')
        .example(
          '$0 report results/adminq-qos --assets results/assets',
          'link one shared copy of the scripts',
        )
        .example('$0 report results/adminq-qos --dpi 300', 'PNGs at print resolution, for a paper'),
    handler: async (args: { dir?: string; assets?: string; dpi?: number }) => {
      if (args.dir === undefined || args.dir === '') throw new InputError('name a result folder', {}, 'DIR');
      const dpi = args.dpi;
      if (dpi !== undefined && !(Number.isInteger(dpi) && dpi >= MIN_DPI && dpi <= MAX_DPI))
        throw new InputError(`--dpi must be an integer in ${MIN_DPI}..${MAX_DPI}, got ${dpi}`);
      // writeReport names the missing or malformed file itself (InputError, exit 2).
      const options = {
        ...(args.assets === undefined ? {} : { assetsDir: args.assets }),
        ...(dpi === undefined ? {} : { dpi }),
      };
      const { reportPath, charts } = await writeReport(args.dir, options);
      io.out(`report: ${reportPath} (${charts.length} chart${charts.length === 1 ? '' : 's'} in charts/)`);
    },
  };
}
