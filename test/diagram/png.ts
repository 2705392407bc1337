import { expect } from 'vitest';
import type { DiagramLayout } from '../../src/diagram/diagram-layout.ts';

/** The width and height in a PNG's header; throws when the bytes are no PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

interface Rect {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Fails when two boxes, two arrow labels, or a box and a label share any area, or anything leaves the canvas. */
export function expectNoOverlaps(layout: DiagramLayout): void {
  const rects: Rect[] = [
    ...layout.boxes.map((b) => ({ name: b.node.id, x: b.x, y: b.y, width: b.width, height: b.height })),
    ...layout.edges.flatMap((e) => (e.label ? [{ name: `label ${e.label.text}`, x: e.label.x - e.label.width / 2, y: e.label.y - e.label.height / 2, width: e.label.width, height: e.label.height }] : [])),
  ];
  for (const [i, a] of rects.entries()) {
    expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= layout.width && a.y + a.height <= layout.height, `${a.name} inside the canvas`).toBe(true);
    for (const b of rects.slice(i + 1)) expect(overlap(a, b), `${a.name} overlaps ${b.name}`).toBe(false);
  }
  const frame = layout.frame;
  if (frame) {
    for (const b of layout.boxes.filter((x) => x.node.global)) {
      expect(overlap({ name: 'frame', ...frame }, { name: b.node.id, x: b.x, y: b.y, width: b.width, height: b.height }), `${b.node.id} crosses the region frame`).toBe(false);
    }
  }
}
