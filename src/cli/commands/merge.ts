/** `vdpascale merge DIR… --out DIR`: join the shard folders of one run into one result folder. */
import type { Argv } from 'yargs';
import { limitResources } from '../../output/admission-warnings.js';
import { mergeShards } from '../../output/merge.js';
import { readDescriptor, writeSensitivityFiles } from '../../output/sensitivity-files.js';
import { summarizeRuns } from '../../output/summary.js';
import { formatSummaryTable, headlineMetrics } from '../../output/summary-table.js';
import { lockFolders, releaseFolders } from '../folder-locks.js';
import type { CliIO } from '../io.js';
import { type RunDeps, reportFor, resolveDeps, single } from './run.js';

export function mergeCommand(io: CliIO, deps: Partial<RunDeps> = {}) {
  const resolved = resolveDeps(deps);
  return {
    command: 'merge <dirs..>',
    describe: 'Merge the shard folders of one scenario into one result folder',
    builder: (y: Argv) =>
      y
        .positional('dirs', { type: 'string', array: true, describe: 'shard folders (from run --shard I/N)' })
        .option('out', {
          type: 'string',
          demandOption: true,
          describe: 'merged result folder (must be new or empty)',
        })
        .option('report', {
          type: 'boolean',
          default: true,
          describe: 'build charts and report.html (--no-report)',
        })
        .option('quiet', { type: 'boolean', default: false, describe: 'print only the result line' })
        .example(
          '$0 merge results/local/tiny-shard-0-of-2 results/local/tiny-shard-1-of-2 --out results/local/tiny',
          'join the two shards of `run --help`',
        ),
    handler: async (argv: Record<string, unknown>) => {
      const dirs = ((argv.dirs as unknown[] | undefined) ?? []).map(String);
      const out = single<string>(argv, 'out') as string;
      const locks = lockFolders([out], `vdpascale merge ${dirs.join(' ')} --out ${out}`, io, resolved.writer);
      try {
        const { info, records } = await mergeShards(dirs, out, resolved.writer);
        // Shards of a sensitivity analysis: the analysis needs every run, so it is written here.
        const sensitivity = dirs[0] === undefined ? undefined : readDescriptor(dirs[0]);
        if (sensitivity !== undefined) writeSensitivityFiles(out, sensitivity, records, resolved.writer);
        if (argv.quiet !== true)
          io.out(
            formatSummaryTable(info, summarizeRuns(records), headlineMetrics(info), limitResources(records)),
          );
        io.out(`merged ${dirs.length} shard(s): ${records.length} run(s) in ${out}`);
        await reportFor(io, resolved, out, argv.report !== false, false);
      } finally {
        releaseFolders(locks, true);
      }
    },
  };
}
