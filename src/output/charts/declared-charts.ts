import { type ChartContext, metricRows, replicationNote } from './chart-context.js';
import { type ChartDimension, GROUP_DIMENSION, mergeFacets, paramDimension } from './chart-dimension.js';
import { instancesReadyChart } from './instances-ready-chart.js';
import { LATENCY_QUANTILES, latencyQuantileChart } from './latency-quantile-chart.js';
import { metricBarChart } from './metric-bar-chart.js';
import { metricLabel } from './metric-label.js';
import { metricLineChart } from './metric-line-chart.js';
import { type ChartSelection, fileSafe, type NamedChart } from './named-chart.js';
import { type ChartDeclaration, columnOf } from './result-data.js';

/**
 * The charts a scenario declares (`charts:`), drawn as declared. A declaration that names a
 * parameter that was not swept or a metric that is absent is skipped with the reason, which
 * the report shows; it never fails the run whose results are already written.
 */
export function declaredCharts(decls: readonly ChartDeclaration[], ctx: ChartContext): ChartSelection {
  const charts: NamedChart[] = [];
  const skipped: string[] = [];
  for (const decl of decls) {
    const chart = declaredChart(decl, ctx);
    if (typeof chart === 'string') skipped.push(`${decl.name}: ${chart}`);
    else charts.push(chart);
  }
  return { charts, skipped, notCharted: [] };
}

/** The chart, or the reason it cannot be drawn. */
function declaredChart(decl: ChartDeclaration, ctx: ChartContext): NamedChart | string {
  const channels = ['x', 'color', 'facet'] as const;
  const dims = channels.map((key) => dimensionNamed(decl[key], ctx));
  const unknown = channels.find(
    (key, i) => decl[key] !== undefined && dims[i] === undefined && decl[key] !== 'quantile',
  );
  if (unknown !== undefined)
    return `${unknown}: '${decl[unknown]}' is not a swept parameter, 'group' or 'quantile'`;
  const [x, color, declaredFacet] = dims;
  // Parameters the declaration leaves out still vary: fold them into the facet, never overplot.
  const used = new Set(dims.map((d) => d?.field));
  const facet = mergeFacets(declaredFacet, ...ctx.dimensions.filter((d) => !used.has(d.field)));
  const base = { title: decl.name, facet, x, color };
  const kind = decl.kind ?? (decl.x === 'quantile' ? 'quantiles' : x?.numeric === true ? 'line' : 'bar');
  if (kind === 'quantiles') {
    const rows = LATENCY_QUANTILES.flatMap((q) => metricRows(ctx, q.metric));
    if (rows.length === 0) return 'no latency quantile metrics in summary.csv';
    return named(decl, latencyQuantileChart({ ...base, subtitle: replicationNote(rows), rows }));
  }
  if (kind === 'instances') {
    const ready = metricRows(ctx, 'instances_ready');
    if (x?.numeric !== true || ready.length === 0) return 'needs a numeric x (instances) and instances_ready';
    const rejected = metricRows(ctx, 'instances_rejected');
    return named(decl, instancesReadyChart({ ...base, x, ready, rejected, runs: ctx.runs }));
  }
  const rows = metricRows(ctx, decl.y, dims.includes(GROUP_DIMENSION));
  if (rows.length === 0) return `no metric '${decl.y}' in summary.csv`;
  const input = { ...base, title: `${decl.name}: ${metricLabel(decl.y)}`, subtitle: replicationNote(rows) };
  const xAxis = x ?? GROUP_DIMENSION;
  const full = { ...input, metric: decl.y, rows, x: xAxis };
  return named(decl, kind === 'line' && xAxis.numeric ? metricLineChart(full) : metricBarChart(full));
}

function dimensionNamed(name: string | undefined, ctx: ChartContext): ChartDimension | undefined {
  if (name === undefined) return undefined;
  if (name === 'group') return GROUP_DIMENSION;
  const column = columnOf(name);
  if (!(column in (ctx.aggregate[0]?.params ?? {}))) return undefined;
  return paramDimension(ctx.aggregate, column, name);
}

function named(decl: ChartDeclaration, spec: NamedChart['spec']): NamedChart {
  return { name: fileSafe(decl.name), title: decl.name, spec };
}
