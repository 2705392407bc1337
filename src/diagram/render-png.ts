import { Resvg } from '@resvg/resvg-js';
import { layoutDiagram } from './diagram-layout.ts';
import type { DiagramModel } from './diagram-model.ts';
import { diagramSvg } from './diagram-svg.ts';
import type { DiagramFonts } from './diagram-layout.ts';
import { fontFamily, fontFiles, loadFontMetrics } from './font-metrics.ts';

/**
 * The diagram renderer. Import it with `await import(...)`: dagre and resvg load only when a
 * diagram is drawn, so start-up and every other turn do not pay for them.
 */

/** No picture is narrower than this, so a chat preview stays legible. */
export const minWidthPx = 800;
/** A wide architecture is scaled down to this width rather than sent as a banner nobody can read. */
const maxWidthPx = 2000;

let fonts: DiagramFonts | undefined;

export interface RenderedDiagram {
  png: Buffer;
  svg: string;
  width: number;
  height: number;
}

/** Lays out, draws and rasterizes a diagram to PNG in the shipped font (no system fonts, no browser). */
export function renderDiagram(model: DiagramModel): RenderedDiagram {
  fonts ??= { regular: loadFontMetrics(fontFiles.regular), bold: loadFontMetrics(fontFiles.bold) };
  const layout = layoutDiagram(model, fonts);
  const svg = diagramSvg(layout);
  const width = Math.round(Math.min(maxWidthPx, Math.max(minWidthPx, layout.width)));
  // The PNG is drawn from the outline version: the same picture with no text left for resvg to shape.
  const resvg = new Resvg(diagramSvg(layout, { outlines: fonts }), {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: [fontFiles.regular, fontFiles.bold], defaultFontFamily: fontFamily, sansSerifFamily: fontFamily },
  });
  const image = resvg.render();
  return { png: image.asPng(), svg, width: image.width, height: image.height };
}
