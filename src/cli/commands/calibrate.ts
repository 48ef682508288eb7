/**
 * `vdpascale calibrate FILE --data MEASURED.csv --fit PATH[=LO..HI]… --metric M [--x PATH]`:
 * fits the named parameters so that the simulated metric matches a measured curve
 * (output/calibration-study.ts); prints each fitted value with its 95% profile-likelihood
 * interval and the residual per point; writes the result folder (default
 * `results/local/<name>-calibration-<request hash>/`) with calibration.yaml, calibration.csv and the report.
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { METRICS } from '../../model/metrics.js';
import { declaredPath, paramAt } from '../../model/params/catalogue.js';
import { type CalibrationRequest, runCalibration, searchKind } from '../../output/calibration-study.js';
import { plainNumber, readMeasured } from '../../output/measured-curve.js';
import { clearResults, isFreshFolder } from '../../output/result-folder.js';
import { shortNumber } from '../../output/summary-table.js';
import { resolveProfile } from '../../profiles/index.js';
import { BatchInterruptedError } from '../../runner/batch.js';
import type { FitParam } from '../../runner/calibration-search.js';
import { defaultJobs } from '../../runner/executor.js';
import { valueSchema } from '../../scenario/param-schema.js';
import { FailureError, InputError } from '../../util/errors.js';
import { hash53Hex } from '../../util/hash.js';
import { stableStringify } from '../../util/stable-json.js';
import { lockFolders, releaseFolders } from '../folder-locks.js';
import type { CliIO } from '../io.js';
import { GRACE_MS, SIGNAL_EXIT, watchSignals } from '../signal-watch.js';
import { checkInteger, loadFlags, loadOptions, type RunDeps, reportFor, resolveDeps, single } from './run.js';

/** A value of the parameter at `path` written as a scenario writes it (`90ns`, `4KiB`) or a plain canonical number. */
function valueParser(path: string): (text: string) => number | undefined {
  const entry = paramAt(declaredPath(path));
  return (text) => {
    const plain = plainNumber(text);
    if (plain !== undefined) return plain;
    if (entry === undefined) return undefined;
    const r = valueSchema(entry.param.value).safeParse(text);
    return r.success && typeof r.data === 'number' ? r.data : undefined;
  };
}

/** `PATH` or `PATH=LO..HI`; without a range, the parent profile's plausible range. */
export function parseFit(text: string, parent: string): FitParam {
  const m = /^([^=\s]+)(?:=(.+)\.\.(.+))?$/.exec(text);
  if (!m)
    throw new InputError(
      `--fit '${text}' is not PATH or PATH=LO..HI`,
      {},
      'e.g. iommu.walk.memAccess=50ns..150ns',
    );
  const path = m[1] as string;
  const entry = paramAt(declaredPath(path));
  const kind = entry === undefined ? undefined : searchKind(entry.param.value);
  if (entry === undefined || kind === undefined)
    throw new InputError(
      `--fit ${path}: not a numeric parameter`,
      { path },
      'a declared count, duration, size, per-byte or rate parameter (vdpascale schema)',
    );
  let lo: number | undefined;
  let hi: number | undefined;
  if (m[2] !== undefined) {
    const parse = valueParser(path);
    lo = parse((m[2] as string).trim());
    hi = parse((m[3] as string).trim());
    if (lo === undefined || hi === undefined)
      throw new InputError(
        `--fit ${text}: LO and HI must be values of ${path}`,
        { path },
        'e.g. 50ns..150ns or 32..256',
      );
  } else {
    const range = resolveProfile(parent).find((p) => p.path === path)?.range;
    if (range === undefined)
      throw new InputError(
        `--fit ${path}: the ${parent} profile gives it no plausible range; write PATH=LO..HI`,
        { path },
      );
    lo = range.min;
    hi = range.max;
  }
  if (!(lo < hi)) throw new InputError(`--fit ${text}: LO must be below HI`, { path });
  return { path, lo, hi, integer: kind.integer, whole: kind.whole };
}

export function calibrateCommand(io: CliIO, deps: Partial<RunDeps> = {}) {
  const resolved = resolveDeps(deps);
  return {
    command: 'calibrate <file>',
    describe: 'Fit parameters so that a simulated metric matches a measured curve (writes calibration.yaml)',
    builder: (y: Argv) =>
      y
        .positional('file', { type: 'string', describe: 'scenario file (YAML)' })
        .option('data', {
          type: 'string',
          demandOption: true,
          describe: 'measured curve: CSV with an x and a metric column',
        })
        .option('fit', {
          type: 'string',
          array: true,
          demandOption: true,
          describe:
            'parameter to fit, PATH or PATH=LO..HI (repeatable), e.g. iommu.walk.memAccess=50ns..150ns',
        })
        .option('metric', {
          type: 'string',
          demandOption: true,
          describe: 'metric to match, e.g. dma_transactions_per_s',
        })
        .option('x', {
          type: 'string',
          describe: "swept parameter of the measured curve (default: the scenario's one swept key)",
        })
        .option('out', {
          type: 'string',
          describe:
            'result folder (default results/local/<name>-calibration-<request hash>/, replaced by the same calibration)',
        })
        .option('jobs', { type: 'number', describe: 'runs in parallel (default: all cores)' })
        .options(loadFlags('point'))
        .option('resume', {
          type: 'boolean',
          default: false,
          describe: 'reuse the candidates a stopped fit journaled in --out',
        })
        .option('report', {
          type: 'boolean',
          default: true,
          describe: 'build charts and report.html (--no-report)',
        })
        .option('quiet', { type: 'boolean', default: false, describe: 'no per-candidate lines' })
        .example(
          '$0 calibrate scenarios/reproductions/pcie-bench-window.yaml --data scenarios/reproductions/pcie-bench-window-measured.csv --metric dma_transactions_per_s --set strategy.isolation=rid-per-vf --fit iommu.walk.memAccess=50ns..100ns --replications 1',
          "fit the page walk access time to pcie-bench's IOMMU window sweep (shipped data)",
        ),
    handler: async (argv: Record<string, unknown>) => {
      const file = String(argv.file);
      const metric = String(single<string>(argv, 'metric'));
      if (!(METRICS as readonly string[]).includes(metric))
        throw new InputError(`--metric ${metric}: not a metric`, {}, METRICS.join(', '));
      const jobs = checkInteger('jobs', single<number>(argv, 'jobs'), 1, 4096) ?? defaultJobs();
      const load = loadOptions({
        set: argv.set as string[] | undefined,
        replications: single<number>(argv, 'replications'),
        seed: single<number>(argv, 'seed'),
      });
      const scenario = await resolved.prepareScenario(file, load);
      const base = scenario.base;
      const xPath = single<string>(argv, 'x') ?? onlySwept(base.swept, file);
      const parent = String(base.points[0]?.config.parent ?? '');
      const params = ((argv.fit as unknown[] | undefined) ?? []).map((f) => parseFit(String(f), parent));
      if (new Set(params.map((p) => p.path)).size !== params.length)
        throw new InputError('--fit names a parameter twice');
      if (params.some((p) => p.path === xPath))
        throw new InputError(`--fit ${xPath} is the curve's x: it cannot be fitted`);
      const data = readMeasured(
        String(single<string>(argv, 'data')),
        xPath,
        metric,
        valueParser(xPath),
        params.length + 1,
      );
      const req: CalibrationRequest = { file, scenario, params, metric, xPath, data };
      const out = single<string>(argv, 'out');
      // One default folder per calibration (scenario, fitted ranges, metric, x, data), as capacity
      // keeps one per search: re-running the same calibration replaces its own deterministic
      // results, another calibration of the same scenario gets its own folder.
      const request = hash53Hex(
        stableStringify([base.hash, params.map((p) => [p.path, p.lo, p.hi]), metric, xPath, data]),
      );
      const dir = out ?? join(resolved.resultsRoot, `${base.name}-calibration-${request.slice(0, 8)}`);
      const resume = argv.resume === true;
      if (!resume && !isFreshFolder(dir)) {
        if (out !== undefined)
          throw new InputError(
            `${dir} exists and is not empty; choose another folder with --out, or --resume`,
          );
        io.err(`calibrate: replacing ${dir}, which held this calibration's earlier results`);
        clearResults(dir, resolved.writer);
      }
      const locks = lockFolders([dir], `vdpascale calibrate ${file}`, io, resolved.writer);
      const watch = watchSignals(io, resolved.signals);
      const quiet = argv.quiet === true;
      const t0 = performance.now();
      let outcome: Awaited<ReturnType<typeof runCalibration>>;
      try {
        outcome = await runCalibration(req, dir, {
          jobs,
          workerUrl: resolved.workerUrl,
          writer: resolved.writer,
          interrupt: { signal: watch.signal, graceMs: GRACE_MS },
          resume,
          onCandidate: (theta, sse) => {
            if (!quiet)
              io.err(
                `candidate ${params.map((p, i) => `${p.path}=${shortNumber(theta[i] as number)}`).join(' ')}: SSE ${shortNumber(sse)}`,
              );
          },
        });
      } catch (e) {
        if (!(e instanceof BatchInterruptedError)) throw e;
        const signal = watch.received ?? 'SIGINT';
        throw new FailureError(
          `interrupted by ${signal}: the evaluated candidates are in ${dir}; continue with --resume`,
          { exitCode: SIGNAL_EXIT[signal] },
        );
      } finally {
        watch.dispose();
        releaseFolders(locks, true);
      }
      const { fit, points } = outcome;
      params.forEach((p, i) => {
        const iv = fit.intervals[i];
        const edge = iv?.loClipped || iv?.hiClipped ? ' (interval reaches the search range)' : '';
        io.out(
          `fit: ${p.path} = ${shortNumber(fit.best[i] as number)}  95% CI [${shortNumber(iv?.lo ?? Number.NaN)} .. ${shortNumber(iv?.hi ?? Number.NaN)}]${edge}`,
        );
      });
      io.out(
        `  SSE ${shortNumber(fit.sse)} (relative residuals), ${fit.evaluations} candidate(s), ${outcome.runs} run(s)` +
          (outcome.resumed > 0 ? `, ${outcome.resumed} candidate(s) resumed` : '') +
          ` in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      for (const p of points)
        io.out(
          `  ${xPath}=${shortNumber(p.x)}: measured ${shortNumber(p.measured)}, simulated ${shortNumber(p.mean)} ± ${shortNumber(p.ci95Half)}, residual ${(100 * p.residual).toFixed(1)}%`,
        );
      io.out(`calibration.yaml, calibration.csv and the best fit's runs in ${dir}`);
      await reportFor(io, resolved, dir, argv.report !== false, false);
    },
  };
}

function onlySwept(swept: readonly string[], file: string): string {
  if (swept.length === 1) return swept[0] as string;
  throw new InputError(
    `${file} sweeps ${swept.length === 0 ? 'nothing' : swept.join(', ')}: name the measured curve's x with --x PATH`,
    { file },
  );
}
