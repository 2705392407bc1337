import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { glyphOutlineReader } from './glyph-outlines.ts';

/** The fonts the diagram is drawn in, shipped as an npm package so no system font is needed. */
const require = createRequire(import.meta.url);
export const fontFiles = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;
export const fontFamily = 'DejaVu Sans';

/** Measures text in one TrueType font: advance widths only (no kerning, so a measure errs a little wide). */
export interface FontMetrics {
  width(text: string, sizePx: number): number;
  /**
   * The text drawn as SVG path data, its origin on the baseline at x = 0, laid out by the same
   * advance widths `width` measures (so a drawn line is exactly as wide as the layout planned).
   */
  outline(text: string, sizePx: number): string;
}

function table(data: DataView, tag: string): number {
  const count = data.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const name = String.fromCharCode(data.getUint8(at), data.getUint8(at + 1), data.getUint8(at + 2), data.getUint8(at + 3));
    if (name === tag) return data.getUint32(at + 8);
  }
  throw new Error(`font has no ${tag} table`);
}

/** The glyph of each BMP code point, read from the cmap's Unicode format-4 subtable. */
function glyphLookup(data: DataView): (code: number) => number {
  const cmap = table(data, 'cmap');
  let sub = -1;
  for (let i = 0; i < data.getUint16(cmap + 2); i++) {
    const at = cmap + 4 + i * 8;
    const platform = data.getUint16(at);
    const encoding = data.getUint16(at + 2);
    const offset = cmap + data.getUint32(at + 4);
    if ((platform === 3 && encoding === 1) || platform === 0) {
      if (data.getUint16(offset) === 4) sub = offset;
    }
  }
  if (sub < 0) throw new Error('font has no Unicode format-4 cmap');
  const segments = data.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (code) => {
    for (let i = 0; i < segments; i++) {
      if (data.getUint16(ends + i * 2) < code) continue;
      const start = data.getUint16(starts + i * 2);
      if (start > code) return 0;
      const delta = data.getInt16(deltas + i * 2);
      const rangeAt = rangeOffsets + i * 2;
      const range = data.getUint16(rangeAt);
      if (range === 0) return (code + delta) & 0xffff;
      const glyph = data.getUint16(rangeAt + range + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Reads the advance widths and glyph outlines of a TrueType file (head, hhea, hmtx, cmap, maxp, loca, glyf tables). */
export function loadFontMetrics(path: string): FontMetrics {
  const bytes = readFileSync(path);
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unitsPerEm = data.getUint16(table(data, 'head') + 18);
  const metricsCount = data.getUint16(table(data, 'hhea') + 34);
  const hmtx = table(data, 'hmtx');
  const glyphOf = glyphLookup(data);
  const advance = (glyph: number) => data.getUint16(hmtx + Math.min(glyph, metricsCount - 1) * 4);
  const cache = new Map<number, { glyph: number; units: number }>();
  const glyphAt = (code: number): { glyph: number; units: number } => {
    let known = cache.get(code);
    if (known === undefined) {
      const glyph = code > 0xffff ? 0 : glyphOf(code);
      known = { glyph, units: advance(glyph) };
      cache.set(code, known);
    }
    return known;
  };
  const outlineOf = glyphOutlineReader(data, {
    glyf: table(data, 'glyf'),
    loca: table(data, 'loca'),
    longOffsets: data.getInt16(table(data, 'head') + 50) === 1,
    numGlyphs: data.getUint16(table(data, 'maxp') + 4),
  });
  return {
    width(text, sizePx) {
      let units = 0;
      for (const ch of text) units += glyphAt(ch.codePointAt(0)!).units;
      return (units / unitsPerEm) * sizePx;
    },
    outline(text, sizePx) {
      const scale = sizePx / unitsPerEm;
      const parts: string[] = [];
      let x = 0;
      for (const ch of text) {
        const { glyph, units } = glyphAt(ch.codePointAt(0)!);
        parts.push(outlineOf(glyph, x, scale));
        x += units * scale;
      }
      return parts.join('');
    },
  };
}
