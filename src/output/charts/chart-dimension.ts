import type { ParamValue, SummaryRow } from './result-data.js';

/**
 * One thing a chart can separate data by: a swept parameter column, the workload group, or a
 * composite of several parameters (a zipped sweep, or what is left for the facet). `numeric`
 * decides between a quantitative axis and categories; categories carry their labels in words
 * and their natural order (the sweep's declared order, never alphabetical).
 */
export interface ChartDimension {
  /** Field name in the chart data: snake_case, never dotted (Vega-Lite reads dots as nesting). */
  field: string;
  /** Axis, legend or facet title, in words ("admin-queue policy"), never a raw path. */
  title: string;
  numeric: boolean;
  /** `derived`: a field the chart builder computes itself (e.g. the quantile label). */
  source: 'param' | 'group' | 'panel' | 'derived';
  /** For a `panel`: the dimensions whose labels its label joins. */
  parts?: readonly ChartDimension[];
  /** A categorical dimension's label of a raw value (identity when absent). */
  labelOf?: (value: ParamValue) => string;
  /** Category labels in their natural order; Vega-Lite sorts by it (`sort: [...]`). */
  order?: readonly string[];
}

/** Joins the labels of a composite dimension's parts: "per-vf · netlink". */
export const PART_SEPARATOR = ' · ';

/** The workload group (tenant) as a dimension, its tenants in the order the scenario lists them. */
export function groupDimension(rows: readonly SummaryRow[]): ChartDimension {
  const order = [...new Set(rows.map((r) => r.group).filter((g) => g !== 'all'))];
  return { field: 'group', title: 'tenant', numeric: false, source: 'group', order };
}

/** The tenant dimension before rows are known (declared charts name it `group`). */
export const GROUP_DIMENSION: ChartDimension = groupDimension([]);

/** A row's value along a dimension: the number on a numeric axis, else the category's label. */
export function valueAlong(row: SummaryRow, dim: ChartDimension): ParamValue {
  switch (dim.source) {
    case 'group':
      return row.group;
    case 'panel':
      return (dim.parts ?? []).map((p) => partText(valueAlong(row, p))).join(PART_SEPARATOR);
    case 'param': {
      const raw = row.params[dim.field] ?? null;
      return dim.numeric || dim.labelOf === undefined ? raw : dim.labelOf(raw);
    }
    case 'derived':
      return null;
  }
}

/** A part of a composite label: large numbers with thousands separators ("20,000 · 100pps"). */
function partText(value: ParamValue): string {
  return typeof value === 'number' && Math.abs(value) >= 10_000
    ? value.toLocaleString('en-US')
    : String(value);
}

/**
 * Several dimensions folded into one composite `panel` (one facet, one legend): its label joins
 * the parts' labels, its order is the order in which the combinations occur in `rows` (point
 * order, so the sweep's declared order), and combinations that never occur do not exist.
 */
export function compositeOf(
  parts: readonly ChartDimension[],
  rows: readonly SummaryRow[],
  field = 'panel',
): ChartDimension | undefined {
  // Only plain folds flatten: a zip or a dimension with companions stays one part.
  const flat = parts.flatMap((d) => (d.field === 'panel' ? (d.parts ?? []) : [d]));
  if (flat.length <= 1) return flat[0];
  const dim: ChartDimension = {
    field,
    title: flat.map((d) => d.title).join(PART_SEPARATOR),
    numeric: false,
    source: 'panel',
    parts: flat,
  };
  return { ...dim, order: [...new Set(rows.map((r) => String(valueAlong(r, dim))))] };
}

/** The labels a categorical dimension takes in `rows`, in natural order. */
export function categoriesOf(dim: ChartDimension, rows: readonly SummaryRow[]): string[] {
  const present = new Set(rows.map((r) => String(valueAlong(r, dim))));
  const ordered = (dim.order ?? []).filter((v) => present.has(v));
  return [...ordered, ...[...present].filter((v) => !ordered.includes(v))];
}

/**
 * Whether `dim` is a function of `by` over the rows: each combination of `by` values comes with
 * one value of `dim`. A zipped companion (the creation path that goes with each transport) is;
 * an independent grid parameter is not.
 */
export function determinedBy(
  dim: ChartDimension,
  by: readonly ChartDimension[],
  rows: readonly SummaryRow[],
): boolean {
  const seen = new Map<string, string>();
  for (const row of rows) {
    const key = JSON.stringify(by.map((d) => valueAlong(row, d)));
    const value = JSON.stringify(valueAlong(row, dim));
    const before = seen.get(key);
    if (before !== undefined && before !== value) return false;
    seen.set(key, value);
  }
  return true;
}
