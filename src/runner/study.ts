/**
 * The study descriptor the runner and the result writer share, and the run plan built from it.
 *
 * `Study` is the loaded scenario (`scenario/ResolvedScenario`: one declaration of the fields);
 * `StudyInfo` is the same without the model configs — what the result files, the journal and
 * the report describe. Every run of a study has a global index `point × replications +
 * replication`: the order of the result files, the shard assignment and the journal key all
 * derive from it.
 */
import type { RunSpec } from '../model/config.js';
import type { ResolvedScenario, SweepPoint } from '../scenario/load-scenario.js';
import type { ChartSpec } from '../scenario/scenario-schema.js';
import { InputError } from '../util/errors.js';

export type { ParamValue } from '../scenario/expand-sweep.js';

/** One sweep point of a study, with the ModelConfig its runs use. */
export type StudyPoint = SweepPoint;

/** A chart a scenario declares (passed through to the manifest for the report). */
export type ChartDeclaration = ChartSpec;

/** A loaded study. */
export type Study = ResolvedScenario;

/** A sweep point without its config: its index, id and swept values. */
export type PointInfo = Omit<StudyPoint, 'config'>;

/** A study without model configs: what result folders and journals record, as JSON round trips. */
export type StudyInfo = Omit<Study, 'points'> & { points: PointInfo[] };

/** One run of the plan. */
export interface RunJob {
  /** Global run index: point × replications + replication. */
  index: number;
  point: number;
  replication: number;
}

/** A deterministic subset of the runs: shard `index` of `count` (0-based). */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Every run of a study, point-major (replications innermost), i.e. by global index. */
export function planRuns(study: Pick<Study, 'points' | 'replications'>): RunJob[] {
  const jobs: RunJob[] = [];
  study.points.forEach((p, i) => {
    if (p.index !== i)
      throw new Error(`sweep point ${i} carries index ${p.index}; points must be numbered 0..n-1`);
    for (let r = 0; r < study.replications; r++)
      jobs.push({ index: i * study.replications + r, point: i, replication: r });
  });
  return jobs;
}

/**
 * Shard membership: runs are dealt round-robin by global index, so every shard gets a mix of
 * points (cheap and expensive ones alike) and the split depends on nothing but (index, count).
 */
export function inShard(job: RunJob, shard: ShardSpec | undefined): boolean {
  return shard === undefined || job.index % shard.count === shard.index;
}

/** The model input of one run: replication r uses master seed + index r (streams derive from both). */
export function runSpecFor(study: Study, job: RunJob): RunSpec {
  const point = study.points[job.point];
  if (point === undefined) throw new Error(`run ${job.index}: no point ${job.point}`);
  return {
    config: point.config,
    seed: study.seed,
    replication: job.replication,
    warmupNs: study.warmupNs,
    durationNs: study.durationNs,
  };
}

const SHARD = /^(\d+)\/(\d+)$/;

/** Parses `--shard I/N` (0-based I < N). */
export function parseShard(text: string): ShardSpec {
  const m = SHARD.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count)) {
    throw new InputError(`--shard must look like I/N (e.g. 0/4), got '${text}'`);
  }
  if (count < 1 || count > 100_000) throw new InputError(`--shard: N must be in 1..100000, got ${count}`);
  if (index >= count)
    throw new InputError(`--shard: I is 0-based and must be below N=${count}, got ${index}`);
  return { index, count };
}

/** Shard folder name suffix, e.g. `shard-0-of-4`. */
export function shardLabel(shard: ShardSpec): string {
  return `shard-${shard.index}-of-${shard.count}`;
}
