/** Vega-Lite chart builders for result folders, their selection, and static rendering. */

export type { ChartDimension } from './chart-dimension.js';
export { GROUP_DIMENSION } from './chart-dimension.js';
export { chooseCharts, MAX_CHARTS } from './choose-charts.js';
export { type GroupChartInput, groupMetricChart } from './group-metric-chart.js';
export { type InstancesChartInput, instancesReadyChart } from './instances-ready-chart.js';
export {
  LATENCY_QUANTILES,
  latencyQuantileChart,
  type QuantileChartInput,
} from './latency-quantile-chart.js';
export { metricBarChart } from './metric-bar-chart.js';
export { metricLabel } from './metric-label.js';
export { type MetricChartInput, metricLineChart } from './metric-line-chart.js';
export type { ChartSelection, NamedChart } from './named-chart.js';
export { type RenderedChart, renderChart, renderPng, renderSvg } from './render.js';
export type {
  ChartDeclaration,
  ChartKind,
  GroupRow,
  ManifestPoint,
  ParamValue,
  ResultManifest,
  RunRow,
  SummaryRow,
} from './result-data.js';
export { columnOf } from './result-data.js';
