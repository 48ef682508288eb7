import { type ChartDimension, facetOf, varyingDimensions } from './chart-dimension.js';
import { columnOf, type ResultManifest, type RunRow, type SummaryRow } from './result-data.js';

/** Where each varying swept parameter goes in a chart. */
export interface ChartLayout {
  /** The first numeric swept parameter, else the first categorical one; none without a sweep. */
  x?: ChartDimension | undefined;
  /** The first categorical parameter left (typically the strategy), else the next one. */
  color?: ChartDimension | undefined;
  /** Everything left after x and color, one composite facet. */
  facet?: ChartDimension | undefined;
  /** The parameters after x, in order (color first), for charts that give color to something else. */
  rest: readonly ChartDimension[];
}

/** What chart selection knows about a result folder, computed once. */
export interface ChartContext {
  manifest: ResultManifest;
  /** Column → dotted parameter path, for titles. */
  titles: ReadonlyMap<string, string>;
  /** Summary rows of the aggregate group. */
  aggregate: readonly SummaryRow[];
  /** Summary rows of the workload groups. */
  perGroup: readonly SummaryRow[];
  runs: readonly RunRow[];
  dimensions: readonly ChartDimension[];
  layout: ChartLayout;
}

export function makeChartContext(
  manifest: ResultManifest,
  summary: readonly SummaryRow[],
  runs: readonly RunRow[],
): ChartContext {
  const titles = new Map(manifest.swept.map((path) => [columnOf(path), path]));
  const aggregate = summary.filter((r) => r.group === 'all');
  const perGroup = summary.filter((r) => r.group !== 'all');
  const dimensions = varyingDimensions(aggregate, titles);
  return { manifest, titles, aggregate, perGroup, runs, dimensions, layout: layoutOf(dimensions) };
}

/**
 * Numeric parameter → x axis (a scaling study reads left to right), categorical parameters →
 * color, then facets: the reading order of a parameter study in OMNeT++ or pandas plots.
 */
export function layoutOf(dims: readonly ChartDimension[], x?: ChartDimension): ChartLayout {
  const axis = x ?? dims.find((d) => d.numeric) ?? dims[0];
  const others = dims.filter((d) => d !== axis);
  const color = others.find((d) => !d.numeric) ?? others[0];
  const rest = color === undefined ? [] : [color, ...others.filter((d) => d !== color)];
  return { x: axis, color, facet: facetOf(rest.slice(1)), rest };
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
