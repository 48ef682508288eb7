/**
 * Helpers the notebooks share (Deno kernel). Everything is shown through
 * `Deno.jupyter.display` with an explicit MIME bundle: under nbconvert the Deno kernel can drop
 * a cell's implicit last-expression output and lets `console.log` text drift into the next
 * cell, and Debian's nbconvert strips SVG from HTML exports, so charts go out as PNG.
 */
import { Buffer } from 'node:buffer';
import { isAbsolute, resolve } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { renderChart } from '../src/output/charts/render.ts';
import type { SummaryRow } from '../src/output/charts/result-data.ts';

/** The project root: the kernel runs in notebooks/. */
export const projectRoot = resolve(Deno.cwd(), '..');

/**
 * Where result folders live: `VDPASCALE_RESULTS` (absolute, or relative to the project root),
 * by default `results/`. scripts/run-notebooks.sh sets it; the tests point it at fixtures.
 */
export function resultsDir(): string {
  const dir = Deno.env.get('VDPASCALE_RESULTS') ?? 'results';
  return isAbsolute(dir) ? dir : resolve(projectRoot, dir);
}

/** Renders a Vega-Lite spec with the project's renderer (DejaVu fonts) and shows the PNG. */
export async function showChart(spec: TopLevelSpec): Promise<void> {
  const { png } = await renderChart(spec);
  await Deno.jupyter.display({ 'image/png': Buffer.from(png).toString('base64') }, { raw: true });
}

export async function showMarkdown(text: string): Promise<void> {
  await Deno.jupyter.display({ 'text/markdown': text, 'text/plain': text }, { raw: true });
}

/** A Markdown table; cells are escaped for `|`. */
export function markdownTable(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (c: string | number) => String(c).replace(/\|/g, '\\|');
  const line = (r: readonly (string | number)[]) => `| ${r.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Four significant digits; '—' for NaN (a metric that does not apply). */
export function fmt(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  return String(Number(x.toPrecision(4)));
}

/** "mean ± ci" of one summary cell. */
export function meanCi(row: SummaryRow | undefined): string {
  if (row === undefined) return '—';
  return Number.isFinite(row.ci95_half) && row.ci95_half > 0 ? `${fmt(row.mean)} ± ${fmt(row.ci95_half)}` : fmt(row.mean);
}

/** The summary row of a metric at a point for a group (`all` by default). */
export function cellOf(summary: readonly SummaryRow[], point: number, metric: string, group = 'all'): SummaryRow | undefined {
  return summary.find((r) => r.point === point && r.metric === metric && r.group === group);
}
