import type { Config, TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import type { ChartDimension } from './chart-dimension.js';
import { type ChartDatum, STAT_FIELDS } from './chart-values.js';

/**
 * Pieces every chart builder shares: the frame (title, inlined data, facet wrapping), axis and
 * legend definitions from dimensions, and one config so all charts look alike.
 */

export type Layer = LayerSpec<Field>['layer'][number];
export type SharedEncoding = NonNullable<LayerSpec<Field>['encoding']>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Panel size in px: a report column fits two side by side at 1280 px. */
const PANEL = { width: 360, height: 220 } as const;

/**
 * DejaVu Sans first because the static renderer ships exactly that font (dejavu-fonts-ttf), so
 * SVG/PNG text is identical everywhere; browsers without it fall back to their sans-serif.
 */
export const CHART_FONT = 'DejaVu Sans, Verdana, sans-serif';

const CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  view: { stroke: '#dddddd' },
  title: { anchor: 'start', fontSize: 14, subtitleFontSize: 11, subtitleColor: '#555555' },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  // A rotated title longer than the panel would push the whole chart down; truncate it instead.
  axisY: { titleLimit: PANEL.height },
  legend: { labelFontSize: 11, titleFontSize: 12 },
};

/** What a builder hands to `frameChart`: layers over one inlined data set, maybe faceted. */
export interface ChartFrame {
  title: string;
  subtitle?: string | undefined;
  values: ChartDatum[];
  layer: Layer[];
  encoding: SharedEncoding;
  facet?: ChartDimension | undefined;
}

/** A complete, standalone Vega-Lite spec: the data travels inside it (`data.values`). */
export function frameChart(frame: ChartFrame): TopLevelSpec {
  const title = frame.subtitle === undefined ? frame.title : { text: frame.title, subtitle: frame.subtitle };
  const head = { $schema: VEGA_LITE_SCHEMA, title, data: { values: frame.values }, config: CONFIG };
  const inner = { ...PANEL, layer: frame.layer, encoding: frame.encoding };
  if (frame.facet === undefined) return { ...head, ...inner };
  const facet = { field: frame.facet.field, type: 'ordinal' as const, title: frame.facet.title };
  // Three panels a row keeps a faceted chart inside a laptop screen and an A4 page.
  return { ...head, facet, columns: 3, spec: inner };
}

/** A sweep of at most this many values gets its ticks exactly at the swept values. */
const MAX_SWEPT_TICKS = 8;

/**
 * Position encoding of a dimension: quantitative (log when it spans decades) or nominal. A
 * short numeric sweep ticks at the swept values, so `workers: [1, 4]` reads 1 and 4, not 1.5.
 */
export function positionOf(dim: ChartDimension, log: boolean, values: readonly ChartDatum[] = []) {
  if (!dim.numeric) return { field: dim.field, type: 'nominal' as const, title: dim.title };
  const scale = log ? { type: 'log' as const } : { zero: false };
  const swept = [...new Set(values.map((v) => v[dim.field]))].filter(
    (v): v is number => typeof v === 'number',
  );
  const ticks =
    swept.length > 0 && swept.length <= MAX_SWEPT_TICKS
      ? { axis: { values: swept.sort((a, b) => a - b) } }
      : {};
  return { field: dim.field, type: 'quantitative' as const, title: dim.title, scale, ...ticks };
}

/** Color (or offset) encoding of a dimension; numbers become ordered categories. */
export function categoryOf(dim: ChartDimension) {
  return {
    field: dim.field,
    type: dim.numeric ? ('ordinal' as const) : ('nominal' as const),
    title: dim.title,
  };
}

/** A category on the x axis, labels horizontal (strategy names are short enough). */
export function categoryAxisOf(dim: ChartDimension) {
  return { ...categoryOf(dim), axis: { labelAngle: 0 } };
}

/** Tooltip: the dimensions, then the mean with its interval half-width and replication count. */
export function tooltipOf(dims: readonly (ChartDimension | undefined)[]) {
  const fields = dims
    .filter((d): d is ChartDimension => d !== undefined)
    .map((d) => ({
      field: d.field,
      type: d.numeric ? ('quantitative' as const) : ('nominal' as const),
      title: d.title,
    }));
  return [
    ...fields,
    { field: STAT_FIELDS.mean, type: 'quantitative' as const, title: 'mean', format: '.4~g' },
    { field: STAT_FIELDS.half, type: 'quantitative' as const, title: '± 95% CI', format: '.3~g' },
    { field: STAT_FIELDS.n, type: 'quantitative' as const, title: 'replications' },
  ];
}

/** The mean and interval layers as a y axis for a metric, shared by line and bar charts. */
export function meanAxis(title: string, log: boolean, zero: boolean) {
  // Not rounded out to whole decades: 8–200 µs would otherwise span 1–1000.
  const scale = log ? { type: 'log' as const, nice: false, padding: 10 } : { zero };
  return { field: STAT_FIELDS.mean, type: 'quantitative' as const, title, scale };
}

export function intervalLow(title: string) {
  return { field: STAT_FIELDS.lo, type: 'quantitative' as const, title };
}

export const INTERVAL_HIGH = { field: STAT_FIELDS.hi } as const;
