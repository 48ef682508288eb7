// Bundles the compiled CLI (dist/, from tsc) into dist/bundle/ for bin/vdpascale.js: one file
// per entry plus shared chunks, so that starting the command reads a few files instead of
// resolving and loading ≈ 250 modules one by one (≈ 40 % of a trivial run's wall time;
// bench/cli-bench.ts measures it). The code is tsc's output unchanged, only concatenated.
// Kept external: the report's charting stack (loaded only to draw a report; vega-embed and the
// fonts are located by path), the native SVG renderer, and piscina (its worker threads load
// their own files).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
// Chunk names carry a content hash: the previous build's chunks go first.
rmSync(`${root}dist/bundle`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'dist/cli/main.js', 'run-worker': 'dist/runner/run-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['vega', 'vega-lite', 'vega-embed', 'dejavu-fonts-ttf', '@resvg/resvg-js', 'piscina'],
  // CommonJS packages (yaml) call require(); ESM output provides it.
  banner: {
    js: "import { createRequire as __vdpascaleRequire } from 'node:module';\nconst require = __vdpascaleRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
