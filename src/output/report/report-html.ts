import type { NamedChart } from '../charts/named-chart.js';
import type { ResultManifest, RunRow, SummaryRow } from '../charts/result-data.js';
import { findingsSection } from './findings-section.js';
import { escapeHtml, scriptJson } from './html.js';
import { runInfoSection } from './run-info-section.js';
import { summaryTablesSection } from './summary-tables.js';

/** Everything report.html shows. */
export interface ReportPage {
  manifest: ResultManifest;
  charts: readonly NamedChart[];
  /** Titles of charts left out by the cap, listed under the charts. */
  notCharted: readonly string[];
  /** Script paths relative to the page, in load order (vega, vega-lite, vega-embed). */
  scripts: readonly string[];
  /** Run warnings, then notes about charts (skipped, compiler warnings). */
  warnings: readonly string[];
  summary: readonly SummaryRow[];
  /** The rows the Findings check, the resources' own included (default: `summary`). */
  findingsSummary?: readonly SummaryRow[];
  /** runs.csv rows, for the per-point outcomes (binding resource, exhausted limit). */
  runs: readonly RunRow[];
  paramColumns: readonly string[];
  /** Result files present in the folder, for links. */
  files: ReadonlySet<string>;
  /** A section of the folder's own kind (sensitivity analysis), shown before the charts in place of the summary tables. */
  section?: string | undefined;
  /** The binding-resource summary of the Findings (HTML, escaped), when the folder has one. */
  bindingHtml?: string | undefined;
}

/**
 * One self-contained page: the specs are inlined (no fetch, which file:// forbids), the
 * scripts are local copies, and each chart falls back to its static SVG without JavaScript.
 * When every chart has been embedded, `body[data-charts-rendered]` holds the count, which the
 * browser test waits for.
 */
export function reportHtml(page: ReportPage): string {
  const { manifest } = page;
  const title = `vdpascale report: ${manifest.name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(manifest.name)}</h1>
${manifest.description === undefined ? '' : `<p class="description">${escapeHtml(manifest.description)}</p>`}
</header>
${findingsSection({ manifest, summary: page.findingsSummary ?? page.summary, runs: page.runs, warnings: page.warnings, bindingHtml: page.bindingHtml ?? '' })}
${page.section ?? ''}
${chartsSection(page.charts, page.notCharted)}
${page.section === undefined ? summaryTablesSection(page.summary, page.paramColumns, manifest) : ''}
${runInfoSection(manifest, page.files)}
${page.scripts.map((s) => `<script src="${escapeHtml(s)}"></script>`).join('\n')}
<script type="application/json" id="vdpascale-specs">${scriptJson(page.charts.map((c, i) => ({ id: chartId(i), name: c.name, spec: c.spec })))}</script>
<script>${EMBED_SCRIPT}</script>
</body>
</html>
`;
}

function chartId(i: number): string {
  return `chart-${i + 1}`;
}

function chartsSection(charts: readonly NamedChart[], notCharted: readonly string[]): string {
  const body =
    charts.length === 0
      ? '<p class="none">No chart: no metric varies between points, or no declared chart could be drawn (see Warnings).</p>'
      : `<div class="charts">\n${charts.map(figureOf).join('\n')}\n</div>`;
  const note =
    notCharted.length === 0
      ? ''
      : `<p class="note">Also varying, not charted (at most ${charts.length} charts; all values are in the tables below): ` +
        `${notCharted.map(escapeHtml).join('; ')}.</p>`;
  return `<section id="charts"><h2>Charts</h2>\n${body}\n${note}</section>`;
}

/** A chart's mount point, its static fallback and links to its three files. */
function figureOf(chart: NamedChart, i: number): string {
  const base = `charts/${encodeURIComponent(chart.name)}`;
  const links = [
    `<a href="${base}.svg">SVG</a>`,
    `<a href="${base}.png">PNG</a>`,
    `<a href="${base}.vl.json">Vega-Lite</a>`,
  ];
  return (
    `<figure class="chart"><div class="vega" id="${chartId(i)}" data-name="${escapeHtml(chart.name)}">` +
    `<noscript><img src="${base}.svg" alt="${escapeHtml(chart.title)}"></noscript></div>` +
    `<figcaption>${links.join(' · ')}</figcaption></figure>`
  );
}

/** Embeds every spec; a chart that fails shows its error in place and on the console. */
const EMBED_SCRIPT = `
(async () => {
  const specs = JSON.parse(document.getElementById('vdpascale-specs').textContent);
  const options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } };
  const results = await Promise.allSettled(specs.map((c) => vegaEmbed('#' + c.id, c.spec, options)));
  let failed = 0;
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') return;
    failed += 1;
    console.error('chart ' + specs[i].name + ' failed: ' + r.reason);
    document.getElementById(specs[i].id).textContent = 'This chart failed to render: ' + r.reason;
  });
  window.vdpascaleViews = results.map((r) => (r.status === 'fulfilled' ? r.value.view : null));
  document.body.dataset.chartsFailed = String(failed);
  document.body.dataset.chartsRendered = String(results.length - failed);
})();`;

const STYLE = `
body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 0 auto; max-width: 1320px; padding: 1rem 1.5rem; color: #222; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
.description { color: #444; margin-top: 0; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: .9em; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid #e2e2e2; padding: .25rem .5rem; text-align: left; vertical-align: top; }
table.summary td { text-align: right; white-space: nowrap; } table.summary th { white-space: nowrap; background: #f6f6f6; }
table.info th { background: #f6f6f6; font-weight: normal; }
small { color: #777; } .none { color: #888; } .files { font-size: .9rem; } .note { font-size: .85rem; color: #555; }
.scroll { overflow-x: auto; max-width: 100%; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
figure.chart { margin: 0; max-width: 100%; overflow-x: auto; } figcaption { font-size: .8rem; color: #555; margin-top: .3rem; }
ul.warnings li { color: #8a4b00; }
.pass { color: #1b7a2e; } .fail { color: #b00020; } td.mark { font-size: 1.1rem; text-align: center; }
p.tally { font-weight: bold; } p.expected { margin: .2rem 0; } p.selector { margin: .3rem 0; color: #444; }
ol.expectations li { margin-bottom: 1rem; } table.checks { margin-top: .2rem; }
details summary h3 { display: inline; }
`;
