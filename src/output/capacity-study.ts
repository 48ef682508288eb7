import { join } from 'node:path';
import { type BatchInterrupt, runBatch } from '../runner/batch.js';
import {
  type SearchBounds,
  type SearchResult,
  type Slo,
  searchCapacity,
  sloHolds,
} from '../runner/capacity.js';
import { isSmallStudy } from '../runner/default-jobs.js';
import { ExecutorChoice } from '../runner/executor-choice.js';
import type { PreparedStudy } from '../runner/scenario-loader.js';
import { planRuns, runSpecFor, type Study } from '../runner/study.js';
import { InputError } from '../util/errors.js';
import { rejectingResources } from './admission-warnings.js';
import { defaultWriter, type FileWriter } from './file-writer.js';
import { manifestMeta } from './provenance.js';
import { columnName, type RunRecord, type StudyInfo, studyInfo } from './records.js';
import { describeResults, isFreshFolder, writeFinishedFolder } from './result-folder.js';
import { type SummaryRow, summarizeValues } from './summary.js';

export const CAPACITY_FILE = 'capacity.json';

export interface CapacityRequest {
  file: string;
  param: string;
  slos: Slo[];
  bounds: SearchBounds;
  /** The scenario read once; each probe resolves it with `param` set in memory (no --set text). */
  scenario: PreparedStudy;
}

export interface SloCheck {
  slo: Slo;
  stats: Omit<SummaryRow, 'point' | 'group' | 'metric'>;
  holds: boolean;
}

export interface ProbeReport {
  value: number;
  pass: boolean;
  checks: SloCheck[];
  /** Replication means of the instances admitted and rejected, and the resources that rejected them. */
  admission: { ready: number; rejected: number; resources: string[] };
}

/** The metrics through which an SLO speaks about admission. */
const ADMISSION_METRICS: ReadonlySet<string> = new Set(['instances_rejected', 'instances_ready']);

function admissionOf(records: readonly RunRecord[]): ProbeReport['admission'] {
  const mean = (m: 'instances_ready' | 'instances_rejected') =>
    summarizeValues(records.map((r) => r.output.metrics[m])).mean;
  return {
    ready: mean('instances_ready'),
    rejected: mean('instances_rejected'),
    resources: rejectingResources(records),
  };
}

/**
 * A probe whose instances were partly rejected met its SLOs on the admitted ones only: unless
 * an SLO says what admission may do, the answer would count instances that never ran.
 */
function checkAdmissionBound(req: CapacityRequest, report: ProbeReport): void {
  const { ready, rejected, resources } = report.admission;
  if (!(rejected > 0) || req.slos.some((s) => ADMISSION_METRICS.has(s.metric))) return;
  const on = resources.length > 0 ? ` on ${resources.join(' / ')}` : '';
  throw new InputError(
    `capacity: at ${req.param}=${report.value}, ${rejected} instances were rejected${on} and the SLOs were met by the ${ready} admitted; ` +
      'the search is admission-bound, so its answer would count instances that never ran',
    { file: req.file },
    "add --slo 'instances_rejected <= 0' (the most that all fit), or bound the rejections you accept",
  );
}

export interface CapacityOutcome {
  search: SearchResult;
  /** Probes in increasing value order (= point order in the folder). */
  probes: ProbeReport[];
  info: StudyInfo;
  records: RunRecord[];
}

async function loadProbe(req: CapacityRequest, value: number): Promise<Study> {
  const study = await req.scenario.resolve([{ path: req.param, value }]);
  if (study.points.length !== 1)
    throw new Error(`probe ${req.param}=${value} expanded to ${study.points.length} points`);
  return study;
}

/** Every check that needs no run: the file, the parameter, the folder. Returns the base scenario. */
export async function checkCapacityRequest(req: CapacityRequest, dir: string, force = false): Promise<Study> {
  const base = req.scenario.base;
  if (base.swept.includes(req.param)) {
    throw new InputError(
      `${req.file} sweeps ${req.param}; capacity varies it itself, so remove it from the sweep`,
      { file: req.file, path: req.param },
    );
  }
  if (base.points.length !== 1) {
    throw new InputError(
      `capacity needs a scenario without a sweep, but ${req.file} sweeps ${base.swept.join(', ')}; ` +
        'fix those with --set PATH=VALUE',
      { file: req.file },
    );
  }
  await loadProbe(req, req.bounds.lo); // validates PATH and its value type through the loader
  if (!force && !isFreshFolder(dir))
    throw new InputError(
      `${dir} holds results (${describeResults(dir)}); choose another folder with --out, or pass --force to replace them`,
    );
  return base;
}

export interface CapacityRunOptions {
  jobs: number;
  workerUrl?: URL | undefined;
  onProbe?: (p: ProbeReport) => void;
  /** Where the folder is written (default: the real file system). */
  writer?: FileWriter | undefined;
  /** Stops the search on an interrupt (runBatch throws BatchInterruptedError); nothing is written. */
  interrupt?: BatchInterrupt | undefined;
}

export async function runCapacity(
  req: CapacityRequest,
  base: Study,
  dir: string,
  options: CapacityRunOptions,
): Promise<CapacityOutcome> {
  const t0 = performance.now();
  const runs = new Map<number, RunRecord[]>();
  const reports = new Map<number, ProbeReport>();
  // One job: a small probe runs in the calling thread; a long one on a worker thread, which
  // keeps the calling thread free to take the signal.
  const executor = new ExecutorChoice({
    jobs: Math.min(options.jobs, base.replications),
    workerUrl: options.workerUrl,
    interruptible: options.interrupt !== undefined,
  });
  let search: SearchResult;
  try {
    search = await searchCapacity(async (value) => {
      const study = await loadProbe(req, value);
      const records: RunRecord[] = [];
      await runBatch(planRuns(study), {
        executor: await executor.for(isSmallStudy(study)),
        specFor: (job) => runSpecFor(study, job),
        interrupt: options.interrupt,
        onResult: (job, res) => records.push({ ...job, wallMs: res.wallMs, output: res.output }),
      });
      records.sort((a, b) => a.index - b.index);
      const checks = req.slos.map((slo) => {
        const stats = summarizeValues(records.map((r) => r.output.metrics[slo.metric]));
        return { slo, stats, holds: sloHolds(slo, stats.mean) };
      });
      const report = { value, pass: checks.every((c) => c.holds), checks, admission: admissionOf(records) };
      checkAdmissionBound(req, report);
      runs.set(value, records);
      reports.set(value, report);
      options.onProbe?.(report);
      return report.pass;
    }, req.bounds);
  } finally {
    await executor.close();
  }

  const values = [...runs.keys()].sort((a, b) => a - b);
  const info: StudyInfo = {
    ...studyInfo(base),
    swept: [req.param],
    points: values.map((v, i) => ({
      index: i,
      id: `${columnName(req.param)}=${v}`,
      params: { [req.param]: v },
    })),
  };
  const R = base.replications;
  const records = values.flatMap((v, i) =>
    (runs.get(v) ?? []).map((r) => ({ ...r, index: i * R + r.replication, point: i })),
  );
  const probes = values.map((v) => reports.get(v) as ProbeReport);
  const writer = options.writer ?? defaultWriter;
  await writeFinishedFolder(
    dir,
    info,
    records,
    manifestMeta(records, t0, executor.jobs, undefined, records.length),
    writer,
  );
  writer.writeAtomic(
    join(dir, CAPACITY_FILE),
    `${JSON.stringify(capacityJson(req, search, probes), null, 2)}\n`,
  );
  return { search, probes, info, records };
}

function capacityJson(req: CapacityRequest, search: SearchResult, probes: ProbeReport[]) {
  return {
    param: req.param,
    slos: req.slos.map((s) => s.text),
    lo: req.bounds.lo,
    hi: req.bounds.hi ?? null,
    answer: search.answer ?? null,
    first_failure: search.firstFailure ?? null,
    capped: search.capped,
    probe_order: search.probes,
    probes: probes.map((p) => ({
      value: p.value,
      pass: p.pass,
      slos: p.checks.map((c) => ({
        slo: c.slo.text,
        n: c.stats.n,
        mean: Number.isFinite(c.stats.mean) ? c.stats.mean : null,
        ci95_half: Number.isFinite(c.stats.ci95Half) ? c.stats.ci95Half : null,
        holds: c.holds,
      })),
    })),
  };
}
