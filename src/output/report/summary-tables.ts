import type { SummaryRow } from '../charts/result-data.js';
import { escapeHtml, formatNumber, htmlTable } from './html.js';

/**
 * The summary as tables: one row per point (and per tenant in the second table), the swept
 * parameters first, then every metric as "mean ± 95% CI half-width" with n, min and max on
 * hover. Wide studies scroll sideways rather than wrapping numbers.
 */
export function summaryTablesSection(
  summary: readonly SummaryRow[],
  paramColumns: readonly string[],
): string {
  const aggregate = summary.filter((r) => r.group === 'all');
  const perGroup = summary.filter((r) => r.group !== 'all');
  const parts = ['<section id="summary"><h2>Summary</h2>'];
  parts.push('<h3>All instances (group <code>all</code>), per point</h3>');
  parts.push(scrolling(pivot(aggregate, paramColumns, false)));
  if (perGroup.length > 0) {
    parts.push('<details><summary><h3>Per tenant (workload group), per point</h3></summary>');
    parts.push(scrolling(pivot(perGroup, paramColumns, true)));
    parts.push('</details>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** Long rows (point, group, metric) → one table row per (point, group), one column per metric. */
function pivot(rows: readonly SummaryRow[], paramColumns: readonly string[], withGroup: boolean): string {
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const lines = new Map<string, { first: SummaryRow; cells: Map<string, SummaryRow> }>();
  for (const row of rows) {
    const key = JSON.stringify([row.point, row.group]);
    const line = lines.get(key) ?? { first: row, cells: new Map() };
    line.cells.set(row.metric, row);
    lines.set(key, line);
  }
  const head = ['point', ...paramColumns, ...(withGroup ? ['group'] : []), ...metrics].map(escapeHtml);
  const body = [...lines.values()].map(({ first, cells }) => [
    String(first.point),
    ...paramColumns.map((c) => escapeHtml(String(first.params[c] ?? ''))),
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
