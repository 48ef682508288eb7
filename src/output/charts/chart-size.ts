/**
 * How big a chart is and how its facets are laid out, so that every chart stays within a page:
 * at most MAX_WIDTH px wide whatever the number of panels (more panels wrap into rows), the
 * legend below the plot (spec-parts.ts), never beside it.
 */
import type { ChartDimension } from './chart-dimension.js';
import type { ChartDatum } from './chart-values.js';

/**
 * Widest chart, in CSS px: fits the report's column (1320 px page) and, at 300 dpi, a 7-inch
 * text width of a two-column paper set at 1:1 (880 px ≈ 9.2 in at 96 px/in, scaled to fit).
 */
export const MAX_WIDTH = 880;
/** Room the y axis (labels and title) takes left of the first panel. */
const Y_AXIS_PX = 70;
/** Vega-Lite's default spacing between facet panels. */
const GAP_PX = 20;
/** At most this many panels side by side. */
const MAX_COLUMNS = 3;
const SINGLE = { width: 520, height: 260 } as const;
/** A single category panel is never narrower than this: its title must fit above it. */
const MIN_SINGLE_BAND_PANEL = 420;
const PANEL_HEIGHT = 200;
/** Width per bar (band × offset) a category chart asks for, and its least panel width. */
const BAR_PX = 26;
const MIN_BAND_PANEL = 220;

/** A facet as panels wrapped into rows, or as a grid of one dimension by another. */
export type FacetLayout =
  | { kind: 'wrap'; dim: ChartDimension; panels: number; columns: number }
  | { kind: 'grid'; row: ChartDimension; column: ChartDimension };

export interface ChartSize {
  panelWidth: number;
  panelHeight: number;
  /** Width of all panels side by side (the legend's room). */
  width: number;
  facet?: FacetLayout | undefined;
}

/** Panels per row: all of them up to three, else rows as full as possible (4 → 2 × 2). */
export function facetColumns(panels: number): number {
  if (panels <= MAX_COLUMNS) return panels;
  if (panels === 4) return 2;
  return MAX_COLUMNS;
}

/**
 * The facet layout: two independent dimensions make a grid (rows × at most three columns) with
 * their titles said once; anything else wraps its panels.
 */
export function facetLayout(facet: ChartDimension, values: readonly ChartDatum[]): FacetLayout {
  const distinct = (d: ChartDimension) => new Set(values.map((v) => String(v[d.field]))).size;
  const parts = facet.field === 'panel' ? (facet.parts ?? []) : [];
  if (parts.length === 2) {
    const [a, b] = parts as [ChartDimension, ChartDimension];
    // The dimension with fewer values takes the columns.
    const [row, column] = distinct(a) >= distinct(b) ? [a, b] : [b, a];
    if (distinct(column) <= MAX_COLUMNS && distinct(row) * distinct(column) === distinct(facet))
      return { kind: 'grid', row, column };
  }
  const panels = distinct(facet);
  return { kind: 'wrap', dim: facet, panels, columns: facetColumns(panels) };
}

/** Average width of one character of an 11 px label (DejaVu Sans: ≈ 0.6 em). */
export const LABEL_CHAR_PX = 6.6;

/** A category chart's x categories: bars per panel and the widest line of a label. */
export interface BandNeeds {
  bars: number;
  categories: number;
  longestLine: number;
}

/**
 * Panel and chart size for `values`, faceted by `facet`: a category chart asks for room for its
 * bars and for its labels set horizontally (never more than its share of MAX_WIDTH).
 */
export function chartSize(
  values: readonly ChartDatum[],
  facet: ChartDimension | undefined,
  bands: BandNeeds | undefined,
  yAxisPx = Y_AXIS_PX,
): ChartSize {
  const layout = facet === undefined ? undefined : facetLayout(facet, values);
  const columns =
    layout === undefined
      ? 1
      : layout.kind === 'grid'
        ? new Set(values.map((v) => String(v[layout.column.field]))).size
        : layout.columns;
  const room = Math.floor((MAX_WIDTH - yAxisPx - (columns - 1) * GAP_PX) / columns);
  const wanted =
    bands === undefined
      ? columns === 1
        ? SINGLE.width
        : room
      : Math.max(
          columns === 1 ? MIN_SINGLE_BAND_PANEL : MIN_BAND_PANEL,
          bands.bars * BAR_PX + 40,
          bands.categories * (bands.longestLine * LABEL_CHAR_PX + 14),
        );
  const panelWidth = Math.min(room, wanted);
  const panelHeight = columns === 1 && layout === undefined ? SINGLE.height : PANEL_HEIGHT;
  return { panelWidth, panelHeight, width: columns * panelWidth + (columns - 1) * GAP_PX, facet: layout };
}

/** Legend entries per row that fit `width` px, for labels of these lengths. */
export function legendColumns(labels: readonly string[], width: number): number {
  const longest = Math.max(1, ...labels.map((l) => l.length));
  // ≈ 6.6 px per character at 11 px, plus the symbol and the gap to the next entry.
  const entry = longest * 6.6 + 34;
  return Math.max(1, Math.min(labels.length, Math.floor(width / entry)));
}
