/**
 * The sensitivity section of report.html: what varied and over which range, the conclusions
 * --compare tested, and per metric the parameters ranked by the ranking index with their 95%
 * bootstrap intervals (one column per scenario point). The charts are drawn by the chart
 * section; the tidy numbers are in sensitivity.csv.
 */
import { pointLabel } from '../charts/sensitivity-charts.js';
import {
  RANKING_INDEX,
  type SensitivityDescriptor,
  type SensitivityResult,
} from '../sensitivity-analysis.js';
import { SENSITIVITY_FILE, SENSITIVITY_TABLES } from '../sensitivity-files.js';
import { escapeHtml, formatNumber } from './html.js';

/** Rows per metric table: the parameters that matter; the rest are in sensitivity.csv. */
const TOP = 12;

function rangeText(d: SensitivityDescriptor['params'][number]): string {
  return `${formatNumber(d.range.min)} … ${formatNumber(d.range.max)} ${escapeHtml(d.unit)} (${d.range.scale})`;
}

function metricTable(d: SensitivityDescriptor, r: SensitivityResult, metric: string): string {
  const index = RANKING_INDEX[d.method];
  const rows = r.indices.filter((x) => x.metric === metric && x.index === index);
  if (rows.length === 0) return `<p class="none">${escapeHtml(metric)}: no indices (see Warnings).</p>`;
  const points = d.basePoints.map((_, c) => c);
  const cell = new Map(rows.map((x) => [`${x.parameter}@${x.point}`, x]));
  const best = new Map<string, number>();
  for (const x of rows)
    best.set(x.parameter, Math.max(best.get(x.parameter) ?? 0, Number.isFinite(x.value) ? x.value : 0));
  const order = [...best].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP);
  const head = `<tr><th>parameter</th>${points.map((c) => `<th>${escapeHtml(pointLabel(d, c))}</th>`).join('')}</tr>`;
  const body = order.map(([p]) => {
    const cells = points.map((c) => {
      const x = cell.get(`${p}@${c}`);
      return x === undefined
        ? '<td>—</td>'
        : `<td>${formatNumber(x.value)} <small>[${formatNumber(x.low)}, ${formatNumber(x.high)}]</small></td>`;
    });
    return `<tr><th><code>${escapeHtml(p)}</code></th>${cells.join('')}</tr>`;
  });
  return [
    `<h3><code>${escapeHtml(metric)}</code>: ${escapeHtml(index)} with 95% CI, top ${order.length} of ${d.params.length}</h3>`,
    `<div class="scroll"><table class="summary"><thead>${head}</thead><tbody>\n${body.join('\n')}\n</tbody></table></div>`,
  ].join('\n');
}

export function sensitivitySection(
  d: SensitivityDescriptor,
  r: SensitivityResult,
  present: ReadonlySet<string>,
): string {
  const samples = r.design.unit.length;
  const what =
    d.method === 'morris'
      ? `Morris screening: ${d.samples} trajectories on a ${d.levels}-level grid, ${samples} samples`
      : `Sobol indices: Saltelli design on Latin hypercubes, N = ${d.samples}, ${samples} samples`;
  const parts = [
    '<section id="sensitivity"><h2>Sensitivity</h2>',
    `<p>${escapeHtml(what)}, plus the nominal scenario; each sample × point × ${d.replications} replication(s) on common random numbers. Intervals: percentile bootstrap (${d.resamples} resamples).</p>`,
  ];
  if (r.conclusions.length > 0)
    parts.push(
      `<h3>Does the conclusion hold?</h3><ul>${r.conclusions.map((c) => `<li>${escapeHtml(c.sentence)}</li>`).join('')}</ul>`,
    );
  for (const m of d.metrics) parts.push(metricTable(d, r, m.name));
  const space = d.params
    .map(
      (p) =>
        `<tr><th><code>${escapeHtml(p.path)}</code></th><td>${rangeText(p)}</td><td>${escapeHtml(p.origin)}</td></tr>`,
    )
    .join('\n');
  parts.push(
    `<details><summary><h3>Parameter space (${d.params.length})</h3></summary><table class="info"><thead><tr><th>parameter</th><th>range</th><th>from</th></tr></thead><tbody>\n${space}\n</tbody></table>`,
  );
  if (d.notes.length > 0) parts.push(`<p class="note">Left out: ${d.notes.map(escapeHtml).join('; ')}.</p>`);
  parts.push('</details>');
  const links = [SENSITIVITY_FILE, ...SENSITIVITY_TABLES]
    .filter((f) => present.has(f))
    .map((f) => `<a href="${escapeHtml(f)}">${escapeHtml(f)}</a>`)
    .join(' · ');
  if (links !== '') parts.push(`<p class="files">Files: ${links}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}
