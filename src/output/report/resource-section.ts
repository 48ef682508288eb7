/**
 * What binds, on the report page: the Findings' list of each point's binding resource in words,
 * and the chart of every resource's utilisation per point.
 */
import { resourceOrder, resourceWords } from '../../model/resource-names.js';
import { makeChartContext, replicationNote } from '../charts/chart-context.js';
import { compositeOf } from '../charts/chart-dimension.js';
import type { NamedChart } from '../charts/named-chart.js';
import { resourceUtilisationChart } from '../charts/resource-chart.js';
import type { ResourceRow, ResultManifest, RunRow, SummaryRow } from '../charts/result-data.js';
import { resourceMetricNames } from '../summary.js';
import { pointWords } from './findings-section.js';
import { escapeHtml } from './html.js';
import { bindingSentence, modeAt, resourceStats } from './resource-stats.js';

export interface ResourceSection {
  /** The Findings' "Binding resources" list (escaped HTML), '' without resources.csv. */
  bindingHtml: string;
  /** The utilisation chart, when the folder has resources. */
  chart: NamedChart | undefined;
  /** The resources' summary metrics (`<resource>_util`, …), which the summary tables leave out. */
  resourceMetrics: ReadonlySet<string>;
}

export function resourceSection(
  manifest: ResultManifest,
  summary: readonly SummaryRow[],
  runs: readonly RunRow[],
  resources: readonly ResourceRow[],
): ResourceSection {
  const stats = resourceStats(resources);
  const names = [...new Set(resources.map((r) => r.resource))].sort(resourceOrder);
  const resourceMetrics = new Set(names.flatMap((n) => Object.values(resourceMetricNames(n))));
  if (stats.size === 0) return { bindingHtml: '', chart: undefined, resourceMetrics };
  const items = manifest.points.flatMap((p) => {
    const sentence = bindingSentence(p.point, stats.get(p.point) ?? [], runs, summary);
    if (sentence === undefined) return [];
    const where = manifest.points.length > 1 ? `${escapeHtml(pointWords(p, manifest))}: ` : '';
    return [`<li>${where}<strong>${escapeHtml(sentence)}</strong></li>`];
  });
  const bindingHtml = items.length === 0 ? '' : `<ul class="binding">\n${items.join('\n')}\n</ul>`;
  return { bindingHtml, chart: utilisationChart(manifest, summary, runs, stats, names), resourceMetrics };
}

function utilisationChart(
  manifest: ResultManifest,
  summary: readonly SummaryRow[],
  runs: readonly RunRow[],
  stats: ReturnType<typeof resourceStats>,
  names: readonly string[],
): NamedChart | undefined {
  const ctx = makeChartContext(manifest, summary, runs);
  const paramsOf = new Map(ctx.aggregate.map((r) => [r.point, r.params]));
  const words = (name: string) => resourceWords(name).label;
  // A resource idle at every point (the netlink lock of a data-path study: instances were
  // created before the window) is a row of zeros in every panel; resources.csv keeps it.
  const all = [...stats.values()].flat();
  const busy = new Set(all.filter((s) => s.utilisation.mean > 0).map((s) => s.resource));
  const shown = names.filter((n) => busy.has(n));
  const rows: SummaryRow[] = all
    .filter((s) => busy.has(s.resource))
    .map((s) => ({
      point: s.point,
      params: paramsOf.get(s.point) ?? {},
      group: 'all',
      metric: words(s.resource),
      n: s.utilisation.n,
      mean: s.utilisation.mean,
      ci95Half: s.utilisation.ci95Half,
      min: Number.NaN,
      max: Number.NaN,
    }));
  const binding = new Map<number, string>();
  const limits: string[] = [];
  for (const p of manifest.points) {
    const name = modeAt(runs, p.point, 'bottleneck');
    if (name !== undefined) binding.set(p.point, words(name));
    // An exhausted admission limit binds the point: it gets a bar too, how full it is.
    const limit = modeAt(runs, p.point, 'limit_resource');
    const used = ctx.aggregate.find((r) => r.point === p.point && r.metric === 'bottleneck_util');
    if (limit === undefined || used === undefined) continue;
    rows.push({ ...used, metric: words(limit) });
    if (!limits.includes(words(limit))) limits.push(words(limit));
  }
  if (rows.length === 0) return undefined; // nothing was used at any point: no chart of zeros
  const facet = compositeOf(ctx.dimensions, ctx.aggregate);
  const title = manifest.points.length > 1 ? 'Resource utilisation, per point' : 'Resource utilisation';
  const spec = resourceUtilisationChart({
    title,
    subtitle: `share of capacity in use over the measured window (▸: beyond 100%; idle resources left out); red: the binding resource; ${replicationNote(rows)}`,
    rows,
    resources: [...shown.map(words), ...limits],
    binding,
    facet,
  });
  return { name: 'resource-utilisation', title, spec };
}
