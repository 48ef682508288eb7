import type { TopLevelSpec } from 'vega-lite';
import type { ChartDimension } from './chart-dimension.js';
import { LABEL_CHAR_PX } from './chart-size.js';
import { STAT_FIELDS, statValues } from './chart-values.js';
import type { SummaryRow } from './result-data.js';
import { frameChart, INTERVAL_HIGH, type Layer, tooltipOf } from './spec-parts.js';

export interface ResourceChartInput {
  title: string;
  subtitle?: string | undefined;
  /** One row per point × resource: `metric` is the resource's words, `mean` its utilisation. */
  rows: readonly SummaryRow[];
  /** The resources' words, in the order the run registered them (the y order). */
  resources: readonly string[];
  /** Point → the words of its binding resource (highlighted). */
  binding: ReadonlyMap<number, string>;
  /** The sweep as one facet, one panel per point; none for a single point. */
  facet?: ChartDimension | undefined;
}

const RESOURCE = 'resource';
const ROLE = 'role';
const ROLES = ['binding resource', 'other resources'];
/** The axis end: all of a resource's capacity. */
const FULL_SCALE = 1;
/** The label of a bar beyond the axis end. */
const OVER = 'beyond';
/** Height per resource row of a panel, px. */
const ROW_PX = 17;

/**
 * Utilisation of every queueing resource, one panel per point: a horizontal bar per resource
 * (mean over replications, 95% whiskers), the binding resource in its own colour, the axis from
 * 0 to 100%. Time accounted beyond capacity (20 spinning submitters on 4 host cores: 500%)
 * would stretch the axis until every server's bar is a sliver, so such a bar stops at the
 * axis end and says its value in words (`500% ▸`).
 */
export function resourceUtilisationChart(input: ResourceChartInput): TopLevelSpec {
  const values = statValues(input.rows, [input.facet], (row) => ({
    [RESOURCE]: row.metric,
    [ROLE]: input.binding.get(row.point) === row.metric ? (ROLES[0] ?? null) : (ROLES[1] ?? null),
  }));
  const x = {
    field: STAT_FIELDS.mean,
    type: 'quantitative' as const,
    title: 'utilisation',
    scale: { domain: [0, FULL_SCALE], clamp: true },
    axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] },
  };
  const layer: Layer[] = [
    {
      mark: { type: 'bar', height: { band: 0.75 } },
      encoding: {
        x,
        // The domain is fixed, so a point without a binding resource keeps the colours' meaning.
        color: {
          field: ROLE,
          type: 'nominal',
          title: null,
          scale: { domain: ROLES, range: ['#c0392b', '#9db4cc'] },
        },
        tooltip: [{ field: RESOURCE, title: 'resource' }, ...tooltipOf([input.facet])],
      },
    },
    {
      mark: { type: 'errorbar', ticks: { size: 6 } },
      encoding: {
        x: { field: STAT_FIELDS.lo, type: 'quantitative', title: x.title },
        x2: INTERVAL_HIGH,
        color: { value: '#222222' },
      },
    },
    {
      transform: [
        { filter: `datum['${STAT_FIELDS.mean}'] > ${FULL_SCALE}` },
        { calculate: `format(datum['${STAT_FIELDS.mean}'], '.0%') + ' ▸'`, as: OVER },
      ],
      mark: { type: 'text', align: 'right', dx: -4, fontSize: 10, fontWeight: 'bold', color: '#ffffff' },
      encoding: { x, text: { field: OVER, type: 'nominal' } },
    },
  ];
  const encoding = {
    y: {
      field: RESOURCE,
      type: 'nominal' as const,
      title: null,
      sort: [...input.resources],
      axis: { labelLimit: 0 },
    },
  };
  return frameChart({
    title: input.title,
    subtitle: input.subtitle,
    values,
    layer,
    encoding,
    facet: input.facet,
    panelHeight: Math.max(60, input.resources.length * ROW_PX + 10),
    yAxisPx: Math.max(...input.resources.map((r) => r.length)) * LABEL_CHAR_PX + 16,
  });
}
