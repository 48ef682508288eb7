import { type ChartDimension, compositeOf, groupDimension } from './chart-dimension.js';
import type { ResultManifest, RunRow, SummaryRow } from './result-data.js';
import { sweepDimensions, varyingParams } from './sweep-dimensions.js';

/** Where each varying swept parameter goes in a chart. */
export interface ChartLayout {
  /** The first numeric swept parameter, else the first categorical one; none without a sweep. */
  x?: ChartDimension | undefined;
  /** The first categorical parameter left (typically the strategy), else the next one. */
  color?: ChartDimension | undefined;
  /** Everything left after x and color: one dimension, or a composite of the rest. */
  facet?: ChartDimension | undefined;
  /** The parameters after x, in order (color first), for charts that give color to something else. */
  rest: readonly ChartDimension[];
}

/** What chart selection knows about a result folder, computed once. */
export interface ChartContext {
  manifest: ResultManifest;
  /** Summary rows of the aggregate group. */
  aggregate: readonly SummaryRow[];
  /** Summary rows of the workload groups. */
  perGroup: readonly SummaryRow[];
  runs: readonly RunRow[];
  /** The sweep's dimensions for automatic charts (a zip is one). */
  dimensions: readonly ChartDimension[];
  /** Every varying swept column on its own, for declared charts that name them. */
  params: readonly ChartDimension[];
  /** The tenants, in scenario order. */
  group: ChartDimension;
  layout: ChartLayout;
}

export function makeChartContext(
  manifest: ResultManifest,
  summary: readonly SummaryRow[],
  runs: readonly RunRow[],
): ChartContext {
  const aggregate = summary.filter((r) => r.group === 'all');
  const perGroup = summary.filter((r) => r.group !== 'all');
  const dimensions = sweepDimensions(manifest, aggregate);
  const params = varyingParams(manifest, aggregate);
  const layout = layoutOf(dimensions, aggregate);
  return { manifest, aggregate, perGroup, runs, dimensions, params, group: groupDimension(perGroup), layout };
}

/**
 * Numeric parameter → x axis (a scaling study reads left to right), categorical parameters →
 * color, then facets: the reading order of a parameter study in OMNeT++ or pandas plots.
 */
export function layoutOf(
  dims: readonly ChartDimension[],
  rows: readonly SummaryRow[],
  x?: ChartDimension,
): ChartLayout {
  const axis = x ?? dims.find((d) => d.numeric) ?? dims[0];
  const others = dims.filter((d) => d !== axis);
  const color = others.find((d) => !d.numeric) ?? others[0];
  const rest = color === undefined ? [] : [color, ...others.filter((d) => d !== color)];
  return { x: axis, color, facet: compositeOf(rest.slice(1), rows), rest };
}

/** Rows of one metric: aggregate by default, per tenant with `perGroup`. */
export function metricRows(ctx: ChartContext, metric: string, perGroup = false): SummaryRow[] {
  return (perGroup ? ctx.perGroup : ctx.aggregate).filter((r) => r.metric === metric);
}

/**
 * How much a metric's means differ, relative to their magnitude: 0 when constant, NaN when no
 * mean is finite. Charts of constant or NaN metrics are skipped.
 */
export function spreadOf(rows: readonly SummaryRow[]): number {
  const means = rows.map((r) => r.mean).filter(Number.isFinite);
  if (means.length === 0) return Number.NaN;
  const lo = Math.min(...means);
  const hi = Math.max(...means);
  const scale = Math.max(Math.abs(lo), Math.abs(hi));
  return scale === 0 ? 0 : (hi - lo) / scale;
}

/** "mean ± 95% CI over N replications", the subtitle of every statistics chart. */
export function replicationNote(rows: readonly SummaryRow[]): string {
  const n = Math.max(0, ...rows.map((r) => r.n).filter(Number.isFinite));
  return n > 1 ? `mean ± 95% CI over ${n} replications` : `single replication: no confidence interval`;
}

/** "Control latency p99 (µs)" → "Control latency p99": a title starts with a capital. */
export function sentence(text: string): string {
  return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);
}
