/**
 * `vdpascale capacity FILE --param PATH --slo 'METRIC OP VALUE'…`: the largest integer value of
 * PATH for which every SLO holds on the replication mean (bracketing, then bisection). Prints
 * the answer with the 95% CI of the deciding metric and writes the probed points as a result
 * folder (default `results/<name>-capacity/`).
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { METRICS } from '../../model/metrics.js';
import {
  type CapacityOutcome,
  type CapacityRequest,
  checkCapacityRequest,
  type ProbeReport,
  runCapacity,
  type SloCheck,
} from '../../output/capacity-study.js';
import { clearResults, describeResults, isFreshFolder } from '../../output/result-folder.js';
import { shortNumber } from '../../output/summary-table.js';
import { BatchInterruptedError } from '../../runner/batch.js';
import { parseSlo } from '../../runner/capacity.js';
import { defaultJobs } from '../../runner/executor.js';
import { FailureError, InputError } from '../../util/errors.js';
import { hash53Hex } from '../../util/hash.js';
import { stableStringify } from '../../util/stable-json.js';
import { lockFolders, releaseFolders } from '../folder-locks.js';
import type { CliIO } from '../io.js';
import { GRACE_MS, SIGNAL_EXIT, watchSignals } from '../signal-watch.js';
import { checkInteger, loadFlags, loadOptions, type RunDeps, reportFor, resolveDeps, single } from './run.js';

function describeCheck(c: SloCheck): string {
  const ci = Number.isNaN(c.stats.ci95Half) ? '' : ` ± ${shortNumber(c.stats.ci95Half)}`;
  return `${c.slo.metric} = ${shortNumber(c.stats.mean)}${ci} (n=${c.stats.n}; ${c.slo.text} ${c.holds ? 'holds' : 'fails'})`;
}

function probeLine(param: string, p: ProbeReport): string {
  return `probe ${param}=${p.value}: ${p.pass ? 'pass' : 'FAIL'}; ${p.checks.map(describeCheck).join('; ')}`;
}

/** How many instances the answer's probe admitted: what the answer counts. */
function admittedNote(p: ProbeReport | undefined): string {
  if (p === undefined || Number.isNaN(p.admission.ready)) return '';
  const { ready, rejected, resources } = p.admission;
  if (!(rejected > 0)) return ` (${shortNumber(ready)} instances admitted, none rejected)`;
  return ` (${shortNumber(ready)} instances admitted, ${shortNumber(rejected)} rejected on ${resources.join(' / ')})`;
}

/** The verdict: the answer, and the metric that decided it with its 95% CI on both sides. */
export function formatVerdict(param: string, lo: number, outcome: CapacityOutcome): string[] {
  const { search, probes } = outcome;
  const at = (v: number | undefined) => probes.find((p) => p.value === v);
  if (search.answer === undefined) {
    const failing = at(lo)?.checks.filter((c) => !c.holds) ?? [];
    return [
      `no value of ${param} >= ${lo} meets every SLO; at ${lo}: ${failing.map(describeCheck).join('; ')}`,
    ];
  }
  const pass = at(search.answer);
  const lines = [`capacity: ${param} = ${search.answer}${admittedNote(pass)}`];
  if (search.capped) {
    lines.push(
      `  every probe up to ${search.answer} met the SLOs; the true limit may be higher (raise --hi)`,
    );
    for (const c of pass?.checks ?? []) lines.push(`  at ${search.answer}: ${describeCheck(c)}`);
    return lines;
  }
  const fail = at(search.firstFailure);
  const deciding = fail?.checks.find((c) => !c.holds);
  if (deciding) {
    const same = pass?.checks.find((c) => c.slo === deciding.slo);
    lines.push(`  deciding SLO: ${deciding.slo.text}`);
    if (same) lines.push(`  at ${search.answer}: ${describeCheck(same)}`);
    lines.push(`  at ${search.firstFailure}: ${describeCheck(deciding)}`);
  }
  return lines;
}

export function capacityCommand(io: CliIO, deps: Partial<RunDeps> = {}) {
  const resolved = resolveDeps(deps);
  return {
    command: 'capacity <file>',
    describe: 'Find the largest integer value of a parameter for which every SLO holds',
    builder: (y: Argv) =>
      y
        .positional('file', { type: 'string', describe: 'scenario file (YAML) without a sweep' })
        .option('param', {
          type: 'string',
          demandOption: true,
          describe: 'integer parameter path, e.g. instances',
        })
        .option('slo', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: "'METRIC OP VALUE' on the replication mean, OP one of < <= > >= == != (repeatable)",
        })
        .option('lo', { type: 'number', default: 1, describe: 'first value probed' })
        .option('hi', { type: 'number', describe: 'largest value considered' })
        .option('out', {
          type: 'string',
          describe:
            'result folder (default results/local/<name>-capacity-<search hash>/, replaced by the same search)',
        })
        .option('force', {
          type: 'boolean',
          default: false,
          describe: 'replace the results the --out folder holds (says what they were)',
        })
        .option('jobs', { type: 'number', describe: 'runs in parallel (default: all cores)' })
        .options(loadFlags('probe'))
        .option('report', {
          type: 'boolean',
          default: true,
          describe: 'build charts and report.html (--no-report)',
        })
        .option('quiet', { type: 'boolean', default: false, describe: 'no per-probe lines' })
        .example(
          "$0 capacity scenarios/software-cvq.yaml --param instances --set sweep=null --slo 'instances_rejected <= 0' --slo 'ctrl_latency_p99_us < 10000'",
          'most instances with no rejection and p99 control latency under 10 ms',
        ),
    handler: async (argv: Record<string, unknown>) => {
      const param = String(single<string>(argv, 'param'));
      if (!/^[^=\s]+$/.test(param)) throw new InputError(`--param '${param}' is not a parameter path`);
      const slos = ((argv.slo as unknown[] | undefined) ?? []).map((s) => parseSlo(String(s), METRICS));
      if (slos.length === 0) throw new InputError("give at least one --slo 'METRIC OP VALUE'");
      const lo = checkInteger('lo', single<number>(argv, 'lo'), 0, Number.MAX_SAFE_INTEGER) ?? 1;
      const hi = checkInteger('hi', single<number>(argv, 'hi'), 0, Number.MAX_SAFE_INTEGER);
      if (hi !== undefined && hi < lo) throw new InputError(`--hi (${hi}) must be >= --lo (${lo})`);
      const jobs = checkInteger('jobs', single<number>(argv, 'jobs'), 1, 4096) ?? defaultJobs();
      const load = loadOptions({
        set: argv.set as string[] | undefined,
        replications: single<number>(argv, 'replications'),
        seed: single<number>(argv, 'seed'),
      });
      const file = String(argv.file);
      const scenario = await resolved.prepareScenario(file, load);
      const req: CapacityRequest = { file, param, slos, bounds: { lo, hi }, scenario };
      const base = scenario.base;
      const out = single<string>(argv, 'out');
      // One folder per search (scenario, parameter, SLOs, bounds): re-running it replaces its own.
      const search = hash53Hex(stableStringify([base.hash, param, slos.map((s) => s.text), lo, hi ?? null]));
      const dir = out ?? join(resolved.resultsRoot, `${base.name}-capacity-${search.slice(0, 8)}`);
      const locks = lockFolders([dir], `vdpascale capacity ${file} --param ${param}`, io, resolved.writer);
      const watch = watchSignals(io, resolved.signals);
      const quiet = argv.quiet === true;
      let outcome: CapacityOutcome;
      try {
        await checkCapacityRequest(req, dir, out === undefined || argv.force === true);
        if (!isFreshFolder(dir)) {
          io.err(`capacity: replacing ${dir}, which held ${describeResults(dir)}`);
          clearResults(dir, resolved.writer);
        }
        outcome = await runCapacity(req, base, dir, {
          jobs,
          workerUrl: resolved.workerUrl,
          writer: resolved.writer,
          interrupt: { signal: watch.signal, graceMs: GRACE_MS },
          onProbe: (p) => {
            if (!quiet) io.err(probeLine(param, p));
          },
        });
      } catch (e) {
        if (!(e instanceof BatchInterruptedError)) throw e;
        const signal = watch.received ?? 'SIGINT';
        throw new FailureError(
          `interrupted by ${signal}: the capacity search stopped; nothing was written to ${dir} ` +
            '(a search does not resume: run it again)',
          { exitCode: SIGNAL_EXIT[signal] },
        );
      } finally {
        watch.dispose();
        releaseFolders(locks, true);
      }
      for (const line of formatVerdict(param, lo, outcome)) io.out(line);
      io.out(`${outcome.probes.length} probe(s), ${outcome.records.length} run(s) in ${dir}`);
      await reportFor(io, resolved, dir, argv.report !== false, false);
    },
  };
}
