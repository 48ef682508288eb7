import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { type FontWidths, readFontWidths, textWidth } from './font-metrics.js';

/** A chart's static renderings. */
export interface RenderedChart {
  svg: string;
  png: Uint8Array;
  /** Vega-Lite compiler warnings (e.g. an encoding it dropped); empty for a clean spec. */
  warnings: string[];
}

/** CSS pixels per inch: an SVG's px are 1/96 in, so a PNG at zoom z holds 96·z dots per inch. */
const CSS_DPI = 96;

/**
 * Default PNG resolution: 192 dpi (2×) keeps text crisp on high-density screens and in slides,
 * at a file size (~50–150 kB) still fine to commit; `--dpi 300` for print.
 */
export const DEFAULT_PNG_DPI = 2 * CSS_DPI;

/** Vega-Lite → Vega → SVG text, headless (renderer 'none': no canvas package needed). */
export async function renderSvg(spec: TopLevelSpec, warnings: string[] = []): Promise<string> {
  useFontMetrics();
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
export function renderPng(svg: string, dpi = DEFAULT_PNG_DPI): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: dpi / CSS_DPI },
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
  return withResolution(resvg.render().asPng(), dpi);
}

/** Both renderings of a spec. The SVG is byte-identical for equal specs. */
export async function renderChart(spec: TopLevelSpec, dpi = DEFAULT_PNG_DPI): Promise<RenderedChart> {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, warnings);
  return { svg, png: renderPng(svg, dpi), warnings };
}

/**
 * The PNG with a pHYs chunk after IHDR, so that a paper or a slide places it at its size in
 * inches (resvg writes none, and viewers then assume 72 or 96 dpi).
 */
export function withResolution(png: Uint8Array, dpi: number): Uint8Array {
  const perMetre = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data.writeUInt8(1, 8); // unit: metre
  const type = Buffer.from('pHYs', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  // Signature (8 bytes), then IHDR: length 13 + type + data + CRC = 25 bytes.
  const afterIhdr = 8 + 25;
  const bytes = Buffer.from(png);
  return Buffer.concat([bytes.subarray(0, afterIhdr), chunk, bytes.subarray(afterIhdr)]);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 of PNG chunks (ISO 3309, the polynomial PNG's specification gives). */
function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

let faces: { regular: FontWidths; bold: FontWidths } | undefined;

/**
 * Vega measures text for layout (label limits, legend and axis room). Without a canvas it
 * guesses 0.8 em per character; this installs the widths of the DejaVu faces the PNG is drawn
 * with, through Vega's documented hook for headless renderers (`textMetrics.width`, as
 * vl-convert does). Library-wide but idempotent and deterministic: every static render in the
 * process measures text the same way.
 */
function useFontMetrics(): void {
  if (faces !== undefined) return;
  const dir = dirname(dejavuFontFiles()[0] as string);
  faces = {
    regular: readFontWidths(join(dir, 'DejaVuSans.ttf')),
    bold: readFontWidths(join(dir, 'DejaVuSans-Bold.ttf')),
  };
  const loaded = faces;
  // vega-scenegraph exports textMetrics at runtime; vega's typings leave it out.
  const { textMetrics } = vega as unknown as { textMetrics: { width: unknown } };
  textMetrics.width = (item: { fontSize?: number; fontWeight?: string | number }, text: string) => {
    const size = item.fontSize ?? 11;
    const weight = item.fontWeight;
    const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
    return textWidth(bold ? loaded.bold : loaded.regular, String(text ?? ''), size);
  };
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
