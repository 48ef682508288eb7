import type { ParamValue, ResultManifest, SummaryRow } from '../../src/output/charts/index.js';
import { columnName } from '../../src/scenario/key-path.js';

type Params = Record<string, ParamValue>;

/**
 * Hand-made summaries for chart tests: every combination of the `swept` grid values (each
 * with every `zip` tuple, lockstep lists, when given), each metric a function of the point's
 * parameters (NaN and constants allowed), CI half-width 5% of the mean. The manifest's
 * scenario names the tenants and holds the sweep, as a real manifest does.
 */
export function studyOf(
  swept: Record<string, readonly ParamValue[]>,
  metrics: Record<string, (p: Params) => number>,
  groups: Record<string, Record<string, (p: Params) => number>> = {},
  options: { zip?: Record<string, readonly ParamValue[]>; charts?: ResultManifest['charts'] } = {},
): { manifest: ResultManifest; summary: SummaryRow[] } {
  const zip = options.zip ?? {};
  const zipLength = Object.values(zip)[0]?.length ?? 1;
  const tuples = Array.from({ length: zipLength }, (_, i) =>
    Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, v[i] ?? null])),
  );
  const points = Object.entries(swept)
    .reduce<Params[]>(
      (acc, [path, values]) => acc.flatMap((p) => values.map((v) => ({ ...p, [path]: v }))),
      [{}],
    )
    .flatMap((p) => tuples.map((t) => ({ ...p, ...t })));
  const paths = [...Object.keys(swept), ...Object.keys(zip)];
  const summary: SummaryRow[] = [];
  points.forEach((byPath, point) => {
    const params = Object.fromEntries(paths.map((p) => [columnName(p), byPath[p] ?? null]));
    const row = (group: string, metric: string, mean: number): SummaryRow => ({
      point,
      params,
      group,
      metric,
      n: 3,
      mean,
      ci95Half: Math.abs(mean) * 0.05,
      min: mean * 0.95,
      max: mean * 1.05,
    });
    for (const [metric, f] of Object.entries(metrics)) summary.push(row('all', metric, f(byPath)));
    for (const [group, ms] of Object.entries(groups)) {
      for (const [metric, f] of Object.entries(ms)) summary.push(row(group, metric, f(byPath)));
    }
  });
  const groupNames = Object.keys(groups).length > 0 ? Object.keys(groups) : ['tenants'];
  const manifest: ResultManifest = {
    name: 'test-study',
    scenario: { workload: { groups: groupNames.map((name) => ({ name })) }, sweep: { grid: swept, zip } },
    points: points.map((params, point) => ({ point, params })),
    swept: paths,
    charts: options.charts,
  };
  return { manifest, summary };
}

/** Every `field` value and every data-value key of a spec, for the no-dots rule. */
export function fieldNames(spec: unknown): string[] {
  const names: string[] = [];
  const walk = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, key);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'field' && typeof v === 'string') names.push(v);
      if (k === 'values' && key === 'data' && Array.isArray(v)) {
        for (const datum of v) names.push(...Object.keys(datum as object));
      } else walk(v, k);
    }
  };
  walk(spec, undefined);
  return names;
}
