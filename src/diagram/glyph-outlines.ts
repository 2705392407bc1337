/**
 * Glyph outlines of a TrueType font (the `glyf` and `loca` tables), so the diagram's text can be
 * drawn as paths. resvg shapes every <text> element against the font file anew (about a
 * millisecond each), which made text most of a diagram's cost; a path costs it nothing.
 */

/** One point of a glyph contour in font units; `on` is false for a quadratic control point. */
interface Point {
  x: number;
  y: number;
  on: boolean;
}

type Contour = Point[];

/** Where the glyph tables start and how `loca` is laid out. */
export interface GlyphTables {
  glyf: number;
  loca: number;
  /** True when `loca` holds 32-bit offsets (head.indexToLocFormat = 1). */
  longOffsets: boolean;
  numGlyphs: number;
}

// Flags of a simple glyph's points and of a composite glyph's components (TrueType `glyf` table).
const onCurve = 0x01;
const xShort = 0x02;
const yShort = 0x04;
const repeat = 0x08;
const xSameOrPositive = 0x10;
const ySameOrPositive = 0x20;
const argsAreWords = 0x0001;
const argsAreXY = 0x0002;
const hasScale = 0x0008;
const moreComponents = 0x0020;
const hasXYScale = 0x0040;
const hasTwoByTwo = 0x0080;
/** Composite glyphs nest; a font that nests deeper than this is broken, not drawn. */
const maxDepth = 8;

function glyphRange(data: DataView, t: GlyphTables, glyph: number): [number, number] {
  if (glyph < 0 || glyph >= t.numGlyphs) return [0, 0];
  if (t.longOffsets) return [data.getUint32(t.loca + glyph * 4), data.getUint32(t.loca + glyph * 4 + 4)];
  return [data.getUint16(t.loca + glyph * 2) * 2, data.getUint16(t.loca + glyph * 2 + 2) * 2];
}

function simpleContours(data: DataView, at: number, contourCount: number): Contour[] {
  const ends: number[] = [];
  for (let i = 0; i < contourCount; i++) ends.push(data.getUint16(at + 10 + i * 2));
  const pointCount = contourCount === 0 ? 0 : ends[contourCount - 1]! + 1;
  let p = at + 10 + contourCount * 2;
  p += 2 + data.getUint16(p); // skip the hinting instructions
  const flags: number[] = [];
  while (flags.length < pointCount) {
    const flag = data.getUint8(p++);
    flags.push(flag);
    if (flag & repeat) {
      for (let n = data.getUint8(p++); n > 0; n--) flags.push(flag);
    }
  }
  const coordinates = (short: number, sameOrPositive: number): number[] => {
    const out: number[] = [];
    let value = 0;
    for (const flag of flags.slice(0, pointCount)) {
      if (flag & short) {
        const delta = data.getUint8(p++);
        value += flag & sameOrPositive ? delta : -delta;
      } else if (!(flag & sameOrPositive)) {
        value += data.getInt16(p);
        p += 2;
      }
      out.push(value);
    }
    return out;
  };
  const xs = coordinates(xShort, xSameOrPositive);
  const ys = coordinates(yShort, ySameOrPositive);
  const contours: Contour[] = [];
  let start = 0;
  for (const end of ends) {
    const contour: Contour = [];
    for (let i = start; i <= end; i++) contour.push({ x: xs[i]!, y: ys[i]!, on: (flags[i]! & onCurve) !== 0 });
    contours.push(contour);
    start = end + 1;
  }
  return contours;
}

function f2dot14(data: DataView, at: number): number {
  return data.getInt16(at) / 16384;
}

function glyphContours(data: DataView, t: GlyphTables, glyph: number, depth: number): Contour[] {
  const [from, to] = glyphRange(data, t, glyph);
  if (to <= from || depth > maxDepth) return [];
  const at = t.glyf + from;
  const contourCount = data.getInt16(at);
  if (contourCount >= 0) return simpleContours(data, at, contourCount);
  const contours: Contour[] = [];
  let p = at + 10;
  let flags: number;
  do {
    flags = data.getUint16(p);
    const component = data.getUint16(p + 2);
    p += 4;
    let dx = 0;
    let dy = 0;
    if (flags & argsAreWords) {
      if (flags & argsAreXY) [dx, dy] = [data.getInt16(p), data.getInt16(p + 2)];
      p += 4;
    } else {
      if (flags & argsAreXY) [dx, dy] = [data.getInt8(p), data.getInt8(p + 1)];
      p += 2;
    }
    let [a, b, c, d] = [1, 0, 0, 1];
    if (flags & hasScale) {
      a = d = f2dot14(data, p);
      p += 2;
    } else if (flags & hasXYScale) {
      [a, d] = [f2dot14(data, p), f2dot14(data, p + 2)];
      p += 4;
    } else if (flags & hasTwoByTwo) {
      [a, b, c, d] = [f2dot14(data, p), f2dot14(data, p + 2), f2dot14(data, p + 4), f2dot14(data, p + 6)];
      p += 8;
    }
    for (const contour of glyphContours(data, t, component, depth + 1)) {
      contours.push(contour.map((q) => ({ x: a * q.x + c * q.y + dx, y: b * q.x + d * q.y + dy, on: q.on })));
    }
  } while (flags & moreComponents);
  return contours;
}

/**
 * A glyph's outline as SVG path data in font units with y pointing down (the SVG way), its origin
 * on the baseline: quadratic curves through the on-curve points, with the implied on-curve point
 * between two control points made explicit.
 */
function contourPath(contour: Contour, x0: number, scale: number): string {
  if (contour.length === 0) return '';
  const at = (q: { x: number; y: number }) => `${(x0 + q.x * scale).toFixed(1)} ${(-q.y * scale).toFixed(1)}`;
  const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, on: true });
  const first = contour.findIndex((q) => q.on);
  // A contour of control points only starts at the implied point between the first two.
  const start = first >= 0 ? contour[first]! : mid(contour[0]!, contour[1 % contour.length]!);
  const rest = first >= 0 ? [...contour.slice(first + 1), ...contour.slice(0, first)] : [...contour.slice(1), contour[0]!];
  const parts = [`M${at(start)}`];
  let control: Point | undefined;
  for (const q of [...rest, start]) {
    if (q.on) {
      parts.push(control ? `Q${at(control)} ${at(q)}` : `L${at(q)}`);
      control = undefined;
    } else if (control) {
      const implied = mid(control, q);
      parts.push(`Q${at(control)} ${at(implied)}`);
      control = q;
    } else {
      control = q;
    }
  }
  parts.push('Z');
  return parts.join('');
}

/** Builds the outline reader of one font: glyph contours are parsed once and kept. */
export function glyphOutlineReader(data: DataView, tables: GlyphTables): (glyph: number, x0: number, scale: number) => string {
  const cache = new Map<number, Contour[]>();
  return (glyph, x0, scale) => {
    let contours = cache.get(glyph);
    if (!contours) {
      try {
        contours = glyphContours(data, tables, glyph, 0);
      } catch (err) {
        // A glyph that points outside the font (a damaged file) is drawn as nothing, not a crash.
        if (!(err instanceof RangeError)) throw err;
        contours = [];
      }
      cache.set(glyph, contours);
    }
    return contours.map((c) => contourPath(c, x0, scale)).join('');
  };
}
