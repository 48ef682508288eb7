import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { calibrationChart } from '../charts/calibration-chart.js';
import { chooseCharts } from '../charts/choose-charts.js';
import type { ChartSelection, NamedChart } from '../charts/named-chart.js';
import { renderChart } from '../charts/render.js';
import type { RunRow } from '../charts/result-data.js';
import { sensitivityCharts } from '../charts/sensitivity-charts.js';
import { type AtomicFile, defaultWriter, writeFileAtomic } from '../file-writer.js';
import { analyseSensitivity, type SensitivityDescriptor } from '../sensitivity-analysis.js';
import { readDescriptor } from '../sensitivity-files.js';
import { vegaAssets } from './copy-vega-assets.js';
import { readResultFolder } from './read-result-folder.js';
import { reportHtml } from './report-html.js';
import { resourceSection } from './resource-section.js';
import { sensitivitySection } from './sensitivity-section.js';
import { withGroupRows } from './summarize-groups.js';

export interface ReportOutput {
  /** Path of the written report.html. */
  reportPath: string;
  /** Names of the charts written, each as `charts/<name>.vl.json`, `.svg` and `.png`. */
  charts: string[];
}

const CHART_EXTENSIONS = ['.vl.json', '.svg', '.png'] as const;
const UNCOMMITTED_SENSITIVITY_TABLES = ['summary.csv', 'groups.csv'];

/**
 * (Re)builds a result folder's `charts/` and `report.html` from its manifest and CSVs. Every
 * file is written atomically; chart files of an earlier build that this one no longer draws
 * are removed, so `charts/` always matches the page.
 */
export interface ReportOptions {
  /** Where the Vega scripts go (default `<dir>/assets`); the page links them relatively. */
  assetsDir?: string;
  /** PNG resolution (default DEFAULT_PNG_DPI). */
  dpi?: number;
}

export async function writeReport(dir: string, options: ReportOptions = {}): Promise<ReportOutput> {
  // A sensitivity folder's points are samples of a design: its charts and section are its own,
  // drawn from runs.csv, so its (large, uncommitted) summary and group tables may be absent.
  const descriptor = readDescriptor(dir);
  const folder = await readResultFolder(dir, { summaryRequired: descriptor === undefined });
  const all = withGroupRows(folder.summary, folder.groups);
  const resources = resourceSection(folder.manifest, all, folder.runs, folder.resources);
  // The resources' own summary rows have their chart and list; the rest of the page leaves them out.
  const summary = all.filter((r) => !resources.resourceMetrics.has(r.metric));
  const sensitivity = descriptor === undefined ? undefined : sensitivityPart(descriptor, folder.runs);
  const selection = sensitivity?.selection ?? chooseCharts(folder.manifest, summary, folder.runs);
  // A calibration folder also charts the measured curve against the fit.
  const calibration = calibrationChart(dir, folder.manifest.charts?.[0]?.y ?? 'metric');
  if (calibration !== undefined) selection.charts.unshift(calibration);
  // A sensitivity design's samples are not points a reader compares one by one: no per-sample
  // utilisation panels or binding list there (resources.csv has them).
  const perPoint = sensitivity === undefined;
  const charts =
    resources.chart === undefined || !perPoint ? selection.charts : [...selection.charts, resources.chart];
  const chartsDir = join(dir, 'charts');
  defaultWriter.makeDirectory(chartsDir);
  const assetsDir = options.assetsDir ?? join(dir, 'assets');
  defaultWriter.makeDirectory(assetsDir);
  const notes = [...selection.skipped];
  const drawn: NamedChart[] = [];
  const chartFiles: AtomicFile[] = [];
  for (const chart of charts) {
    // A chart that cannot be drawn is reported on the page, not fatal: the results stand.
    try {
      const warnings = await drawChart(chartsDir, chart, chartFiles, options.dpi);
      drawn.push(chart);
      notes.push(...warnings.map((w) => `chart ${chart.name}: ${w}`));
    } catch (e) {
      notes.push(`chart ${chart.name} not drawn: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  // Every chart file and script in one batch: flushed together (two fsyncs per file, one
  // after another, cost ≈ 0.25 s for a small report's 30 files on a busy disk).
  const scripts = await vegaAssets(dir, assetsDir, chartFiles);
  await defaultWriter.writeAtomicAll(chartFiles);
  await removeStaleCharts(chartsDir, new Set(drawn.map((c) => c.name)));
  const files = new Set(await readdir(dir));
  // A sensitivity page links only its committed tables (.gitignore keeps its per-sample
  // summary and groups out), so it is the same page whether or not they were written here.
  if (sensitivity !== undefined) for (const f of UNCOMMITTED_SENSITIVITY_TABLES) files.delete(f);
  const warnings = [...(folder.manifest.warnings ?? []), ...notes];
  const notCharted = selection.notCharted;
  const page = {
    manifest: folder.manifest,
    charts: drawn,
    notCharted,
    scripts,
    warnings,
    summary,
    // An expectation may name a metric that is also a resource's (invalidation_queue_util).
    findingsSummary: all,
    runs: folder.runs,
    files,
    bindingHtml: perPoint ? resources.bindingHtml : '',
    paramColumns: folder.paramColumns,
  };
  const reportPath = join(dir, 'report.html');
  const extra = sensitivity === undefined ? {} : { section: sensitivity.section(files) };
  writeFileAtomic(reportPath, reportHtml({ ...page, ...extra }));
  return { reportPath, charts: drawn.map((c) => c.name) };
}

/**
 * A sensitivity folder's charts and section, from its descriptor and runs.csv (the same
 * numbers as the journal: the CSV holds round-trip text), so a fresh clone re-renders it.
 */
function sensitivityPart(descriptor: SensitivityDescriptor, runs: readonly RunRow[]) {
  const result = analyseSensitivity(
    descriptor,
    runs.map((row) => ({ point: Number(row.point), output: { metrics: row } })),
  );
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

/** Renders a chart and adds its three files to `files`; resolves to the Vega-Lite compiler's warnings. */
async function drawChart(
  chartsDir: string,
  chart: NamedChart,
  files: AtomicFile[],
  dpi?: number,
): Promise<string[]> {
  const rendered = await renderChart(chart.spec, dpi);
  const base = join(chartsDir, chart.name);
  files.push(
    { path: `${base}.vl.json`, data: `${JSON.stringify(chart.spec, null, 2)}\n` },
    { path: `${base}.svg`, data: rendered.svg },
    { path: `${base}.png`, data: rendered.png },
  );
  return rendered.warnings;
}

async function removeStaleCharts(chartsDir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const file of await readdir(chartsDir)) {
    const ext = CHART_EXTENSIONS.find((e) => file.endsWith(e));
    if (ext !== undefined && !keep.has(file.slice(0, -ext.length)))
      defaultWriter.remove(join(chartsDir, file));
  }
}
