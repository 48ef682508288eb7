import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A chart's static renderings. */
export interface RenderedChart {
  svg: string;
  png: Uint8Array;
  /** Vega-Lite compiler warnings (e.g. an encoding it dropped); empty for a clean spec. */
  warnings: string[];
}

/**
 * PNG scale factor: 2× keeps text crisp on high-density screens and in slides, at a file size
 * (~50–150 kB) still fine to commit next to the results.
 */
const PNG_ZOOM = 2;

/** Vega-Lite → Vega → SVG text, headless (renderer 'none': no canvas package needed). */
export async function renderSvg(spec: TopLevelSpec, warnings: string[] = []): Promise<string> {
  const vega = compile(spec, { logger: collectingLogger(warnings) }).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * SVG → PNG with resvg and the DejaVu TTFs of the npm package `dejavu-fonts-ttf`. System fonts
 * are not loaded: without them text would render differently per machine, and without any
 * font resvg silently drops all text.
 */
export function renderPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
    background: 'white',
    font: {
      fontFiles: dejavuFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      serifFamily: 'DejaVu Serif',
      monospaceFamily: 'DejaVu Sans Mono',
    },
  });
  return resvg.render().asPng();
}

/** Both renderings of a spec. The SVG is byte-identical for equal specs. */
export async function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, warnings);
  return { svg, png: renderPng(svg), warnings };
}

let fontFiles: string[] | undefined;

/** The DejaVu TTF paths (Sans, Serif, Mono and their styles), found once. */
export function dejavuFontFiles(): string[] {
  if (fontFiles === undefined) {
    // The package has no entry point to resolve; the font files themselves are resolvable.
    const dir = dirname(fileURLToPath(import.meta.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
    fontFiles = readdirSync(dir)
      .filter((f) => f.endsWith('.ttf') && !f.includes('MathTeX'))
      .sort()
      .map((f) => join(dir, f));
  }
  return fontFiles;
}

/** A Vega logger that records messages instead of printing them to the console. */
function collectingLogger(sink: string[]) {
  let level = 0;
  const record =
    (kind: string) =>
    (...args: readonly unknown[]) => {
      sink.push(`${kind}: ${args.map(String).join(' ')}`);
      return logger;
    };
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error: record('error'),
    warn: record('warn'),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
