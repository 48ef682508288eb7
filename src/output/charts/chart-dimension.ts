import type { ParamValue, SummaryRow } from './result-data.js';

/**
 * One thing a chart can separate data by: a swept parameter column, the workload group, or a
 * composite of several parameters. `numeric` decides between a quantitative axis and an
 * ordinal one.
 */
export interface ChartDimension {
  /** Field name in the chart data: snake_case, never dotted (Vega-Lite reads dots as nesting). */
  field: string;
  /** Axis or legend title: the parameter path as the user wrote it. */
  title: string;
  numeric: boolean;
  /** `derived`: a field the chart builder computes itself (e.g. the quantile label). */
  source: 'param' | 'group' | 'panel' | 'derived';
  /** For a `panel`: the parameters whose values its label joins. */
  parts?: readonly ChartDimension[];
}

/** The workload group (tenant) as a dimension, for per-tenant charts. */
export const GROUP_DIMENSION: ChartDimension = {
  field: 'group',
  title: 'group',
  numeric: false,
  source: 'group',
};

/**
 * The swept columns of summary rows that actually vary, in column order. `titles` maps a
 * column back to its dotted parameter path.
 */
export function varyingDimensions(
  rows: readonly SummaryRow[],
  titles: ReadonlyMap<string, string>,
): ChartDimension[] {
  const fields = Object.keys(rows[0]?.params ?? {});
  return fields
    .filter((field) => new Set(rows.map((r) => r.params[field] ?? null)).size > 1)
    .map((field) => paramDimension(rows, field, titles.get(field) ?? field));
}

/**
 * A swept column as a dimension. It is numeric when every value is a finite number; anything
 * else (strategy names, values with units like `50us`, booleans) is categorical.
 */
export function paramDimension(rows: readonly SummaryRow[], field: string, title: string): ChartDimension {
  const numeric = rows.every((r) => {
    const v = r.params[field];
    return typeof v === 'number' && Number.isFinite(v);
  });
  return { field, title, numeric, source: 'param' };
}

/**
 * The dimensions left over after x and color, folded into at most one facet: a composite
 * `panel` label ("a=1, b=x") when several remain, so no two points ever overplot.
 */
export function facetOf(rest: readonly ChartDimension[]): ChartDimension | undefined {
  if (rest.length <= 1) return rest[0];
  const title = rest.map((d) => d.title).join(', ');
  return { field: 'panel', title, numeric: false, source: 'panel', parts: rest };
}

/** Several optional dimensions folded into one facet (flattening composite panels). */
export function mergeFacets(...dims: readonly (ChartDimension | undefined)[]): ChartDimension | undefined {
  const parts = dims.flatMap((d) => (d === undefined ? [] : (d.parts ?? [d])));
  return facetOf(parts);
}

/** A row's value along a dimension. */
export function valueAlong(row: SummaryRow, dim: ChartDimension): ParamValue {
  switch (dim.source) {
    case 'group':
      return row.group;
    case 'panel':
      return (dim.parts ?? []).map((p) => `${p.title}=${String(valueAlong(row, p))}`).join(', ');
    case 'param':
      return row.params[dim.field] ?? null;
    case 'derived':
      return null;
  }
}
