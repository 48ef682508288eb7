import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AtomicFile } from '../file-writer.js';

/**
 * The UMD builds the report page loads, in load order: vega-lite's build expects the global
 * `vega`, vega-embed's expects `vega` and `vegaLite`. Each sits next to its package's main
 * entry; the packages' `exports` hide package.json, so the entry is the anchor.
 */
const UMD_BUILDS = [
  { specifier: 'vega', file: 'vega.min.js' },
  { specifier: 'vega-lite', file: 'vega-lite.min.js' },
  { specifier: 'vega-embed', file: 'vega-embed.min.js' },
] as const;

/** Folder under the result folder that holds the scripts, so the page works offline from file://. */
export const ASSETS_DIR = 'assets';

/**
 * The UMD builds' copies in `assetsDir` (default `<dir>/assets/`), added to `files` for the
 * caller to write in one batch with the charts; returns their paths relative to `dir`, in load
 * order, as URL paths. A shared `assetsDir` lets many committed result folders use one copy
 * (~0.8 MB) instead of one each.
 */
export async function vegaAssets(
  dir: string,
  assetsDir: string = join(dir, ASSETS_DIR),
  files: AtomicFile[] = [],
): Promise<string[]> {
  const copied: string[] = [];
  for (const { specifier, file } of UMD_BUILDS) {
    const source = join(dirname(fileURLToPath(import.meta.resolve(specifier))), file);
    files.push({ path: join(assetsDir, file), data: await readFile(source) });
    copied.push(relative(dir, join(assetsDir, file)).split(sep).join('/'));
  }
  return copied;
}
