/**
 * The data the result writer works from: the study's description without model configs, and
 * one record per finished run. Both survive a JSON round trip unchanged, so a run loaded from
 * the journal is indistinguishable from one just computed.
 */
import type { RunOutput } from '../model/system.js';
import type { ShardSpec, Study, StudyInfo } from '../runner/study.js';

export type { PointInfo, StudyInfo } from '../runner/study.js';

export interface RunRecord {
  index: number;
  point: number;
  replication: number;
  wallMs: number;
  output: RunOutput;
}

export function studyInfo(study: Study): StudyInfo {
  return {
    name: study.name,
    description: study.description,
    file: study.file,
    seed: study.seed,
    replications: study.replications,
    durationNs: study.durationNs,
    warmupNs: study.warmupNs,
    document: study.document,
    hash: study.hash,
    swept: [...study.swept],
    points: study.points.map((p) => ({ index: p.index, id: p.id, params: p.params })),
    charts: study.charts,
    expect: study.expect,
    warnings: [...study.warnings],
  };
}

export function totalRuns(info: Pick<StudyInfo, 'points' | 'replications'>): number {
  return info.points.length * info.replications;
}

/** Global run indices of a (possibly sharded) study, ascending. */
export function runIndices(info: Pick<StudyInfo, 'points' | 'replications'>, shard?: ShardSpec): number[] {
  const out: number[] = [];
  for (let i = 0; i < totalRuns(info); i++)
    if (shard === undefined || i % shard.count === shard.index) out.push(i);
  return out;
}

/** CSV column of a swept parameter path (`adminq.workers` → `adminq_workers`): the scenario layer's rule. */
export { columnName } from '../scenario/key-path.js';
