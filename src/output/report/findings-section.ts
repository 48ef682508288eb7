/**
 * "Findings", the top of report.html: what the scenario said it expected (its `expect`), what
 * was observed at each selected point (mean ± 95% CI over the replications) with ✔ or ✘ per
 * checkable clause, then the binding resource of each point and the warnings. Everything that
 * comes from the scenario or the results is escaped: a scenario is data, not markup.
 */
import { resourceWords } from '../../model/resource-names.js';
import { type Expectation, isLabelClause } from '../../scenario/expectations.js';
import { parameterLabel, valueLabel } from '../../scenario/parameter-label.js';
import { metricUnit } from '../charts/metric-label.js';
import type { ManifestPoint, ResultManifest, RunRow, SummaryRow } from '../charts/result-data.js';
import { type CheckOutcome, outcomesOf } from './expectation-outcomes.js';
import { escapeHtml, formatNumber } from './html.js';

export interface FindingsInput {
  manifest: ResultManifest;
  summary: readonly SummaryRow[];
  runs: readonly RunRow[];
  warnings: readonly string[];
  /** HTML of the binding-resource summary (already escaped), or '' when there is none. */
  bindingHtml: string;
}

export function findingsSection(input: FindingsInput): string {
  const { manifest, summary } = input;
  const expectations = manifest.expect ?? [];
  const outcomes = expectations.map((e) => outcomesOf(e, manifest, summary, input.runs));
  const all = outcomes.flat();
  const failed = all.filter((o) => !o.holds).length;
  const tally =
    all.length === 0
      ? ''
      : `<p class="tally ${failed === 0 ? 'pass' : 'fail'}">${all.length - failed} of ${all.length} checks hold` +
        (failed === 0 ? ' ✔' : `; ${failed} ✘`) +
        '.</p>';
  const expected =
    expectations.length === 0
      ? '<p class="none">The scenario states no expectation (add <code>expect:</code> to it).</p>'
      : `${tally}\n<ol class="expectations">\n${expectations
          .map((e, i) => expectationItem(e, outcomes[i] ?? [], manifest))
          .join('\n')}\n</ol>`;
  return [
    '<section id="findings"><h2>Findings</h2>',
    '<h3>Expected, and observed</h3>',
    expected,
    input.bindingHtml === '' ? '' : `<h3>Binding resources</h3>\n${input.bindingHtml}`,
    `<h3 id="warnings">Warnings</h3>\n${warningsList(input.warnings)}`,
    '</section>',
  ].join('\n');
}

function expectationItem(
  e: Expectation,
  outcomes: readonly CheckOutcome[],
  manifest: ResultManifest,
): string {
  const parts: string[] = [];
  if (e.text !== undefined) parts.push(`<p class="expected">${escapeHtml(e.text)}</p>`);
  const where = Object.entries(e.where).map(
    ([path, values]) =>
      `${escapeHtml(parameterLabel(path, manifest.scenario))} ${values.map((v) => escapeHtml(valueLabel(path, v))).join(' or ')}`,
  );
  if (e.group !== 'all') where.push(`tenant ${escapeHtml(e.group)}`);
  if (e.checks.length > 0) {
    parts.push(
      `<p class="selector">${where.length === 0 ? 'At every point' : `Where ${where.join('; ')}`}:</p>`,
    );
    // A key the selector pins to one value is said once above; one it allows several values of
    // still tells the points apart, so their rows keep it.
    const pinned = Object.keys(e.where).filter((path) => e.where[path]?.length === 1);
    parts.push(checksTable(outcomes, manifest, pinned));
  }
  if (e.unchecked !== undefined)
    parts.push(`<p class="note">Not checked in this run: ${escapeHtml(e.unchecked)}.</p>`);
  return `<li>${parts.join('\n')}</li>`;
}

function checksTable(
  outcomes: readonly CheckOutcome[],
  manifest: ResultManifest,
  selected: readonly string[],
): string {
  const rows = outcomes.map((o) => {
    const mark = o.holds
      ? '<span class="pass" title="holds">✔</span>'
      : '<span class="fail" title="fails">✘</span>';
    const note =
      o.uncertain && !isLabelClause(o.clause)
        ? ` <small>(the 95% CI includes ${formatNumber(o.clause.value)})</small>`
        : '';
    return (
      `<tr class="${o.holds ? 'pass' : 'fail'}"><td class="mark">${mark}</td>` +
      `<td>${escapeHtml(pointWords(o.point, manifest, selected))}</td>` +
      `<td><code>${escapeHtml(o.clause.text)}</code></td>` +
      `<td>${observed(o)}${note}</td></tr>`
    );
  });
  return (
    '<table class="checks"><thead><tr><th></th><th>point</th><th>clause</th><th>observed (mean ± 95% CI)</th></tr></thead>\n' +
    `<tbody>\n${rows.join('\n')}\n</tbody></table>`
  );
}

function observed(o: CheckOutcome): string {
  if (isLabelClause(o.clause)) {
    const l = o.label;
    if (l === undefined) return '<span class="none">no run</span>';
    const what =
      l.value === ''
        ? 'none'
        : `${escapeHtml(resourceWords(l.value).label)} <code>${escapeHtml(l.value)}</code>`;
    return `${what} <small>(${l.runs} of ${l.of} runs)</small>`;
  }
  const row = o.row;
  if (row === undefined || !Number.isFinite(row.mean)) return '<span class="none">no value</span>';
  const unit = metricUnit(o.clause.metric);
  const ci = Number.isFinite(row.ci95Half) ? ` ± ${formatNumber(row.ci95Half)}` : '';
  return `${formatNumber(row.mean)}${ci}${unit === '' ? '' : ` ${escapeHtml(unit)}`} <small>(n=${row.n})</small>`;
}

/** A point in words: its id, then the swept values the selector leaves free. */
export function pointWords(
  point: ManifestPoint,
  manifest: ResultManifest,
  omit: readonly string[] = [],
): string {
  const free = manifest.swept.filter((p) => !omit.includes(p));
  const values = free.map(
    (path) => `${parameterLabel(path, manifest.scenario)} ${valueLabel(path, point.params[path] ?? null)}`,
  );
  const id = `point ${point.point}`;
  return values.length === 0 ? id : `${id}: ${values.join(', ')}`;
}

function warningsList(warnings: readonly string[]): string {
  if (warnings.length === 0) return '<p class="none">None.</p>';
  return `<ul class="warnings">\n${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('\n')}\n</ul>`;
}
