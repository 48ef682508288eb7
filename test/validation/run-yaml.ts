/**
 * Runs a scenario written inline (YAML text) through the real loader and model: every sweep
 * point × replication with runOne, summarised per point (mean ± 95% CI over replications).
 * Validation tests use it so that what they check is what a user's scenario file gets.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunOutput } from '../../src/model/system.js';
import { runOne } from '../../src/runner/run-one.js';
import { type LoadOptions, loadScenario, type SweepPoint } from '../../src/scenario/load-scenario.js';
import { type Summary, summarize } from '../../src/stats/confidence.js';

export interface PointResult {
  point: SweepPoint;
  runs: RunOutput[];
  /** Summary of a metric over the replications (NaN mean when a run did not write it). */
  metric(name: string): Summary;
}

export function scenarioFile(yaml: string, name = 'scenario.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'vdpascale-validation-'));
  const file = join(dir, name);
  writeFileSync(file, yaml);
  return file;
}

export async function runFile(file: string, options: LoadOptions = {}): Promise<PointResult[]> {
  const study = await loadScenario(file, options);
  return study.points.map((point) => {
    const runs = Array.from({ length: study.replications }, (_, r) =>
      runOne({
        config: point.config,
        seed: study.seed,
        replication: r,
        warmupNs: study.warmupNs,
        durationNs: study.durationNs,
      }),
    );
    return {
      point,
      runs,
      metric: (name) =>
        summarize(runs.map((o) => (typeof o.metrics[name] === 'number' ? o.metrics[name] : Number.NaN))),
    };
  });
}

export async function runYaml(yaml: string, options: LoadOptions = {}): Promise<PointResult[]> {
  return runFile(scenarioFile(yaml), options);
}
