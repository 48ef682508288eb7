/**
 * Runs the run/merge/capacity/sensitivity commands the way `cli/main.ts` does (strict yargs, the same exit
 * status mapping) but with injected dependencies, until the lead registers them in main.
 */
import yargs from 'yargs';
import { capacityCommand } from '../../src/cli/commands/capacity.js';
import { mergeCommand } from '../../src/cli/commands/merge.js';
import { type RunDeps, runCommand } from '../../src/cli/commands/run.js';
import { sensitivityCommand } from '../../src/cli/commands/sensitivity.js';
import { exitStatusOf, UsageError } from '../../src/cli/exit-status.js';
import type { CliIO } from '../../src/cli/io.js';
import { loadFakeScenario } from './fake-scenario.js';

export const FAKE_WORKER = new URL('./fake-worker.ts', import.meta.url);

export function fakeDeps(resultsRoot: string): Partial<RunDeps> {
  return {
    loadScenario: loadFakeScenario,
    workerUrl: FAKE_WORKER,
    writeReport: async (dir) => ({ reportPath: `${dir}/report.html (not built in tests)`, charts: [] }),
    resultsRoot,
  };
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export function captureIO(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t), isTTY: false };
}

export async function runCli(argv: string[], deps: Partial<RunDeps>, io = captureIO()): Promise<CliResult> {
  const parser = yargs(argv)
    .scriptName('vdpascale')
    .command(runCommand(io, deps))
    .command(mergeCommand(io, deps))
    .command(capacityCommand(io, deps))
    .command(sensitivityCommand(io, deps))
    .demandCommand(1)
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
  let code = 0;
  try {
    await parser.parseAsync(argv);
  } catch (e) {
    code = exitStatusOf(e, io);
  }
  return { code, out: io.outText.join('\n'), err: io.errText.join('\n') };
}
