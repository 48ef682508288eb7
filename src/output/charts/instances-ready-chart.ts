import type { TopLevelSpec } from 'vega-lite';
import { type ChartDimension, valueAlong } from './chart-dimension.js';
import {
  clampForLog,
  finiteOrNull,
  STAT_FIELDS,
  statValues,
  wantsLogScale,
  wantsLogSweep,
} from './chart-values.js';
import type { ParamValue, RunRow, SummaryRow } from './result-data.js';
import {
  categoryOf,
  frameChart,
  INTERVAL_HIGH,
  intervalLow,
  type Layer,
  meanAxis,
  positionOf,
  tooltipOf,
} from './spec-parts.js';

export interface InstancesChartInput {
  title: string;
  subtitle?: string | undefined;
  /** Summary rows of `instances_ready`, aggregate group. */
  ready: readonly SummaryRow[];
  /** Summary rows of `instances_rejected`, aggregate group (same points). */
  rejected: readonly SummaryRow[];
  /** runs.csv rows, for the `limit_resource` column. */
  runs: readonly RunRow[];
  /** The swept instance count (requested). */
  x: ChartDimension;
  color?: ChartDimension | undefined;
  facet?: ChartDimension | undefined;
}

const REQUESTED = 'requested';
const LIMIT = 'limit_resource';

/**
 * Instances ready against instances requested, one line per strategy, with the requested
 * diagonal dashed: where a strategy's line leaves the diagonal it hit a limit, and the first
 * point with rejections carries the name of the resource that ran out (runs.csv
 * `limit_resource`, the most frequent over replications).
 */
export function instancesReadyChart(input: InstancesChartInput): TopLevelSpec {
  const { x, color, facet } = input;
  const limits = limitPoints(input);
  const raw = statValues(input.ready, [x, color, facet], (row) => ({
    [REQUESTED]: row.params[x.field] ?? null,
    [LIMIT]: limits.get(row.point) ?? null,
  }));
  const yTitle = 'instances ready';
  const logX = wantsLogSweep(raw.map((v) => v[x.field] ?? null));
  const logY = logX && wantsLogScale(raw.map((v) => v[STAT_FIELDS.mean] ?? null));
  const values = logY ? clampForLog(raw) : raw;
  const hue = color === undefined ? {} : { color: categoryOf(color) };
  const onLimit = [{ filter: `datum.${LIMIT} != null` }];
  const layer: Layer[] = [
    {
      mark: { type: 'line', strokeDash: [4, 4], color: '#888888' },
      encoding: { y: { field: REQUESTED, type: 'quantitative', title: yTitle } },
    },
    {
      mark: { type: 'line', point: true },
      encoding: {
        y: meanAxis(yTitle, logY, false, values),
        tooltip: [...tooltipOf([x, color, facet]), { field: LIMIT, title: 'resource that ran out' }],
        ...hue,
      },
    },
    {
      mark: { type: 'area', opacity: 0.18 },
      encoding: { y: intervalLow(yTitle), y2: INTERVAL_HIGH, ...hue },
    },
    {
      transform: onLimit,
      mark: { type: 'point', shape: 'triangle-down', size: 90, filled: true, yOffset: -9 },
      encoding: { y: { field: STAT_FIELDS.mean, type: 'quantitative' }, ...hue },
    },
    {
      transform: onLimit,
      mark: { type: 'text', align: 'right', dx: -6, dy: -14, fontSize: 11 },
      encoding: { y: { field: STAT_FIELDS.mean, type: 'quantitative' }, text: { field: LIMIT }, ...hue },
    },
  ];
  return frameChart({
    title: input.title,
    subtitle: input.subtitle,
    values,
    layer,
    encoding: { x: positionOf(x, logX, values) },
    facet,
    color,
  });
}

/** Point → exhausted resource, for the first point of each series that rejected instances. */
function limitPoints(input: InstancesChartInput): Map<number, string> {
  const rejectedAt = new Map(input.rejected.map((r) => [r.point, r.mean]));
  const series = new Map<string, SummaryRow[]>();
  for (const row of input.ready) {
    const key = JSON.stringify(
      [input.color, input.facet].map((d) => (d === undefined ? null : valueAlong(row, d))),
    );
    series.set(key, [...(series.get(key) ?? []), row]);
  }
  const limits = new Map<number, string>();
  for (const rows of series.values()) {
    const sorted = [...rows].sort(
      (a, b) => numberOf(a.params[input.x.field]) - numberOf(b.params[input.x.field]),
    );
    const first = sorted.find((r) => (finiteOrNull(rejectedAt.get(r.point) ?? Number.NaN) ?? 0) > 0);
    if (first !== undefined) limits.set(first.point, limitResourceAt(input.runs, first.point) ?? 'limit');
  }
  return limits;
}

/** The most frequent non-empty `limit_resource` over a point's replications (ties: alphabetical). */
export function limitResourceAt(runs: readonly RunRow[], point: number): string | undefined {
  const counts = new Map<string, number>();
  for (const run of runs) {
    const resource = run[LIMIT];
    if (run.point !== point || typeof resource !== 'string' || resource === '') continue;
    counts.set(resource, (counts.get(resource) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[0];
}

function numberOf(v: ParamValue | undefined): number {
  return typeof v === 'number' ? v : Number.NaN;
}
