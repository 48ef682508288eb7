/**
 * The `--jobs` a run gets when the user names none: every core, unless the study is too small
 * for worker threads to pay off. A worker thread costs ≈ 100 ms of start-up (bench/jobs-bench.ts
 * measures it) before its first run, and the model handles ≈ 10^6 arrivals per second, so a
 * study expecting fewer than SMALL_STUDY arrivals in all its runs finishes sooner in the
 * calling thread than the pool would start (`examples/tiny.yaml`: ≈ 10^3). Results are the
 * same either way; only the wall time differs.
 */
import type { ModelConfig } from '../model/config.js';
import { defaultJobs } from './executor.js';
import type { Study } from './study.js';

const SMALL_STUDY = 100_000;

/** Arrivals one run of `config` expects over `ns` of simulated time: packets, control operations, churn, a start burst. */
function expectedArrivals(config: ModelConfig, ns: number): number {
  // A stand-in study (the runner's tests) carries no model config: its size is unknown.
  if (config.workload === undefined || config.provisioning === undefined) return Number.POSITIVE_INFINITY;
  const s = ns / 1e9;
  const p = config.provisioning;
  let n = (p.churn.create + p.churn.destroy) * s;
  if (p.start === 'burst') n += config.instances;
  for (const g of config.workload.groups) n += g.count * (g.traffic.ratePps + g.control.rate) * s;
  return n;
}

function studyArrivals(study: Study): number {
  const ns = study.warmupNs + study.durationNs;
  let total = 0;
  for (const point of study.points) total += study.replications * expectedArrivals(point.config, ns);
  return total;
}

/** The study's runs together expect fewer arrivals than a worker thread's start-up is worth. */
export function isSmallStudy(study: Study): boolean {
  return studyArrivals(study) < SMALL_STUDY;
}

/**
 * The same test over one batch of several studies (a calibration candidate's measured points,
 * a capacity probe): their runs together are small, so the calling thread takes them.
 */
export function isSmallBatch(studies: readonly Study[]): boolean {
  let total = 0;
  for (const s of studies) total += studyArrivals(s);
  return total < SMALL_STUDY;
}

export function defaultJobsFor(study: Study, cores = defaultJobs()): number {
  return isSmallStudy(study) ? 1 : cores;
}
