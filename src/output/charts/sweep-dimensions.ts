/**
 * The swept parameters of a result folder as chart dimensions: titles and value labels in
 * words (scenario/parameter-label.ts), categories in the order the sweep declares them, and a
 * zipped sweep as ONE dimension — its lists vary in lockstep, so crossing them on two channels
 * would draw a grid of mostly empty panels.
 */
import { parameterLabel, valueLabel } from '../../scenario/parameter-label.js';
import { type ChartDimension, compositeOf, determinedBy, PART_SEPARATOR } from './chart-dimension.js';
import { columnOf, type ParamValue, type ResultManifest, type SummaryRow } from './result-data.js';

/** A swept column as a dimension, titled and labelled from the scenario schema. */
export function paramDimension(
  rows: readonly SummaryRow[],
  field: string,
  path: string,
  manifest: ResultManifest,
): ChartDimension {
  // Numeric when every value is a finite number; values with units (`50us`), strategy names
  // and booleans are categories.
  const numeric = rows.every((r) => {
    const v = r.params[field];
    return typeof v === 'number' && Number.isFinite(v);
  });
  const title = parameterLabel(path, manifest.scenario);
  // A number used as a category sorts ascending by itself (Vega's default for ordinals).
  if (numeric) return { field, title, numeric, source: 'param' };
  const labelOf = (v: ParamValue) => valueLabel(path, v);
  const declared = manifest.points.map((p) => labelOf(p.params[path] ?? null));
  const order = [
    ...new Set(declared.length > 0 ? declared : rows.map((r) => labelOf(r.params[field] ?? null))),
  ];
  return { field, title, numeric, source: 'param', labelOf, order };
}

/** Every swept column whose value varies between points, in column order. */
export function varyingParams(manifest: ResultManifest, rows: readonly SummaryRow[]): ChartDimension[] {
  const paths = new Map(manifest.swept.map((path) => [columnOf(path), path]));
  const fields = Object.keys(rows[0]?.params ?? {});
  return fields
    .filter((field) => new Set(rows.map((r) => r.params[field] ?? null)).size > 1)
    .map((field) => paramDimension(rows, field, paths.get(field) ?? field, manifest));
}

/** The columns of each `sweep.zip` of the scenario (one zip per scenario today). */
export function zippedColumns(manifest: ResultManifest): Set<string> {
  const sweep = (manifest.scenario as { sweep?: { zip?: unknown } } | undefined)?.sweep;
  const zip = sweep?.zip;
  if (typeof zip !== 'object' || zip === null) return new Set();
  return new Set(Object.keys(zip).map(columnOf));
}

/**
 * The dimensions of the automatic charts: each grid parameter on its own; the varying lists of
 * the zip as one dimension — a numeric member that determines the others stays numeric (its
 * title names the companions), otherwise the zip becomes one composite category.
 */
export function sweepDimensions(manifest: ResultManifest, rows: readonly SummaryRow[]): ChartDimension[] {
  const params = varyingParams(manifest, rows);
  const zipped = zippedColumns(manifest);
  const members = params.filter((d) => zipped.has(d.field));
  if (members.length < 2) return params;
  const zip = zipDimension(members, rows);
  const first = params.indexOf(members[0] as ChartDimension);
  const others = params.filter((d) => !members.includes(d));
  return [...others.slice(0, first), zip, ...others.slice(first)];
}

function zipDimension(members: readonly ChartDimension[], rows: readonly SummaryRow[]): ChartDimension {
  const lead = members.find((d) => d.numeric && members.every((m) => m === d || determinedBy(m, [d], rows)));
  if (lead !== undefined)
    return withCompanions(
      lead,
      members.filter((m) => m !== lead),
      rows,
    );
  return compositeOf(members, rows, 'zip') as ChartDimension;
}

/**
 * A dimension with the dimensions it determines (zipped companions): a category (or a number
 * used as one, `asCategory`: a legend or a facet) joins their labels ("per-vf · netlink"), a
 * numeric axis names them in its title.
 */
export function withCompanions(
  dim: ChartDimension,
  companions: readonly ChartDimension[],
  rows: readonly SummaryRow[],
  asCategory = false,
): ChartDimension {
  if (companions.length === 0) return dim;
  if (dim.numeric && !asCategory)
    return { ...dim, title: `${dim.title} (with ${companions.map((c) => c.title).join(', ')})` };
  const labelled = dim.numeric
    ? { ...dim, numeric: false, labelOf: (v: ParamValue) => valueLabel('', v) }
    : dim;
  const joined = compositeOf([labelled, ...companions], rows, dim.field) as ChartDimension;
  return { ...joined, title: [dim, ...companions].map((d) => d.title).join(PART_SEPARATOR) };
}
