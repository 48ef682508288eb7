/**
 * manifest.json: what was run (the resolved scenario and its hash, seeds, RNG and stream
 * names, code version), what is in the folder (points, runs done, a fingerprint over the runs)
 * and how long it took. Wall-clock timings live here only, never in a CSV, so the CSVs stay
 * byte-identical across machines and job counts.
 */

import { RNG_ALGORITHM } from '../random/stream-factory.js';
import type { ShardSpec } from '../runner/study.js';
import { InputError } from '../util/errors.js';
import { hash53Hex } from '../util/hash.js';
import { runWarnings } from './admission-warnings.js';
import type { RunRecord, StudyInfo } from './records.js';

export const MANIFEST_FILE = 'manifest.json';

export interface Timings {
  /** Wall time of the invocation that wrote the folder (a resume or merge counts only itself), s. */
  wall_total_s: number;
  /** Mean wall time of one run over every run in the folder, s. */
  run_wall_mean_s: number;
  jobs: number | null;
}

export interface ManifestMeta {
  version: string;
  gitCommit: string | null;
  shard: ShardSpec | undefined;
  timings: Timings;
  /** Runs this folder is meant to hold (a shard's subset, or all). */
  runsExpected: number;
}

/** One hash over the per-run event fingerprints in run order: equal iff every run replayed equally. */
export function resultFingerprint(records: readonly RunRecord[]): string {
  return hash53Hex(records.map((r) => `${r.index}:${r.output.fingerprint}`).join('\n'));
}

/** Scenario warnings first, then what the runs said (runWarnings), then what admission rejected per point. */
export function collectWarnings(info: StudyInfo, records: readonly RunRecord[]): string[] {
  return [...new Set([...info.warnings, ...runWarnings(info, records)])];
}

export function buildManifest(info: StudyInfo, records: readonly RunRecord[], meta: ManifestMeta) {
  const perPoint = new Map<number, number>();
  for (const r of records) perPoint.set(r.point, (perPoint.get(r.point) ?? 0) + 1);
  const streams = new Set<string>();
  for (const r of records) for (const s of r.output.streamNames) streams.add(s);
  return {
    name: info.name,
    description: info.description,
    file: info.file,
    scenario: info.document,
    scenario_hash: info.hash,
    seed: info.seed,
    replications: info.replications,
    duration_ns: info.durationNs,
    warmup_ns: info.warmupNs,
    rng: RNG_ALGORITHM,
    stream_names: [...streams].sort(),
    version: meta.version,
    git_commit: meta.gitCommit,
    swept: info.swept,
    points: info.points.map((p) => ({ point: p.index, id: p.id, params: p.params })),
    shard: meta.shard ? { index: meta.shard.index, count: meta.shard.count } : null,
    runs_total: info.points.length * info.replications,
    runs_expected: meta.runsExpected,
    runs_done: records.length,
    points_done: [...perPoint.values()].filter((n) => n === info.replications).length,
    fingerprint: resultFingerprint(records),
    timings: meta.timings,
    warnings: collectWarnings(info, records),
    charts: namedCharts(info),
    expect: info.expect,
  };
}

/** Declared charts, each with a name (the report keys files by it): `<y>_by_<x>` when unnamed. */
function namedCharts(info: StudyInfo) {
  return info.charts.map((c) => (c.name ? c : { ...c, name: `${c.y}_by_${c.x.replace(/\./g, '_')}` }));
}

export type Manifest = ReturnType<typeof buildManifest>;

/** The study description back from a manifest (merge reads shard folders this way). */
export function studyInfoFromManifest(m: Partial<Manifest>, path: string): StudyInfo {
  const need = <T>(v: T | undefined, key: string): T => {
    if (v === undefined) throw new InputError(`${path}: manifest lacks '${key}'`, { file: path });
    return v;
  };
  return {
    name: need(m.name, 'name'),
    description: m.description ?? '',
    file: m.file ?? '',
    seed: need(m.seed, 'seed'),
    replications: need(m.replications, 'replications'),
    durationNs: need(m.duration_ns, 'duration_ns'),
    warmupNs: need(m.warmup_ns, 'warmup_ns'),
    document: need(m.scenario, 'scenario'),
    hash: need(m.scenario_hash, 'scenario_hash'),
    swept: need(m.swept, 'swept'),
    points: need(m.points, 'points').map((p) => ({ index: p.point, id: p.id, params: p.params })),
    charts: m.charts ?? [],
    expect: m.expect ?? [],
    warnings: m.warnings ?? [],
  };
}
