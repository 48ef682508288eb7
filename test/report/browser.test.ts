import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/output/report/index.js';
import { writeSyntheticResult } from './synthetic-result.js';

/**
 * The report in a real browser, offline from file://: every chart must draw marks, with no
 * console error and no failed request. Uses Debian's chromium (scripts/install-browser.sh);
 * never downloads a browser. Skips when it is missing, unless REQUIRE_BROWSER=1 (CI).
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = resolve('test-artifacts/report.png');

/**
 * The little of the DOM the page functions use: the project compiles without the DOM lib.
 * Page functions are serialized into the browser, so each one reaches `document` itself.
 */
interface Box {
  left: number;
  right: number;
  width: number;
}
interface PageElement {
  dataset: Record<string, string | undefined>;
  clientWidth: number;
  closest(selector: string): PageElement | null;
  getBoundingClientRect(): Box;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
}
interface PageDocument {
  body: { dataset: Record<string, string | undefined> };
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
}

/** Skips without Debian's chromium, unless CI requires the browser tests (REQUIRE_BROWSER=1). */
function skipWithoutChromium(ctx: { skip(why: string): void }): void {
  if (existsSync(CHROMIUM)) return;
  const why = `${CHROMIUM} is missing: run scripts/install-browser.sh`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${why}`);
  ctx.skip(why);
}

/** Opens a report from file:// and waits until the page says every chart was embedded. */
async function openRendered(page: Page, reportPath: string): Promise<void> {
  await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { document: PageDocument }).document.body.dataset.chartsRendered !==
      undefined,
    null,
    { timeout: 60_000 },
  );
}

let root: string | undefined;
afterAll(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('report.html in headless chromium', () => {
  it('renders every chart offline without errors', async (ctx) => {
    skipWithoutChromium(ctx);
    root = await mkdtemp(join(tmpdir(), 'vdpascale-browser-'));
    const dir = await writeSyntheticResult(root, 'scale-transports');
    const { reportPath, charts } = await writeReport(dir);
    expect(charts.length).toBeGreaterThan(0);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1320, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) =>
        problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`),
      );
      await openRendered(page, reportPath);

      const state = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: PageDocument }).document;
        return {
          rendered: Number(doc.body.dataset.chartsRendered),
          failed: Number(doc.body.dataset.chartsFailed),
          // Data marks are the children of vega's `role-mark` groups (axes, legends and titles
          // have their own roles), so a chart that drew no data shows 0 here.
          marks: [...doc.querySelectorAll('div.vega')].map((div) => ({
            name: div.dataset.name ?? '',
            svg: div.querySelector('svg') !== null,
            marks: div.querySelectorAll('svg g.role-mark > *').length,
          })),
        };
      });
      await mkdir(join(SCREENSHOT, '..'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      expect(problems).toEqual([]);
      expect(state.failed).toBe(0);
      expect(state.rendered).toBe(charts.length);
      expect(state.marks.map((m) => m.name)).toEqual(charts);
      for (const chart of state.marks) {
        expect(chart.svg, chart.name).toBe(true);
        expect(chart.marks, chart.name).toBeGreaterThan(0);
      }
    } finally {
      await browser.close();
    }
  });
});

describe('chart geometry in headless chromium', () => {
  it('keeps every legend within its chart and every chart within the page', async (ctx) => {
    skipWithoutChromium(ctx);
    root ??= await mkdtemp(join(tmpdir(), 'vdpascale-browser-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      // Per-tenant charts with a color legend and facets (three panels a row), the cases that
      // used to push the legend off the right edge.
      for (const kind of ['adminq-qos', 'scale-transports'] as const) {
        const dir = await writeSyntheticResult(join(root, 'geometry'), kind);
        await checkGeometry(browser, (await writeReport(dir)).reportPath);
      }
    } finally {
      await browser.close();
    }
  });
});

/** Bounding boxes in the rendered page: legends inside their chart, charts inside their figure. */
async function checkGeometry(browser: Browser, reportPath: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1320, height: 900 } });
  await openRendered(page, reportPath);
  const geometry = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: PageDocument }).document;
    return {
      page: { scroll: doc.documentElement.scrollWidth, client: doc.documentElement.clientWidth },
      charts: [...doc.querySelectorAll('div.vega')].map((div) => {
        const svg = div.querySelector('svg');
        const box = svg?.getBoundingClientRect() ?? { left: 0, right: 0, width: 0 };
        const figure = div.closest('figure')?.clientWidth ?? 0;
        const legends = [...(svg?.querySelectorAll('g.role-legend') ?? [])].map((g) => {
          const b = g.getBoundingClientRect();
          return { left: b.left, right: b.right };
        });
        return {
          name: div.dataset.name ?? '',
          box: { left: box.left, right: box.right, width: box.width },
          figure,
          legends,
        };
      }),
    };
  });
  expect(geometry.page.scroll).toBeLessThanOrEqual(geometry.page.client);
  const withLegend = geometry.charts.filter((c) => c.legends.length > 0);
  expect(withLegend.length).toBeGreaterThan(0);
  for (const chart of geometry.charts) {
    // The figure never scrolls: the chart is no wider than its figure.
    expect(chart.box.width, chart.name).toBeLessThanOrEqual(chart.figure + 0.5);
    for (const legend of chart.legends) {
      expect(legend.left, chart.name).toBeGreaterThanOrEqual(chart.box.left - 0.5);
      expect(legend.right, chart.name).toBeLessThanOrEqual(chart.box.right + 0.5);
    }
  }
  await page.close();
}
