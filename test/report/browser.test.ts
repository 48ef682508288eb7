import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
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
interface PageElement {
  dataset: Record<string, string | undefined>;
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): { length: number };
}
interface PageDocument {
  body: { dataset: Record<string, string | undefined> };
  querySelectorAll(selector: string): Iterable<PageElement>;
}

let root: string | undefined;
afterAll(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('report.html in headless chromium', () => {
  it('renders every chart offline without errors', async (ctx) => {
    if (!existsSync(CHROMIUM)) {
      const why = `${CHROMIUM} is missing: run scripts/install-browser.sh`;
      if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${why}`);
      ctx.skip(why);
    }
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
      await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { document: PageDocument }).document.body.dataset.chartsRendered !==
          undefined,
        null,
        {
          timeout: 60_000,
        },
      );

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
