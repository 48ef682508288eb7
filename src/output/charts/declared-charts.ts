import { type ChartContext, metricRows, replicationNote, sentence } from './chart-context.js';
import { type ChartDimension, compositeOf, determinedBy } from './chart-dimension.js';
import { instancesReadyChart } from './instances-ready-chart.js';
import { LATENCY_QUANTILES, latencyQuantileChart } from './latency-quantile-chart.js';
import { metricBarChart } from './metric-bar-chart.js';
import { metricWords } from './metric-label.js';
import { metricLineChart } from './metric-line-chart.js';
import { type ChartSelection, fileSafe, type NamedChart } from './named-chart.js';
import { type ChartDeclaration, columnOf } from './result-data.js';
import { paramDimension, withCompanions } from './sweep-dimensions.js';

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
  const named = channels.map((key) => dimensionNamed(decl[key], ctx));
  const unknown = channels.find(
    (key, i) => decl[key] !== undefined && named[i] === undefined && decl[key] !== 'quantile',
  );
  if (unknown !== undefined)
    return `${unknown}: '${decl[unknown]}' is not a swept parameter, 'group' or 'quantile'`;
  const [x, color, facet] = withLeftovers(named, ctx);
  const perTenant = named.includes(ctx.group);
  const base = { facet, x, color };
  const kind = decl.kind ?? (decl.x === 'quantile' ? 'quantiles' : x?.numeric === true ? 'line' : 'bar');
  const by = x === undefined || x === ctx.group ? '' : ` by ${x.title}`;
  if (kind === 'quantiles') {
    const rows = LATENCY_QUANTILES.flatMap((q) => metricRows(ctx, q.metric));
    if (rows.length === 0) return 'no latency quantile metrics in summary.csv';
    const title = `Packet latency quantiles${by}`;
    return namedChart(
      decl,
      title,
      latencyQuantileChart({ ...base, title, subtitle: replicationNote(rows), rows }),
    );
  }
  if (kind === 'instances') {
    const ready = metricRows(ctx, 'instances_ready');
    if (x?.numeric !== true || ready.length === 0) return 'needs a numeric x (instances) and instances_ready';
    const rejected = metricRows(ctx, 'instances_rejected');
    const title = `Instances ready${by}`;
    return namedChart(
      decl,
      title,
      instancesReadyChart({ ...base, title, x, ready, rejected, runs: ctx.runs }),
    );
  }
  const rows = metricRows(ctx, decl.y, perTenant);
  if (rows.length === 0) return `no metric '${decl.y}' in summary.csv`;
  const title = `${sentence(metricWords(decl.y))}${perTenant ? ' per tenant' : ''}${by}`;
  const xAxis = x ?? ctx.group;
  const full = { ...base, title, subtitle: replicationNote(rows), metric: decl.y, rows, x: xAxis };
  const spec = kind === 'line' && xAxis.numeric ? metricLineChart(full) : metricBarChart(full);
  return namedChart(decl, title, spec);
}

/**
 * The declared channels plus the swept parameters the declaration leaves out: one that a
 * declared parameter determines (a zipped companion, such as the creation path of each
 * transport) joins that parameter's labels; one the declared parameters determine together
 * adds nothing; any other still varies and goes to the facet, so no two points overplot.
 */
function withLeftovers(
  named: readonly (ChartDimension | undefined)[],
  ctx: ChartContext,
): (ChartDimension | undefined)[] {
  const rows = ctx.aggregate;
  const used = named.filter((d): d is ChartDimension => d !== undefined && d.source === 'param');
  const companions = new Map<ChartDimension, ChartDimension[]>();
  const toFacet: ChartDimension[] = [];
  for (const left of ctx.params.filter((p) => !used.some((u) => u.field === p.field))) {
    const owner = used.find((u) => determinedBy(left, [u], rows));
    if (owner !== undefined) companions.set(owner, [...(companions.get(owner) ?? []), left]);
    else if (used.length === 0 || !determinedBy(left, used, rows)) toFacet.push(left);
  }
  const [x, color, facet] = named.map((d, channel) =>
    d === undefined ? undefined : withCompanions(d, companions.get(d) ?? [], rows, channel > 0),
  );
  const parts = [facet, ...toFacet].filter((d): d is ChartDimension => d !== undefined);
  return [x, color, compositeOf(parts, rows)];
}

function dimensionNamed(name: string | undefined, ctx: ChartContext): ChartDimension | undefined {
  if (name === undefined) return undefined;
  if (name === 'group') return ctx.group;
  const column = columnOf(name);
  return ctx.params.find((d) => d.field === column) ?? constantParam(column, name, ctx);
}

/** A declared parameter that does not vary (a single value): still a dimension, with one category. */
function constantParam(column: string, path: string, ctx: ChartContext): ChartDimension | undefined {
  if (!(column in (ctx.aggregate[0]?.params ?? {}))) return undefined;
  return paramDimension(ctx.aggregate, column, path, ctx.manifest);
}

function namedChart(decl: ChartDeclaration, title: string, spec: NamedChart['spec']): NamedChart {
  return { name: fileSafe(decl.name), title, spec };
}
