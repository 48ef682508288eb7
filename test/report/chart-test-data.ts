import type { ParamValue, ResultManifest, SummaryRow } from '../../src/output/charts/index.js';

/**
 * Hand-made summaries for chart tests: every combination of the swept values, each metric a
 * function of the point's parameters (NaN and constants allowed), CI half-width 5% of the mean.
 */
export function studyOf(
  swept: Record<string, readonly ParamValue[]>,
  metrics: Record<string, (p: Record<string, ParamValue>) => number>,
  groups: Record<string, Record<string, (p: Record<string, ParamValue>) => number>> = {},
): { manifest: ResultManifest; summary: SummaryRow[] } {
  const paths = Object.keys(swept);
  const points = paths.reduce<Record<string, ParamValue>[]>(
    (acc, path) => acc.flatMap((p) => (swept[path] ?? []).map((v) => ({ ...p, [path]: v }))),
    [{}],
  );
  const summary: SummaryRow[] = [];
  points.forEach((byPath, point) => {
    const params = Object.fromEntries(paths.map((p) => [p.replace(/\./g, '_'), byPath[p] ?? null]));
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
  const manifest: ResultManifest = {
    name: 'test-study',
    points: points.map((params, point) => ({ point, params })),
    swept: paths,
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
