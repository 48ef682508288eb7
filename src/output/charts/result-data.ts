/**
 * The rows and manifest of a result folder as the chart and report code sees them (see
 * README, "Result folder"). Kept here, not in the writer, because charts only
 * read: a reader's types must accept every folder a past version wrote.
 */
import type { ParamValue as SweptValue } from '../../runner/study.js';
import type { Expectation } from '../../scenario/expectations.js';
import { columnName } from '../../scenario/key-path.js';
import type { ChartSpec } from '../../scenario/scenario-schema.js';
import type { ResourceUse } from '../../stats/resource-usage.js';
import type { SummaryRow as WrittenSummaryRow } from '../summary.js';

/** A swept parameter's value as read back (an empty cell is null): numbers stay numbers for quantitative axes. */
export type ParamValue = SweptValue | null;

/** One row of `summary.csv` read back: the written statistics plus the point's swept columns. */
export interface SummaryRow extends WrittenSummaryRow {
  /** Swept parameter columns (path with `.` → `_`), in the file's column order. */
  params: Record<string, ParamValue>;
}

/** One row of `groups.csv`: a per-tenant metric of one run. */
export interface GroupRow {
  point: number;
  replication: number;
  group: string;
  metric: string;
  value: number;
}

/** One row of `resources.csv`: a queueing resource over one run's measured window. */
export interface ResourceRow extends ResourceUse {
  point: number;
  replication: number;
}

/** One row of `runs.csv`, column name → value (numeric columns parsed, `limit_resource` a string). */
export type RunRow = Record<string, ParamValue>;

/** What a chart draws, as a scenario's `charts:` list declares it, with its name settled. */
export type ChartDeclaration = ChartSpec & { name: string };

/** `line` and `bar` draw one metric; `quantiles` the latency p50/p99/p99.9; `instances` ready vs requested. */
export type ChartKind = NonNullable<ChartSpec['kind']>;

/** One point of the sweep: its index and the parameter values (keyed by dotted path). */
export interface ManifestPoint {
  point: number;
  params: Record<string, ParamValue>;
}

/** `manifest.json`; only the fields the report reads are typed, the rest pass through. */
export interface ResultManifest {
  name: string;
  description?: string | undefined;
  scenario?: unknown;
  scenario_hash?: string | undefined;
  seed?: number | string | undefined;
  replications?: number | undefined;
  /** The RNG algorithm (shown as written: a name or an object). */
  rng?: unknown;
  stream_names?: unknown;
  version?: string | undefined;
  git_commit?: string | null | undefined;
  points: ManifestPoint[];
  swept: string[];
  fingerprint?: string | undefined;
  timings?: Record<string, unknown> | undefined;
  warnings?: string[] | undefined;
  charts?: ChartDeclaration[] | undefined;
  /** The scenario's checked `expect` entries (scenario/expectations.ts). */
  expect?: Expectation[] | undefined;
}

/**
 * CSV column of a parameter path — the runner's own naming (`workload.groups[1].share` →
 * `workload_groups_1_share`), so a chart finds every swept column; no dots or brackets either,
 * which Vega-Lite would read as nested access.
 */
export function columnOf(path: string): string {
  return columnName(path);
}
