/**
 * Text widths of the DejaVu fonts the static renderer draws with, read from the TrueType files
 * themselves (cmap → glyph → advance width in hmtx). Without a canvas, Vega estimates every
 * character as 0.8 em wide — half again too wide for DejaVu Sans — so static charts got
 * truncated labels ("managed-ca…") and wide empty margins sized for text that is not there.
 * Kerning is ignored: it shifts a label by a pixel or two, well inside the padding.
 */
import { readFileSync } from 'node:fs';

/** Advance widths in em of one font face: code point → width. */
export interface FontWidths {
  widthOf(codePoint: number): number;
}

/** Widths of the BMP characters of a TrueType file, through its (3,1) format-4 cmap subtable. */
export function readFontWidths(file: string): FontWidths {
  const font = readFileSync(file);
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    tables.set(font.toString('latin1', at, at + 4), font.readUInt32BE(at + 8));
  }
  const offset = (tag: string) => {
    const o = tables.get(tag);
    if (o === undefined) throw new Error(`${file}: no '${tag}' table`);
    return o;
  };
  const unitsPerEm = font.readUInt16BE(offset('head') + 18);
  const metrics = font.readUInt16BE(offset('hhea') + 34);
  const hmtx = offset('hmtx');
  const advance = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1)) / unitsPerEm;
  const glyphOf = bmpCmap(font, offset('cmap'), file);
  const cache = new Map<number, number>();
  return {
    widthOf(codePoint: number): number {
      let w = cache.get(codePoint);
      if (w === undefined) {
        w = advance(glyphOf(codePoint));
        cache.set(codePoint, w);
      }
      return w;
    },
  };
}

/** The glyph lookup of the Windows Unicode BMP (platform 3, encoding 1) format-4 subtable. */
function bmpCmap(font: Buffer, cmap: number, file: string): (codePoint: number) => number {
  const subtables = font.readUInt16BE(cmap + 2);
  let table = -1;
  for (let i = 0; i < subtables; i++) {
    const at = cmap + 4 + 8 * i;
    if (font.readUInt16BE(at) === 3 && font.readUInt16BE(at + 2) === 1)
      table = cmap + font.readUInt32BE(at + 4);
  }
  if (table < 0 || font.readUInt16BE(table) !== 4) throw new Error(`${file}: no format-4 Unicode cmap`);
  const segments = font.readUInt16BE(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (codePoint > font.readUInt16BE(ends + 2 * s)) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (codePoint < start) return 0;
      const delta = font.readInt16BE(deltas + 2 * s);
      const rangeAt = rangeOffsets + 2 * s;
      const range = font.readUInt16BE(rangeAt);
      if (range === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeAt + range + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Width in px of `text` set in `faces` at `fontSize` px. */
export function textWidth(face: FontWidths, text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += face.widthOf(ch.codePointAt(0) ?? 0);
  return em * fontSize;
}
