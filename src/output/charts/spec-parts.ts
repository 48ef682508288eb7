import type { Config, TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import { type ChartDimension, PART_SEPARATOR } from './chart-dimension.js';
import {
  type BandNeeds,
  type ChartSize,
  chartSize,
  type FacetLayout,
  LABEL_CHAR_PX,
  legendColumns,
} from './chart-size.js';
import { type ChartDatum, STAT_FIELDS } from './chart-values.js';

/**
 * Pieces every chart builder shares: the frame (title, inlined data, facets), axis and legend
 * definitions from dimensions, and one config so all charts look alike.
 */

export type Layer = LayerSpec<Field>['layer'][number];
export type SharedEncoding = NonNullable<LayerSpec<Field>['encoding']>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * DejaVu Sans first because the static renderer ships exactly that font (dejavu-fonts-ttf), so
 * SVG/PNG text is identical everywhere; browsers without it fall back to their sans-serif.
 */
export const CHART_FONT = 'DejaVu Sans, Verdana, sans-serif';

const CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  // Room around the marks: the static renderer estimates text widths, and a title or a label
  // must never touch the PNG's edge.
  padding: 12,
  view: { stroke: '#dddddd' },
  title: { anchor: 'start', fontSize: 14, subtitleFontSize: 11, subtitleColor: '#555555', offset: 8 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleLimit: 0, labelLimit: 220 },
  // Below the plot, so a legend never widens the figure past the page; titles are words and
  // are never cut (titleLimit 0 means no limit).
  legend: {
    orient: 'bottom',
    direction: 'horizontal',
    labelFontSize: 11,
    titleFontSize: 12,
    titleLimit: 0,
    labelLimit: 320,
    titleOrient: 'top',
    symbolType: 'square',
  },
  header: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0, titleLimit: 0 },
};

/** What a builder hands to `frameChart`: layers over one inlined data set, maybe faceted. */
export interface ChartFrame {
  title: string;
  subtitle?: string | undefined;
  values: ChartDatum[];
  layer: Layer[];
  encoding: SharedEncoding;
  facet?: ChartDimension | undefined;
  /** A category chart's x categories (labels) and the bars side by side in each; absent for a continuous x. */
  bands?: Bands | undefined;
  /** The color dimension, so that the legend can be laid out in columns that fit. */
  color?: ChartDimension | undefined;
  /** A panel height of the builder's own (rows of a horizontal chart), instead of the default. */
  panelHeight?: number | undefined;
  /** Room the y axis needs left of the panels when its labels are words (px). */
  yAxisPx?: number | undefined;
}

/** The categories along a category chart's x axis, and the bars (offsets) within each. */
export interface Bands {
  labels: readonly string[];
  offsets: number;
}

/** A complete, standalone Vega-Lite spec: the data travels inside it (`data.values`). */
export function frameChart(frame: ChartFrame): TopLevelSpec {
  const title = frame.subtitle === undefined ? frame.title : { text: frame.title, subtitle: frame.subtitle };
  const head = { $schema: VEGA_LITE_SCHEMA, title, data: { values: frame.values }, config: CONFIG };
  const bands = frame.bands;
  const size = chartSize(
    frame.values,
    frame.facet,
    bands === undefined ? undefined : bandNeeds(bands),
    frame.yAxisPx,
  );
  const legend = legendOf(frame.color, frame.values, size);
  const encoding = withLegend(
    bands === undefined ? frame.encoding : withCategoryLabels(frame.encoding, bands, size),
    legend,
  );
  const layer = frame.layer.map((l) =>
    'encoding' in l && l.encoding !== undefined
      ? ({ ...l, encoding: withLegend(l.encoding, legend) } as Layer)
      : l,
  );
  const inner = { width: size.panelWidth, height: frame.panelHeight ?? size.panelHeight, layer, encoding };
  if (frame.facet === undefined || size.facet === undefined) return { ...head, ...inner };
  return { ...head, ...facetOf(size.facet), spec: inner, resolve: resolveOf(size.facet, frame.bands) };
}

function facetOf(layout: FacetLayout) {
  const header = (dim: ChartDimension, orient: 'top' | 'left') => ({
    field: dim.field,
    type: 'ordinal' as const,
    title: dim.title,
    ...(dim.order === undefined ? {} : { sort: [...dim.order] }),
    // Each panel carries its value; the facet's title is said once. Row labels run along the
    // left edge like their title: a horizontal label's room would be sized by an estimate.
    header: {
      ...(orient === 'top'
        ? { labelOrient: 'top' as const, labelPadding: 4 }
        : { labelOrient: 'left' as const, labelAngle: -90, labelPadding: 6 }),
      ...(dim.numeric ? { format: ',' } : {}),
    },
  });
  if (layout.kind === 'grid')
    return { facet: { row: header(layout.row, 'left'), column: header(layout.column, 'top') } };
  return { facet: header(layout.dim, 'top'), columns: layout.columns };
}

/**
 * A category x axis is resolved per panel, so a panel shows only the categories it has (a
 * zipped companion in the facet leaves no empty slots); a wrapped facet whose last row is
 * short draws the x axis under each panel rather than under empty cells.
 */
function resolveOf(layout: FacetLayout, bands: Bands | undefined) {
  const categoryX = bands !== undefined;
  const shortLastRow = layout.kind === 'wrap' && layout.panels % layout.columns !== 0;
  if (!categoryX && !shortLastRow) return undefined;
  return {
    ...(categoryX ? { scale: { x: 'independent' as const, xOffset: 'independent' as const } } : {}),
    axis: { x: 'independent' as const },
  };
}

/** The color legend's entries per row, so that it fits under the panels. */
function legendOf(color: ChartDimension | undefined, values: readonly ChartDatum[], size: ChartSize) {
  if (color === undefined) return undefined;
  const labels = [...new Set(values.map((v) => String(v[color.field])))];
  return { columns: legendColumns(labels, size.width) };
}

function withLegend<E extends object>(encoding: E, legend: { columns: number } | undefined): E {
  const channel = (encoding as { color?: Record<string, unknown> }).color;
  if (legend === undefined || channel === undefined || !('field' in channel) || channel.legend === null)
    return encoding;
  return { ...encoding, color: { ...channel, legend } };
}

/** A sweep of at most this many values gets its ticks exactly at the swept values. */
const MAX_SWEPT_TICKS = 8;

/**
 * Position encoding of a dimension: quantitative (log when it spans decades) or categories in
 * their natural order. A short numeric sweep ticks at the swept values, so `workers: [1, 4]`
 * reads 1 and 4, not 1.5.
 */
export function positionOf(dim: ChartDimension, log: boolean, values: readonly ChartDatum[] = []) {
  if (!dim.numeric) return categoryAxisOf(dim);
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

/** Color (or offset) encoding of a dimension: categories in their natural order. */
export function categoryOf(dim: ChartDimension) {
  return {
    field: dim.field,
    type: dim.numeric ? ('ordinal' as const) : ('nominal' as const),
    title: dim.title,
    ...(dim.order === undefined ? {} : { sort: [...dim.order] }),
  };
}

/** A category on the x axis (its labels are laid out by frameChart, which knows the band width). */
export function categoryAxisOf(dim: ChartDimension) {
  return categoryOf(dim);
}

function labelLines(bands: Bands): string[] {
  return bands.labels.flatMap((l) => l.split(PART_SEPARATOR));
}

function bandNeeds(bands: Bands): BandNeeds {
  const longestLine = Math.max(0, ...labelLines(bands).map((l) => l.length));
  return { bars: bands.labels.length * bands.offsets, categories: bands.labels.length, longestLine };
}

/**
 * Category labels that fit their band: a composite label ("managed-cap · managed-cap-create")
 * breaks into one line per part, and labels whose longest line is still wider than the band
 * turn by 30°.
 */
function withCategoryLabels(encoding: SharedEncoding, bands: Bands, size: ChartSize): SharedEncoding {
  const x = encoding.x as Record<string, unknown> | undefined;
  if (x === undefined || !('field' in x)) return encoding;
  const { categories, longestLine } = bandNeeds(bands);
  const composite = labelLines(bands).length > categories;
  const band = size.panelWidth / Math.max(1, categories);
  const angle = longestLine * LABEL_CHAR_PX > band - 6 ? -30 : 0;
  const split = composite && angle === 0 ? { labelExpr: `split(datum.label, '${PART_SEPARATOR}')` } : {};
  return { ...encoding, x: { ...x, axis: { labelAngle: angle, labelLimit: 0, ...split } } };
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

/**
 * The mean and interval layers as a y axis for a metric, shared by line and bar charts. A log
 * axis is not rounded out to whole decades (8–200 µs would otherwise span 1–1000) and ticks at
 * the decades it spans (with 2× and 5× steps when it spans few), so labels never crowd.
 */
export function meanAxis(title: string, log: boolean, zero: boolean, values: readonly ChartDatum[] = []) {
  if (!log) return { field: STAT_FIELDS.mean, type: 'quantitative' as const, title, scale: { zero } };
  const scale = { type: 'log' as const, nice: false, padding: 10 };
  const ticks = logTicks(values);
  return {
    field: STAT_FIELDS.mean,
    type: 'quantitative' as const,
    title,
    scale,
    axis: ticks.length > 0 ? { values: ticks, format: ',~r' } : { format: ',~r' },
  };
}

/** Tick values of a log axis over the data's positive means and interval bounds. */
export function logTicks(values: readonly ChartDatum[]): number[] {
  const xs = values
    .flatMap((v) => [v[STAT_FIELDS.mean], v[STAT_FIELDS.lo], v[STAT_FIELDS.hi]])
    .filter((x): x is number => typeof x === 'number' && x > 0);
  if (xs.length === 0) return [];
  const lo = Math.floor(Math.log10(Math.min(...xs)));
  const hi = Math.ceil(Math.log10(Math.max(...xs)));
  const steps = hi - lo <= 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) for (const m of steps) ticks.push(Number((m * 10 ** e).toPrecision(12)));
  return ticks;
}

export function intervalLow(title: string) {
  return { field: STAT_FIELDS.lo, type: 'quantitative' as const, title };
}

export const INTERVAL_HIGH = { field: STAT_FIELDS.hi } as const;
