import type { DiagramFonts, DiagramLayout, PlacedBox, PlacedEdge, TextLine } from './diagram-layout.ts';
import { stackOffset } from './diagram-layout.ts';
import type { NodeGroup } from './diagram-model.ts';
import { fontFamily } from './font-metrics.ts';

/** Fill and border of each kind of box. */
const palette: Record<NodeGroup, { fill: string; stroke: string }> = {
  client: { fill: '#f1f3f5', stroke: '#868e96' },
  edge: { fill: '#e7f5ff', stroke: '#1c7ed6' },
  compute: { fill: '#edf2ff', stroke: '#4c6ef5' },
  store: { fill: '#ebfbee', stroke: '#2f9e44' },
  cache: { fill: '#fff4e6', stroke: '#e8590c' },
  log: { fill: '#f3f0ff', stroke: '#7048e8' },
  analytics: { fill: '#e6fcf5', stroke: '#0c8599' },
  coordination: { fill: '#fff9db', stroke: '#f08c00' },
  other: { fill: '#f8f9fa', stroke: '#495057' },
};
const tones: Record<TextLine['tone'], string> = { strong: '#212529', normal: '#343a40', muted: '#5c636a' };

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  // XML 1.0 forbids control characters other than tab, newline and carriage return: drop them.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const px = (n: number) => Number(n.toFixed(1));

/** Draws one line of text with its baseline at y, starting at x or centred on it. */
type Pen = (line: TextLine, x: number, y: number, anchor?: 'start' | 'middle', fill?: string) => string;

/** Text as SVG <text> elements, for a picture people open and select text in. */
const textPen: Pen = (line, x, y, anchor = 'middle', fill = tones[line.tone]) => {
  const weight = line.bold ? ' font-weight="bold"' : '';
  return `<text x="${px(x)}" y="${px(y)}" font-size="${line.size}"${weight} fill="${fill}" text-anchor="${anchor}">${escapeXml(line.text)}</text>`;
};

/** Text as the font's glyph outlines, for rasterizing: resvg then has no text to shape. */
function outlinePen(fonts: DiagramFonts): Pen {
  return (line, x, y, anchor = 'middle', fill = tones[line.tone]) => {
    const font = line.bold ? fonts.bold : fonts.regular;
    const left = anchor === 'middle' ? x - font.width(line.text, line.size) / 2 : x;
    const d = font.outline(line.text, line.size);
    return d === '' ? '' : `<path transform="translate(${px(left)} ${px(y)})" fill="${fill}" d="${d}"/>`;
  };
}

/** A count in a pill centred on (x, y): how many nodes a box stands for, or regions a frame. */
function badge(pen: Pen, label: string, x: number, y: number, color: string): string {
  const width = 10 + label.length * 8;
  return (
    `<rect x="${px(x - width / 2)}" y="${px(y - 9)}" width="${width}" height="18" rx="9" fill="${color}"/>` +
    pen({ text: label, size: 12, bold: true, tone: 'strong' }, x, y + 4.5, 'middle', '#ffffff')
  );
}

function box(pen: Pen, b: PlacedBox): string {
  const { fill, stroke } = palette[b.node.group];
  const stacked = b.node.count > 1;
  const w = stacked ? b.width - 2 * stackOffset : b.width;
  const h = stacked ? b.height - 2 * stackOffset : b.height;
  const parts: string[] = [];
  if (stacked) {
    for (const k of [2, 1]) {
      parts.push(`<rect x="${px(b.x + k * stackOffset)}" y="${px(b.y + k * stackOffset)}" width="${px(w)}" height="${px(h)}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="1.2"/>`);
    }
  }
  parts.push(`<rect x="${px(b.x)}" y="${px(b.y)}" width="${px(w)}" height="${px(h)}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="1.8"/>`);
  if (stacked) parts.push(badge(pen, `×${b.node.count.toLocaleString('en-US')}`, b.x + w - 4, b.y, stroke));
  const total = b.lines.reduce((sum, l) => sum + l.size + 4, -4);
  let y = b.y + (h - total) / 2;
  for (const line of b.lines) {
    y += line.size;
    parts.push(pen(line, b.x + w / 2, y - line.size * 0.18));
    y += 4;
  }
  return parts.join('');
}

function edge(pen: Pen, e: PlacedEdge): string {
  if (e.points.length < 2) return '';
  const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.x)},${px(p.y)}`).join(' ');
  const parts = [`<path d="${d}" fill="none" stroke="#495057" stroke-width="1.6" marker-end="url(#arrow)"/>`];
  if (e.label) {
    const { x, y, width, height } = e.label;
    parts.push(`<rect x="${px(x - width / 2)}" y="${px(y - height / 2)}" width="${px(width)}" height="${px(height)}" rx="4" fill="#ffffff" stroke="#dee2e6"/>`);
    parts.push(pen({ text: e.label.text, size: 12, bold: false, tone: 'normal' }, x, y + 4));
  }
  return parts.join('');
}

/**
 * The diagram as a standalone SVG document drawn in the shipped font: its text as text, or, with
 * `outlines`, as the font's glyph outlines (what the PNG renderer draws).
 */
export function diagramSvg(layout: DiagramLayout, options: { outlines?: DiagramFonts } = {}): string {
  const text = options.outlines ? outlinePen(options.outlines) : textPen;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${fontFamily}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#495057"/></marker></defs>',
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    text(layout.title, 28, 28 + layout.title.size, 'start'),
  ];
  const f = layout.frame;
  if (f) {
    parts.push(`<rect x="${px(f.x)}" y="${px(f.y)}" width="${px(f.width)}" height="${px(f.height)}" rx="12" fill="#fcfcfd" stroke="#868e96" stroke-width="1.4" stroke-dasharray="6 4"/>`);
    parts.push(text({ text: f.label, size: 13, bold: true, tone: 'muted' }, f.x + 14, f.y + 22, 'start'));
    if (f.regions > 1) parts.push(badge(text, `×${f.regions}`, f.x + f.width - 6, f.y, '#495057'));
  }
  for (const e of layout.edges) parts.push(edge(text, e));
  for (const b of layout.boxes) parts.push(box(text, b));
  parts.push(text({ text: layout.legend, size: 12, bold: false, tone: 'muted' }, 28, layout.height - 16, 'start'));
  parts.push('</svg>');
  return parts.join('\n');
}
