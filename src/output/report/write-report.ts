import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { calibrationChart } from '../charts/calibration-chart.js';
import { chooseCharts } from '../charts/choose-charts.js';
import type { ChartSelection, NamedChart } from '../charts/named-chart.js';
import { renderChart } from '../charts/render.js';
import { sensitivityCharts } from '../charts/sensitivity-charts.js';
import { defaultWriter, writeFileAtomic } from '../file-writer.js';
import { readFinishedRuns } from '../result-folder.js';
import { analyseSensitivity } from '../sensitivity-analysis.js';
import { readDescriptor } from '../sensitivity-files.js';
import { copyVegaAssets } from './copy-vega-assets.js';
import { readResultFolder } from './read-result-folder.js';
import { reportHtml } from './report-html.js';
import { sensitivitySection } from './sensitivity-section.js';
import { withGroupRows } from './summarize-groups.js';

export interface ReportOutput {
  /** Path of the written report.html. */
  reportPath: string;
  /** Names of the charts written, each as `charts/<name>.vl.json`, `.svg` and `.png`. */
  charts: string[];
}

const CHART_EXTENSIONS = ['.vl.json', '.svg', '.png'] as const;

/**
 * (Re)builds a result folder's `charts/` and `report.html` from its manifest and CSVs. Every
 * file is written atomically; chart files of an earlier build that this one no longer draws
 * are removed, so `charts/` always matches the page.
 */
export interface ReportOptions {
  /** Where the Vega scripts go (default `<dir>/assets`); the page links them relatively. */
  assetsDir?: string;
}

export async function writeReport(dir: string, options: ReportOptions = {}): Promise<ReportOutput> {
  const folder = await readResultFolder(dir);
  const summary = withGroupRows(folder.summary, folder.groups);
  // A sensitivity folder's points are samples of a design: its charts and section are its own.
  const sensitivity = sensitivityPart(dir);
  const selection = sensitivity?.selection ?? chooseCharts(folder.manifest, summary, folder.runs);
  // A calibration folder also charts the measured curve against the fit.
  const calibration = calibrationChart(dir, folder.manifest.charts?.[0]?.y ?? 'metric');
  if (calibration !== undefined) selection.charts.unshift(calibration);
  const chartsDir = join(dir, 'charts');
  defaultWriter.makeDirectory(chartsDir);
  const assetsDir = options.assetsDir ?? join(dir, 'assets');
  defaultWriter.makeDirectory(assetsDir);
  const notes = [...selection.skipped];
  const drawn: NamedChart[] = [];
  for (const chart of selection.charts) {
    // A chart that cannot be drawn is reported on the page, not fatal: the results stand.
    try {
      const warnings = await writeChart(chartsDir, chart);
      drawn.push(chart);
      notes.push(...warnings.map((w) => `chart ${chart.name}: ${w}`));
    } catch (e) {
      notes.push(`chart ${chart.name} not drawn: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await removeStaleCharts(chartsDir, new Set(drawn.map((c) => c.name)));
  const scripts = await copyVegaAssets(dir, assetsDir);
  const files = new Set(await readdir(dir));
  const warnings = [...(folder.manifest.warnings ?? []), ...notes];
  const notCharted = selection.notCharted;
  const page = { manifest: folder.manifest, charts: drawn, notCharted, scripts, warnings, summary, files };
  const reportPath = join(dir, 'report.html');
  const extra = sensitivity === undefined ? {} : { section: sensitivity.section(files) };
  writeFileAtomic(reportPath, reportHtml({ ...page, paramColumns: folder.paramColumns, ...extra }));
  return { reportPath, charts: drawn.map((c) => c.name) };
}

/** A sensitivity folder's charts and section, from its descriptor and runs; undefined for other folders. */
function sensitivityPart(dir: string) {
  const descriptor = readDescriptor(dir);
  if (descriptor === undefined) return undefined;
  const result = analyseSensitivity(descriptor, readFinishedRuns(dir));
  const selection: ChartSelection = {
    charts: sensitivityCharts(descriptor, result),
    skipped: result.skipped,
    notCharted: [],
  };
  return {
    selection,
    section: (files: ReadonlySet<string>) => sensitivitySection(descriptor, result, files),
  };
}

/** Writes the three files of a chart; resolves to the Vega-Lite compiler's warnings. */
async function writeChart(chartsDir: string, chart: NamedChart): Promise<string[]> {
  const rendered = await renderChart(chart.spec);
  const base = join(chartsDir, chart.name);
  writeFileAtomic(`${base}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`);
  writeFileAtomic(`${base}.svg`, rendered.svg);
  writeFileAtomic(`${base}.png`, rendered.png);
  return rendered.warnings;
}

async function removeStaleCharts(chartsDir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const file of await readdir(chartsDir)) {
    const ext = CHART_EXTENSIONS.find((e) => file.endsWith(e));
    if (ext !== undefined && !keep.has(file.slice(0, -ext.length)))
      defaultWriter.remove(join(chartsDir, file));
  }
}
