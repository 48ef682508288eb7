import { parameterLabel, valueLabel } from '../../scenario/parameter-label.js';
import { metricLabel } from '../charts/metric-label.js';
import { columnOf, type ResultManifest, type SummaryRow } from '../charts/result-data.js';
import { escapeHtml, formatNumber, htmlTable } from './html.js';
import { producedMetrics } from './produced-metrics.js';

/**
 * The summary as tables: one row per point (and per tenant in the second table), the swept
 * parameters first, then every metric the study produces (produced-metrics.ts) as "mean ± 95%
 * CI half-width" with n, min and max on hover. Columns are titled in words above their CSV
 * name (what pandas reads); swept values read as in the charts. Wide studies scroll sideways
 * rather than wrapping numbers.
 */
export function summaryTablesSection(
  summary: readonly SummaryRow[],
  paramColumns: readonly string[],
  manifest: ResultManifest,
): string {
  const columns = new Columns(paramColumns, manifest);
  const aggregate = summary.filter((r) => r.group === 'all');
  const perGroup = summary.filter((r) => r.group !== 'all');
  const parts = ['<section id="summary"><h2>Summary</h2>'];
  parts.push('<h3>All instances (group <code>all</code>), per point</h3>');
  parts.push(scrolling(pivot(aggregate, columns, false)));
  if (perGroup.length > 0) {
    parts.push('<details><summary><h3>Per tenant (workload group), per point</h3></summary>');
    parts.push(scrolling(pivot(perGroup, columns, true)));
    parts.push('</details>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** Long rows (point, group, metric) → one table row per (point, group), one column per metric. */
/** The swept columns with their parameter paths, for titles and value labels. */
class Columns {
  private readonly paths: Map<string, string>;
  constructor(
    readonly names: readonly string[],
    readonly manifest: ResultManifest,
  ) {
    this.paths = new Map(manifest.swept.map((path) => [columnOf(path), path]));
  }
  title(column: string): string {
    const path = this.paths.get(column);
    return headCell(path === undefined ? column : parameterLabel(path, this.manifest.scenario), column);
  }
  value(column: string, value: SummaryRow['params'][string] | undefined): string {
    const path = this.paths.get(column);
    return escapeHtml(path === undefined ? String(value ?? '') : valueLabel(path, value ?? null));
  }
}

function headCell(words: string, name: string): string {
  return words === name
    ? `<code>${escapeHtml(name)}</code>`
    : `${escapeHtml(words)}<br><small><code>${escapeHtml(name)}</code></small>`;
}

function pivot(rows: readonly SummaryRow[], columns: Columns, withGroup: boolean): string {
  const metrics = producedMetrics(rows);
  const lines = new Map<string, { first: SummaryRow; cells: Map<string, SummaryRow> }>();
  for (const row of rows) {
    const key = JSON.stringify([row.point, row.group]);
    const line = lines.get(key) ?? { first: row, cells: new Map() };
    line.cells.set(row.metric, row);
    lines.set(key, line);
  }
  const head = [
    'point',
    ...columns.names.map((c) => columns.title(c)),
    ...(withGroup ? ['tenant'] : []),
    ...metrics.map((m) => headCell(metricLabel(m), m)),
  ];
  const body = [...lines.values()].map(({ first, cells }) => [
    String(first.point),
    ...columns.names.map((c) => columns.value(c, first.params[c])),
    ...(withGroup ? [escapeHtml(first.group)] : []),
    ...metrics.map((m) => statCell(cells.get(m))),
  ]);
  return htmlTable(head, body, 'summary');
}

function statCell(row: SummaryRow | undefined): string {
  if (row === undefined) return '';
  const hover = `n=${row.n}, min=${formatNumber(row.min)}, max=${formatNumber(row.max)}`;
  const ci =
    Number.isFinite(row.ci95Half) && row.ci95Half > 0
      ? ` <small>± ${formatNumber(row.ci95Half)}</small>`
      : '';
  return `<span title="${escapeHtml(hover)}">${formatNumber(row.mean)}${ci}</span>`;
}

function scrolling(table: string): string {
  return `<div class="scroll">${table}</div>`;
}
