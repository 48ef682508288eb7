/**
 * `vdpascale calibrate`: fits scenario parameters so that a simulated metric matches a measured
 * curve (MEASURED.csv: one column named like the swept parameter, one like the metric).
 *
 * Each candidate parameter vector runs every measured x value × the scenario's replications,
 * with the scenario's seeds (common random numbers: a candidate's curve differs from another's
 * only through the parameters), all runs of a batch of candidates on the worker pool at once.
 * The objective is the sum of squared relative residuals (simulated mean − measured) / measured;
 * runner/calibration-search.ts searches the box and gives profile-likelihood intervals.
 * Evaluations are journaled (`calibration-journal.jsonl`), so an interrupted fit resumes with
 * `--resume`. The result folder holds the best fit's runs (one point per measured x),
 * calibration.csv (x, measured, simulated ± CI, residual), calibration.json and
 * calibration.yaml: the fitted values as a scenario fragment another scenario can `extends:`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ValueKind } from '../model/params/param.js';
import { type BatchInterrupt, runBatch } from '../runner/batch.js';
import {
  type BatchObjective,
  candidateKey,
  type FitParam,
  type FitResult,
  fitParameters,
} from '../runner/calibration-search.js';
import { isSmallBatch } from '../runner/default-jobs.js';
import { ExecutorChoice } from '../runner/executor-choice.js';
import type { PreparedStudy } from '../runner/scenario-loader.js';
import { planRuns, runSpecFor, type Study } from '../runner/study.js';
import { overrideDocumentValue } from '../scenario/param-overrides.js';
import { InputError } from '../util/errors.js';
import { defaultWriter, type FileWriter } from './file-writer.js';
import type { MeasuredCurve } from './measured-curve.js';
import { manifestMeta } from './provenance.js';
import { columnName, type RunRecord, type StudyInfo, studyInfo } from './records.js';
import { writeFinishedFolder } from './result-folder.js';
import { summarizeValues } from './summary.js';

export const CALIBRATION_YAML = 'calibration.yaml';
export const CALIBRATION_CSV = 'calibration.csv';
export const CALIBRATION_JOURNAL = 'calibration-journal.jsonl';

export interface CalibrationRequest {
  file: string;
  scenario: PreparedStudy;
  params: FitParam[];
  metric: string;
  xPath: string;
  data: MeasuredCurve;
}

export interface CalibrationPoint {
  x: number;
  measured: number;
  mean: number;
  ci95Half: number;
  residual: number;
}

export interface CalibrationOutcome {
  fit: FitResult;
  points: CalibrationPoint[];
  runs: number;
  resumed: number;
}

/** A cell of the measured file: a plain number, or a quantity the x parameter's kind reads (4KiB). */
/** Whether a declared kind is searched in integer steps, or continuous (set in whole units or not). */
export function searchKind(kind: ValueKind): { integer: boolean; whole: boolean } | undefined {
  switch (kind.type) {
    case 'count':
      return { integer: true, whole: true };
    case 'duration':
    case 'size':
      return { integer: false, whole: true };
    case 'real':
    case 'perByte':
    case 'eventRate':
      return { integer: false, whole: false };
    default:
      return undefined;
  }
}

export interface CalibrationRunOptions {
  jobs: number;
  workerUrl?: URL | undefined;
  writer?: FileWriter | undefined;
  interrupt?: BatchInterrupt | undefined;
  resume?: boolean;
  /** Each candidate evaluated (for progress lines). */
  onCandidate?: (theta: readonly number[], sse: number) => void;
}

function overridesFor(req: CalibrationRequest, theta: readonly number[], x: number) {
  return [
    ...req.params.map((p, i) => ({ path: p.path, value: theta[i] as number })),
    { path: req.xPath, value: x },
  ];
}

/** The scenario at one candidate and one measured x: exactly one point. */
async function pointStudy(req: CalibrationRequest, theta: readonly number[], x: number): Promise<Study> {
  const study = await req.scenario.resolve(overridesFor(req, theta, x));
  if (study.points.length !== 1)
    throw new InputError(
      `${req.file} still sweeps ${study.swept.filter((p) => p !== req.xPath).join(', ')} besides ${req.xPath}; ` +
        'fix those with --set PATH=VALUE',
      { file: req.file },
    );
  return study;
}

export async function runCalibration(
  req: CalibrationRequest,
  dir: string,
  options: CalibrationRunOptions,
): Promise<CalibrationOutcome> {
  const t0 = performance.now();
  const writer = options.writer ?? defaultWriter;
  writer.makeDirectory(dir);
  const journal = join(dir, CALIBRATION_JOURNAL);
  const known = new Map<string, number>();
  const curves = new Map<string, { mean: number; ci95Half: number }[]>();
  if (options.resume) {
    for (const line of readJournal(journal)) {
      known.set(line.key, line.sse);
      curves.set(line.key, line.curve);
    }
  }
  const journalLines: string[] = options.resume ? [...readJournalText(journal)] : [];
  const base = req.scenario.base;
  // One job: a small batch of candidates runs in the calling thread, a long one on a worker
  // thread (the calling thread stays free to take the signal).
  const executor = new ExecutorChoice({
    jobs: options.jobs,
    workerUrl: options.workerUrl,
    interruptible: options.interrupt !== undefined,
  });
  let runs = 0;
  let lastRecords: RunRecord[][] = [];
  const n = req.data.x.length;
  /** Journals a candidate as soon as its last run is in, so an interrupt keeps every finished one. */
  const finish = (theta: readonly number[], rs: readonly RunRecord[][]): number => {
    const curve = rs.map((r) => {
      const st = summarizeValues(r.map((x) => x.output.metrics[req.metric]));
      return { mean: st.mean, ci95Half: st.ci95Half };
    });
    const sse = curve.reduce((sum, st, j) => {
      const m = req.data.y[j] as number;
      const r = Number.isFinite(st.mean) ? (st.mean - m) / m : 1e6; // a metric the run did not write: a huge miss
      return sum + r * r;
    }, 0);
    const key = candidateKey(theta);
    curves.set(key, curve);
    journalLines.push(JSON.stringify({ key, theta, sse, curve }));
    writer.writeAtomic(journal, `${journalLines.join('\n')}\n`);
    options.onCandidate?.(theta, sse);
    return sse;
  };
  /** Every run of the candidates × measured points in one batch; resolves to each candidate's SSE. */
  const simulate = async (thetas: readonly number[][], keep: boolean): Promise<number[]> => {
    const studies = await Promise.all(thetas.flatMap((t) => req.data.x.map((x) => pointStudy(req, t, x))));
    const R = base.replications;
    const jobs = studies.flatMap((s, si) =>
      planRuns(s).map((j) => ({ ...j, index: si * R + j.replication, point: si })),
    );
    const byStudy: RunRecord[][] = studies.map(() => []);
    const left = thetas.map(() => n * R);
    const sse: number[] = thetas.map(() => Number.NaN);
    await runBatch(jobs, {
      executor: await executor.for(isSmallBatch(studies)),
      specFor: (job) => runSpecFor(studies[job.point] as Study, { ...job, point: 0 }),
      interrupt: options.interrupt,
      onResult: (job, res) => {
        (byStudy[job.point] as RunRecord[]).push({ ...job, wallMs: res.wallMs, output: res.output });
        const c = Math.floor(job.point / n);
        left[c] = (left[c] as number) - 1;
        if (left[c] === 0) {
          const rs = byStudy.slice(c * n, (c + 1) * n).map((r) => r.sort((a, b) => a.index - b.index));
          sse[c] = finish(thetas[c] as number[], rs);
        }
      },
    });
    runs += jobs.length;
    if (keep) lastRecords = byStudy;
    return sse;
  };
  const objective: BatchObjective = (thetas) => simulate(thetas, false);
  let fit: FitResult;
  try {
    fit = await fitParameters(req.params, req.data.x.length, objective, { known });
    await simulate([fit.best], true); // the best fit's runs, for the result folder
  } finally {
    await executor.close();
  }
  const curve = curves.get(candidateKey(fit.best)) ?? [];
  const points = req.data.x.map((x, j) => {
    const s = curve[j] ?? { mean: Number.NaN, ci95Half: Number.NaN };
    const measured = req.data.y[j] as number;
    return { x, measured, mean: s.mean, ci95Half: s.ci95Half, residual: (s.mean - measured) / measured };
  });
  await writeCalibrationFolder(req, dir, fit, points, lastRecords, t0, executor.jobs, writer);
  return { fit, points, runs, resumed: known.size };
}

function readJournalText(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
  } catch {
    return [];
  }
}

function readJournal(
  file: string,
): { key: string; sse: number; curve: { mean: number; ci95Half: number }[] }[] {
  return readJournalText(file).flatMap((l) => {
    try {
      const o = JSON.parse(l) as { key: string; sse: number; curve: { mean: number; ci95Half: number }[] };
      return typeof o.key === 'string' && typeof o.sse === 'number' ? [o] : [];
    } catch {
      return []; // a torn last line: that candidate runs again
    }
  });
}

/** `a.b[0].c` → nested objects and lists, as a scenario writes them. */
function fragment(entries: readonly { path: string; value: unknown }[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { path, value } of entries) {
    const keys = path.split('.').flatMap((k) => {
      const m = /^([^[]+)\[(\d+)\]$/.exec(k);
      return m ? [m[1] as string, Number(m[2])] : [k];
    });
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((k, i) => {
      const last = i === keys.length - 1;
      const holder = node as Record<string | number, unknown>;
      if (last) holder[k] = value;
      else {
        holder[k] ??= typeof keys[i + 1] === 'number' ? [] : {};
        node = holder[k] as Record<string, unknown>;
      }
    });
  }
  return root;
}

async function writeCalibrationFolder(
  req: CalibrationRequest,
  dir: string,
  fit: FitResult,
  points: CalibrationPoint[],
  records: RunRecord[][],
  t0: number,
  jobs: number,
  writer: FileWriter,
): Promise<void> {
  const base = req.scenario.base;
  const R = base.replications;
  const info: StudyInfo = {
    ...studyInfo(base),
    swept: [req.xPath],
    points: req.data.x.map((x, i) => ({
      index: i,
      id: `${columnName(req.xPath)}=${x}`,
      params: { [req.xPath]: x },
    })),
    charts: [{ name: 'calibration', x: req.xPath, y: req.metric }],
  };
  const flat = records.flatMap((rs, i) => rs.map((r) => ({ ...r, index: i * R + r.replication, point: i })));
  await writeFinishedFolder(dir, info, flat, manifestMeta(flat, t0, jobs, undefined, flat.length), writer);
  const values = req.params.map((p, i) => ({ path: p.path, value: fit.best[i] as number }));
  const yaml = stringify(fragmentDocument(values));
  writer.writeAtomic(
    join(dir, CALIBRATION_YAML),
    `# vdpascale calibrate ${req.file} --data ${req.data.file} --metric ${req.metric}\n` +
      `# fitted values (a scenario fragment: extends: ${CALIBRATION_YAML}); 95% profile-likelihood intervals:\n` +
      req.params
        .map(
          (p, i) => `#   ${p.path} = ${fit.best[i]} [${fit.intervals[i]?.lo} .. ${fit.intervals[i]?.hi}]\n`,
        )
        .join('') +
      yaml,
  );
  const csv = [
    `${columnName(req.xPath)},measured,simulated,simulated_ci95_half,residual`,
    ...points.map((p) => [p.x, p.measured, p.mean, p.ci95Half, p.residual].join(',')),
  ];
  writer.writeAtomic(join(dir, CALIBRATION_CSV), `${csv.join('\n')}\n`);
  writer.writeAtomic(
    join(dir, 'calibration.json'),
    `${JSON.stringify(
      {
        metric: req.metric,
        x: req.xPath,
        sse: fit.sse,
        residual_variance: Number.isFinite(fit.variance) ? fit.variance : null,
        evaluations: fit.evaluations,
        params: req.params.map((p, i) => ({
          path: p.path,
          range: [p.lo, p.hi],
          value: fit.best[i],
          ci95: [fit.intervals[i]?.lo, fit.intervals[i]?.hi],
          clipped: [fit.intervals[i]?.loClipped, fit.intervals[i]?.hiClipped],
        })),
        points,
      },
      null,
      2,
    )}\n`,
  );
}

/** The fitted values as a scenario fragment, each written the way a scenario writes it (65ns, 128). */
function fragmentDocument(values: readonly { path: string; value: number }[]): Record<string, unknown> {
  return fragment(values.map((v) => ({ path: v.path, value: overrideDocumentValue(v) })));
}
