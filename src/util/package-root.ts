/**
 * The folder holding vdpascale's package.json: the nearest one above this module, wherever the
 * code runs from (src/ under tsx, dist/ from tsc, the bundle in dist/bundle/), so that files
 * beside the package (bin/, package.json) are found without counting directory levels.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function nearestPackage(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = nearestPackage(dirname(fileURLToPath(import.meta.url)));
