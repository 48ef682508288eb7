/**
 * The charts of a sensitivity folder, per metric: a tornado (parameters by the ranking index,
 * μ* or the total Sobol index, with 95% bootstrap whiskers; one panel per scenario point), and a
 * ranking chart — with --compare, how many samples put each candidate at each rank; without,
 * Morris's μ*–σ plane or Sobol's first-order against total index.
 */
import type { TopLevelSpec } from 'vega-lite';
import {
  RANKING_INDEX,
  type SensitivityDescriptor,
  type SensitivityResult,
} from '../sensitivity-analysis.js';
import { fileSafe, type NamedChart } from './named-chart.js';
import { CHART_FONT, VEGA_LITE_SCHEMA } from './spec-parts.js';

/** Parameters a tornado shows: the most influential, so that the bars stay readable. */
const TORNADO_TOP = 15;

const CONFIG = {
  font: CHART_FONT,
  background: 'white',
  view: { stroke: '#dddddd' },
  title: { anchor: 'start', fontSize: 14, subtitleFontSize: 11, subtitleColor: '#555555' },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
} as const;

const INDEX_TITLE: Record<string, string> = {
  mu_star: 'μ* (mean |elementary effect| over the range)',
  total: 'total Sobol index ST',
  first: 'first-order Sobol index S',
  sigma: 'σ of the elementary effects',
};

/** How a scenario point is named in panels: the compared value, or its swept values. */
export function pointLabel(d: SensitivityDescriptor, point: number): string {
  const params = d.basePoints[point]?.params ?? {};
  if (d.compare !== null) return String(params[d.compare]);
  const parts = Object.entries(params).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? parts.join(', ') : 'scenario';
}

function tornado(d: SensitivityDescriptor, r: SensitivityResult, metric: string): NamedChart | undefined {
  const index = RANKING_INDEX[d.method];
  const rows = r.indices.filter((x) => x.metric === metric && x.index === index);
  if (rows.length === 0) return undefined;
  const best = new Map<string, number>();
  for (const x of rows)
    best.set(x.parameter, Math.max(best.get(x.parameter) ?? 0, Number.isFinite(x.value) ? x.value : 0));
  const top = new Set(
    [...best]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TORNADO_TOP)
      .map(([p]) => p),
  );
  const values = rows
    .filter((x) => top.has(x.parameter))
    .map((x) => ({
      parameter: x.parameter,
      point: pointLabel(d, x.point),
      value: x.value,
      low: x.low,
      high: x.high,
    }));
  const order = [...top];
  const y = { field: 'parameter', type: 'nominal', sort: order, title: null };
  const panel = {
    width: 300,
    height: { step: 16 },
    layer: [
      {
        mark: { type: 'bar', color: '#4c78a8' },
        encoding: {
          x: { field: 'value', type: 'quantitative', title: INDEX_TITLE[index] },
          y,
          tooltip: [
            { field: 'parameter' },
            { field: 'value', format: '.3~g' },
            { field: 'low', format: '.3~g' },
            { field: 'high', format: '.3~g' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#222222' },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, y },
      },
    ],
  };
  const title = {
    text: `${metric}: which parameters decide it`,
    subtitle: `${d.method} ${index}, 95% bootstrap CI; top ${top.size} of ${d.params.length}`,
  };
  const multi = d.basePoints.length > 1;
  const spec = multi
    ? {
        $schema: VEGA_LITE_SCHEMA,
        title,
        data: { values },
        config: CONFIG,
        facet: {
          field: 'point',
          type: 'nominal',
          title: d.compare ?? 'point',
          sort: d.basePoints.map((_, c) => pointLabel(d, c)),
        },
        columns: 3,
        spec: panel,
        resolve: { scale: { x: 'independent' } },
      }
    : { $schema: VEGA_LITE_SCHEMA, title, data: { values }, config: CONFIG, ...panel };
  return {
    name: fileSafe(`tornado-${metric}`),
    title: `${metric}: tornado of ${index}`,
    spec: spec as TopLevelSpec,
  };
}

function rankChart(d: SensitivityDescriptor, r: SensitivityResult, metric: string): NamedChart | undefined {
  const rows = r.compare.filter((c) => c.metric === metric && c.count > 0);
  if (rows.length === 0) return undefined;
  const samples = r.design.unit.length;
  const values = rows.map((c) => ({
    candidate: c.candidate,
    rank: c.rank,
    samples: c.count,
    nominal: c.nominalRank,
  }));
  const better = rows[0]?.better === 'higher' ? 'largest' : 'smallest';
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `${metric}: rank of each ${d.compare} over ${samples} samples`,
      subtitle: `rank 1 = ${better}; nominal rank in the tooltip`,
    },
    data: { values },
    config: CONFIG,
    width: 360,
    height: 220,
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'candidate', type: 'nominal', title: d.compare, sort: null },
      y: { field: 'samples', type: 'quantitative', stack: 'zero', title: 'samples' },
      color: { field: 'rank', type: 'ordinal', title: 'rank', scale: { scheme: 'viridis' } },
      order: { field: 'rank', type: 'ordinal' },
      tooltip: [
        { field: 'candidate' },
        { field: 'rank' },
        { field: 'samples' },
        { field: 'nominal', title: 'nominal rank' },
      ],
    },
  };
  return {
    name: fileSafe(`ranking-${metric}`),
    title: `${metric}: ranking of ${d.compare}`,
    spec: spec as TopLevelSpec,
  };
}

/** Without --compare: μ* against σ (Morris) or S against ST (Sobol), one point per parameter. */
function indexPlane(d: SensitivityDescriptor, r: SensitivityResult, metric: string): NamedChart | undefined {
  const [xi, yi] = d.method === 'morris' ? ['mu_star', 'sigma'] : ['first', 'total'];
  const byKey = new Map<string, Record<string, unknown>>();
  for (const x of r.indices) {
    if (x.metric !== metric || (x.index !== xi && x.index !== yi)) continue;
    const key = `${x.point}:${x.parameter}`;
    const row = byKey.get(key) ?? { parameter: x.parameter, point: pointLabel(d, x.point) };
    row[x.index] = x.value;
    byKey.set(key, row);
  }
  if (byKey.size === 0) return undefined;
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `${metric}: ${xi} against ${yi}`,
      subtitle: d.method === 'morris' ? 'high σ: non-linear or interacting' : 'ST well above S: interactions',
    },
    data: { values: [...byKey.values()] },
    config: CONFIG,
    width: 360,
    height: 260,
    mark: { type: 'point', filled: true, size: 60 },
    encoding: {
      x: { field: xi, type: 'quantitative', title: INDEX_TITLE[xi as string] },
      y: { field: yi, type: 'quantitative', title: INDEX_TITLE[yi as string] },
      color: { field: 'point', type: 'nominal', title: 'point' },
      tooltip: [
        { field: 'parameter' },
        { field: xi, format: '.3~g' },
        { field: yi, format: '.3~g' },
        { field: 'point' },
      ],
    },
  };
  return {
    name: fileSafe(`ranking-${metric}`),
    title: `${metric}: ${xi} against ${yi}`,
    spec: spec as TopLevelSpec,
  };
}

export function sensitivityCharts(d: SensitivityDescriptor, r: SensitivityResult): NamedChart[] {
  const charts: NamedChart[] = [];
  for (const m of d.metrics) {
    const t = tornado(d, r, m.name);
    if (t) charts.push(t);
    const second = d.compare !== null ? rankChart(d, r, m.name) : indexPlane(d, r, m.name);
    if (second) charts.push(second);
  }
  return charts;
}
