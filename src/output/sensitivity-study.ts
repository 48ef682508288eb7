/**
 * Runs a sensitivity study into a result folder: the runs through `runStudy` (journal, shards,
 * resume, any --jobs), then the analysis files from the runs read back. A shard writes its
 * runs and the descriptor only; `vdpascale merge` writes the analysis of the merged folder.
 */
import type { SensitivityStudy } from '../runner/sensitivity-plan.js';
import { defaultWriter } from './file-writer.js';
import { type RunStudyOptions, runStudy, type StudyOutcome } from './run-study.js';
import type { MetricGoal, SensitivityDescriptor, SensitivityResult } from './sensitivity-analysis.js';
import { writeDescriptor, writeSensitivityFiles } from './sensitivity-files.js';

export interface AnalysisOptions {
  metrics: MetricGoal[];
  compare: string | null;
  /** Bootstrap resamples and interval coverage. */
  resamples: number;
  level: number;
}

export function descriptorOf(plan: SensitivityStudy, o: AnalysisOptions): SensitivityDescriptor {
  const { spec } = plan.design;
  return {
    method: spec.method,
    samples: spec.samples,
    levels: spec.levels,
    seed: spec.seed,
    resamples: o.resamples,
    level: o.level,
    replications: plan.study.replications,
    metrics: o.metrics,
    compare: o.compare,
    params: plan.space.params,
    nominal: plan.nominalValues,
    notes: plan.space.notes,
    basePoints: plan.basePoints,
  };
}

export interface SensitivityOutcome {
  outcome: StudyOutcome;
  /** Undefined for a shard. */
  result: SensitivityResult | undefined;
}

export async function runSensitivity(
  options: Omit<RunStudyOptions, 'study'> & { plan: SensitivityStudy; descriptor: SensitivityDescriptor },
): Promise<SensitivityOutcome> {
  const { plan, descriptor, ...rest } = options;
  const outcome = await runStudy({ ...rest, study: plan.study });
  const writer = options.writer ?? defaultWriter;
  if (options.shard !== undefined) {
    writeDescriptor(outcome.dir, descriptor, writer);
    return { outcome, result: undefined };
  }
  const result = writeSensitivityFiles(outcome.dir, descriptor, outcome.records, writer);
  return { outcome, result };
}
