/**
 * The committed charts and reports must be what the current code draws from the committed
 * CSVs: each result folder is copied without its rendered files, re-rendered, and every chart
 * spec, SVG, PNG and report.html compared byte for byte (with the shared Vega scripts).
 * Refresh with `npm run reports` (re-renders only; `npm run studies` re-runs the simulations).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/output/report/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RESULTS = join(ROOT, 'results');
const ASSETS = 'assets';
const folders = existsSync(RESULTS)
  ? readdirSync(RESULTS).filter((name) => existsSync(join(RESULTS, name, 'manifest.json')))
  : [];
/** What `vdpascale report` writes; everything else in a folder is its input. */
const RENDERED = new Set(['charts', 'report.html', ASSETS]);
const REFRESH = 'refresh with: npm run reports';

const scratch = mkdtempSync(join(tmpdir(), 'vdpascale-fresh-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Relative paths of the files under `dir` (none when it is missing), sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

function expectSameFiles(committed: string, rendered: string, label: string): void {
  const names = filesUnder(committed);
  expect(names, `${label}: chart files (${REFRESH})`).toEqual(filesUnder(rendered));
  for (const name of names) {
    const same = readFileSync(join(committed, name)).equals(readFileSync(join(rendered, name)));
    expect(same, `${label}/${name} differs from a re-render of the committed CSVs (${REFRESH})`).toBe(true);
  }
}

describe('committed charts and reports are fresh', () => {
  it.each(folders)('results/%s', async (name) => {
    const copy = join(scratch, name);
    for (const entry of readdirSync(join(RESULTS, name))) {
      if (!RENDERED.has(entry)) cpSync(join(RESULTS, name, entry), join(copy, entry), { recursive: true });
    }
    await writeReport(copy, { assetsDir: join(scratch, ASSETS) });
    expectSameFiles(join(RESULTS, name, 'charts'), join(copy, 'charts'), `results/${name}/charts`);
    const page = readFileSync(join(copy, 'report.html'), 'utf8');
    expect(
      readFileSync(join(RESULTS, name, 'report.html'), 'utf8') === page,
      `results/${name}/report.html differs (${REFRESH})`,
    ).toBe(true);
  });

  it.runIf(folders.length > 0)('results/assets holds the installed Vega scripts', () => {
    // Written by the re-renders above (same file, so run after them).
    expectSameFiles(join(RESULTS, ASSETS), join(scratch, ASSETS), 'results/assets');
  });
});
