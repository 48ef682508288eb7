import type { TopLevelSpec } from 'vega-lite';
import { type ChartContext, metricRows, replicationNote, sentence, spreadOf } from './chart-context.js';
import { compositeOf } from './chart-dimension.js';
import { groupMetricChart } from './group-metric-chart.js';
import { instancesReadyChart } from './instances-ready-chart.js';
import { LATENCY_QUANTILES, latencyQuantileChart } from './latency-quantile-chart.js';
import { metricBarChart } from './metric-bar-chart.js';
import { metricWords } from './metric-label.js';
import { metricLineChart } from './metric-line-chart.js';
import type { SummaryRow } from './result-data.js';

/** A chart the automatic selection may draw. */
export type ChartCandidate =
  | { kind: 'quantiles' }
  | { kind: 'instances' }
  | { kind: 'metric'; metric: string }
  | { kind: 'groups'; metric: string };

/**
 * The headline chart of each area (src/model/metrics.ts), interleaved so that a capped
 * selection still covers data path, control, provisioning, DMA, interrupts and host before it
 * spends a second chart on any area.
 */
const HEADLINE: readonly ChartCandidate[] = [
  { kind: 'metric', metric: 'throughput_pps' },
  { kind: 'quantiles' },
  { kind: 'metric', metric: 'ctrl_latency_p99_us' },
  { kind: 'instances' },
  { kind: 'groups', metric: 'ctrl_latency_p99_us' },
  { kind: 'metric', metric: 'provision_makespan_ms' },
  { kind: 'metric', metric: 'adminq_fairness_jain' },
  { kind: 'metric', metric: 'iotlb_hit_rate' },
  { kind: 'metric', metric: 'interrupts_per_packet' },
  { kind: 'metric', metric: 'host_cpu_util' },
  { kind: 'groups', metric: 'throughput_pps' },
];

const SECONDARY = [
  'drop_rate',
  'throughput_gbps',
  'latency_mean_us',
  'engine_util',
  'ctrl_ops_per_s',
  'ctrl_latency_mean_us',
  'adminq_wait_p99_us',
  'adminq_wait_mean_us',
  'adminq_util',
  'adminq_retries_per_s',
  'provision_latency_p99_ms',
  'provision_latency_mean_ms',
  'provision_rate_per_s',
  'instances_ready',
  'instances_rejected',
  'translation_ns_per_packet',
  'iotlb_misses_per_s',
  'devtlb_hit_rate',
  'invalidations_per_s',
  'invalidation_wait_mean_us',
  'interrupts_per_s',
  'vectors_used',
  'vector_sharers_max',
  'irq_latency_mean_us',
  'guest_cpu_us_per_packet',
  'offered_pps',
];

/** Simulator bookkeeping, not a result of the study: charted only when a scenario declares it. */
const BOOKKEEPING = new Set(['events', 'sim_time_ms']);

/** Metrics a composite chart already shows, so they get no chart of their own. */
const COVERED_BY: Record<'quantiles' | 'instances', readonly string[]> = {
  quantiles: LATENCY_QUANTILES.map((q) => q.metric),
  instances: ['instances_ready', 'instances_rejected'],
};

/** Every candidate for the metrics present: headline, secondary, then any other metric. */
export function candidatesFor(metrics: readonly string[]): ChartCandidate[] {
  const covered = new Set(COVERED_BY.quantiles);
  const known = new Set([...SECONDARY, ...HEADLINE.flatMap((c) => ('metric' in c ? [c.metric] : []))]);
  const others = metrics.filter((m) => !known.has(m) && !BOOKKEEPING.has(m) && !covered.has(m));
  return [...HEADLINE, ...[...SECONDARY, ...others].map((metric) => ({ kind: 'metric' as const, metric }))];
}

/** A candidate turned into a spec, with its spread (relative range of the plotted means). */
export interface BuiltChart {
  name: string;
  title: string;
  spec: TopLevelSpec;
  spread: number;
  /** For a chart of one aggregate metric: that metric. */
  metric?: string;
  /** Metrics a composite chart shows, so that plain charts of them are dropped. */
  covers: readonly string[];
}

/** The chart of a candidate, or undefined when its data is missing, NaN or constant. */
export function buildCandidate(c: ChartCandidate, ctx: ChartContext): BuiltChart | undefined {
  switch (c.kind) {
    case 'quantiles':
      return quantilesChart(ctx);
    case 'instances':
      return instancesChart(ctx);
    case 'groups':
      return groupsChart(ctx, c.metric);
    case 'metric':
      return plainChart(ctx, c.metric);
  }
}

function plainChart(ctx: ChartContext, metric: string): BuiltChart | undefined {
  const rows = metricRows(ctx, metric);
  const { x, color, facet } = ctx.layout;
  const spread = spreadOf(rows);
  if (x === undefined || !(spread > 0)) return undefined;
  const title = `${sentence(metricWords(metric))} by ${x.title}`;
  const input = { title, subtitle: replicationNote(rows), metric, rows, x, color, facet };
  const spec = x.numeric ? metricLineChart(input) : metricBarChart(input);
  return { name: `${metric}-vs-${x.field}`, title, spec, spread, metric, covers: [] };
}

function quantilesChart(ctx: ChartContext): BuiltChart | undefined {
  const perQuantile = LATENCY_QUANTILES.map((q) => metricRows(ctx, q.metric));
  const rows = perQuantile.flat();
  const { x, color, facet } = ctx.layout;
  const spread = quantileSpread(perQuantile, x !== undefined);
  if (!(spread > 0)) return undefined;
  const title = x === undefined ? 'Packet latency quantiles' : `Packet latency quantiles by ${x.title}`;
  const spec = latencyQuantileChart({ title, subtitle: replicationNote(rows), rows, x, color, facet });
  return { name: 'latency-quantiles', title, spec, spread, covers: COVERED_BY.quantiles };
}

/**
 * Without a sweep the quantiles differ from each other, which is worth a chart on its own
 * (spread 1); with one, the chart shows an effect only if some quantile moves between points.
 */
function quantileSpread(perQuantile: readonly (readonly SummaryRow[])[], swept: boolean): number {
  const spreads = perQuantile
    .filter((q) => q.length > 0)
    .map(spreadOf)
    .filter((s) => !Number.isNaN(s));
  if (spreads.length === 0) return Number.NaN;
  return swept ? Math.max(...spreads) : 1;
}

function instancesChart(ctx: ChartContext): BuiltChart | undefined {
  const x = ctx.dimensions.find((d) => d.field === 'instances' && d.numeric);
  const ready = metricRows(ctx, 'instances_ready');
  const spread = spreadOf(ready);
  if (x === undefined || !(spread > 0)) return undefined;
  const rejected = metricRows(ctx, 'instances_rejected');
  const rest = ctx.dimensions.filter((d) => d !== x);
  const color = rest.find((d) => !d.numeric) ?? rest[0];
  const facet = compositeOf(
    rest.filter((d) => d !== color),
    ready,
  );
  const title = 'Instances ready by instances requested';
  const subtitle = `dashed: requested; ▼ first point with rejections, labelled with the exhausted resource`;
  const spec = instancesReadyChart({ title, subtitle, ready, rejected, runs: ctx.runs, x, color, facet });
  return { name: 'instances-ready', title, spec, spread, covers: COVERED_BY.instances };
}

function groupsChart(ctx: ChartContext, metric: string): BuiltChart | undefined {
  const rows = metricRows(ctx, metric, true);
  const spread = spreadOf(rows);
  if (new Set(rows.map((r) => r.group)).size < 2 || !(spread > 0)) return undefined;
  const { x, rest } = ctx.layout;
  const title = `${sentence(metricWords(metric))} per tenant${x === undefined ? '' : `, by ${x.title}`}`;
  const spec = groupMetricChart({
    title,
    subtitle: replicationNote(rows),
    metric,
    rows,
    x,
    rest,
    group: ctx.group,
  });
  return { name: `${metric}-per-group`, title, spec, spread, covers: [] };
}
