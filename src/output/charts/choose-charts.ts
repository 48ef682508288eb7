import { type BuiltChart, buildCandidate, candidatesFor } from './chart-candidates.js';
import { type ChartContext, makeChartContext } from './chart-context.js';
import { declaredCharts } from './declared-charts.js';
import { type ChartSelection, fileSafe } from './named-chart.js';
import type { ResultManifest, RunRow, SummaryRow } from './result-data.js';

/** A report of more charts than this is scrolled past, not read. */
export const MAX_CHARTS = 8;

/**
 * Below this relative spread of the means a metric only shows replication noise between
 * points; such charts come after every chart that shows a real effect.
 */
const FLAT_SPREAD = 0.02;

/**
 * The charts of a result folder: the scenario's declared `charts:` list when it has one;
 * otherwise a selection from the swept parameters and the metrics present. Numeric swept
 * parameter → x axis, categorical ones → color and facets; metrics that are constant or NaN
 * everywhere are skipped; at most `maxCharts`, headline metrics of each area first.
 */
export function chooseCharts(
  manifest: ResultManifest,
  summary: readonly SummaryRow[],
  runs: readonly RunRow[] = [],
  maxCharts = MAX_CHARTS,
): ChartSelection {
  const ctx = makeChartContext(manifest, summary, runs);
  if (manifest.charts !== undefined && manifest.charts.length > 0)
    return declaredCharts(manifest.charts, ctx);
  return automaticCharts(ctx, maxCharts);
}

function automaticCharts(ctx: ChartContext, maxCharts: number): ChartSelection {
  const metrics = [...new Set(ctx.aggregate.map((r) => r.metric))];
  const built = candidatesFor(metrics)
    .map((c) => buildCandidate(c, ctx))
    .filter((b): b is BuiltChart => b !== undefined);
  const covered = new Set(built.flatMap((b) => b.covers));
  const useful = uniqueByName(built.filter((b) => b.metric === undefined || !covered.has(b.metric)));
  // Stable: candidate order within "shows an effect" and within "noise only".
  const ranked = [
    ...useful.filter((b) => b.spread >= FLAT_SPREAD),
    ...useful.filter((b) => b.spread < FLAT_SPREAD),
  ];
  const chosen = ranked.slice(0, maxCharts);
  const notCharted = ranked.slice(maxCharts).map((b) => b.title);
  const charts = chosen.map(({ name, title, spec }) => ({ name: fileSafe(name), title, spec }));
  return { charts, skipped: [], notCharted };
}

function uniqueByName(charts: readonly BuiltChart[]): BuiltChart[] {
  const seen = new Set<string>();
  return charts.filter((c) => !seen.has(c.name) && seen.add(c.name) !== undefined);
}
