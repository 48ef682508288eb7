import type { TopLevelSpec } from 'vega-lite';
import { type ChartDimension, categoriesOf, compositeOf } from './chart-dimension.js';
import { clampForLog, STAT_FIELDS, statValues, wantsLogScale, wantsLogSweep } from './chart-values.js';
import type { SummaryRow } from './result-data.js';
import {
  categoryAxisOf,
  categoryOf,
  frameChart,
  INTERVAL_HIGH,
  intervalLow,
  type Layer,
  meanAxis,
  positionOf,
  tooltipOf,
} from './spec-parts.js';

/** The data-path latency quantiles, metric → label, lowest first (the legend order). */
export const LATENCY_QUANTILES: readonly { metric: string; label: string }[] = [
  { metric: 'latency_p50_us', label: 'p50' },
  { metric: 'latency_p99_us', label: 'p99' },
  { metric: 'latency_p999_us', label: 'p99.9' },
];

const QUANTILE: ChartDimension = { field: 'quantile', title: 'quantile', numeric: false, source: 'derived' };

export interface QuantileChartInput {
  title: string;
  subtitle?: string | undefined;
  /** Summary rows of the quantile metrics (any of LATENCY_QUANTILES), aggregate group. */
  rows: readonly SummaryRow[];
  /** None: one bar per quantile (a single-point study). */
  x?: ChartDimension | undefined;
  color?: ChartDimension | undefined;
  facet?: ChartDimension | undefined;
}

/**
 * Latency p50/p99/p99.9 per strategy. Against a numeric x: one line per strategy (color), the
 * quantile as the dash pattern, 95% bands. Against a category: a dot per quantile with CI
 * whiskers, the strategy then moving to the facet. The y axis turns logarithmic when the
 * tail spans two decades, so p50 stays readable beside p99.9.
 */
export function latencyQuantileChart(input: QuantileChartInput): TopLevelSpec {
  const labels = new Map(LATENCY_QUANTILES.map((q) => [q.metric, q.label]));
  const rows = input.rows.filter((r) => labels.has(r.metric));
  const order = LATENCY_QUANTILES.filter((q) => rows.some((r) => r.metric === q.metric)).map((q) => q.label);
  const quantileOf = (r: SummaryRow) => ({ [QUANTILE.field]: labels.get(r.metric) ?? r.metric });
  const { x } = input;
  // Against a category the strategy would fight the quantile for the color channel: it moves
  // to the facet.
  const numericX = x?.numeric === true;
  const color = numericX ? input.color : undefined;
  const present = [input.color, input.facet].filter((d): d is ChartDimension => d !== undefined);
  const facet = numericX ? input.facet : compositeOf(present, rows);
  const raw = statValues(rows, [x, color, facet], quantileOf);
  // A stricter rule than the general one: p50 and p99.9 typically differ 10×, and p50 must
  // stay readable beside them, so one decade suffices here.
  const logY = wantsLogScale(
    raw.map((v) => v[STAT_FIELDS.mean] ?? null),
    1,
  );
  const values = logY ? clampForLog(raw) : raw;
  const quantile = { ...categoryOf(QUANTILE), sort: order };
  const yTitle = 'latency (µs)';
  if (x !== undefined && numericX) {
    // Solid p50, long dashes p99, dots p99.9: the tail gets the lightest line.
    const dashes = {
      ...quantile,
      scale: {
        range: [
          [1, 0],
          [6, 3],
          [1, 2],
        ],
      },
    };
    const hue = color === undefined ? quantile : categoryOf(color);
    // Lines and points are separate layers: a line with `point: true` gives the dash legend
    // dots for symbols, which hide the dash patterns it is there to explain.
    const layer: Layer[] = [
      {
        mark: { type: 'line' },
        encoding: { y: meanAxis(yTitle, logY, false, values), color: hue, strokeDash: dashes },
      },
      {
        mark: { type: 'point', filled: true },
        encoding: {
          y: meanAxis(yTitle, logY, false, values),
          color: hue,
          tooltip: [...tooltipOf([x, color, facet]), quantile],
        },
      },
      {
        mark: { type: 'area', opacity: 0.12 },
        encoding: { y: intervalLow(yTitle), y2: INTERVAL_HIGH, color: hue, detail: quantile },
      },
    ];
    const logX = wantsLogSweep(values.map((v) => v[x.field] ?? null));
    const encoding = { x: positionOf(x, logX, values) };
    return frameChart({
      title: input.title,
      subtitle: input.subtitle,
      values,
      layer,
      encoding,
      facet,
      color,
    });
  }
  return quantileDots({ ...input, rows, facet }, values, quantile, logY);
}

/**
 * Against a category, a dot per quantile with its CI whiskers: dots rather than bars because a
 * bar's length means nothing on the log axis a heavy tail needs.
 */
function quantileDots(
  input: QuantileChartInput,
  values: ReturnType<typeof statValues>,
  quantile: ReturnType<typeof categoryOf> & { sort: string[] },
  logY: boolean,
): TopLevelSpec {
  const { x, facet } = input;
  const yTitle = 'latency (µs)';
  const layer: Layer[] = [
    {
      mark: { type: 'point', filled: true, size: 70, opacity: 1 },
      encoding: { y: meanAxis(yTitle, logY, false, values), tooltip: [...tooltipOf([x, facet]), quantile] },
    },
    {
      mark: { type: 'errorbar', ticks: { size: 8 } },
      encoding: { y: intervalLow(yTitle), y2: INTERVAL_HIGH },
    },
  ];
  const encoding =
    x === undefined
      ? { x: { ...quantile, axis: { labelAngle: 0 } }, color: { ...quantile, legend: null } }
      : { x: categoryAxisOf(x), xOffset: quantile, color: quantile };
  const bands = {
    labels: x === undefined ? quantile.sort : categoriesOf(x, input.rows),
    offsets: x === undefined ? 1 : quantile.sort.length,
  };
  return frameChart({ title: input.title, subtitle: input.subtitle, values, layer, encoding, facet, bands });
}
