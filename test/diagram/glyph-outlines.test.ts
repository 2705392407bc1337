import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { layoutDiagram } from '../../src/diagram/diagram-layout.ts';
import { diagramModel } from '../../src/diagram/diagram-model.ts';
import { diagramSvg } from '../../src/diagram/diagram-svg.ts';
import { fontFamily, fontFiles, loadFontMetrics } from '../../src/diagram/font-metrics.ts';
import { feed, ledger } from './architectures.ts';

const fonts = { regular: loadFontMetrics(fontFiles.regular), bold: loadFontMetrics(fontFiles.bold) };
const resvgFonts = { loadSystemFonts: false, fontFiles: [fontFiles.regular, fontFiles.bold], defaultFontFamily: fontFamily, sansSerifFamily: fontFamily };

/** Dark pixels of a rendered picture, as a bitmap of booleans (RGBA, dark = mean channel below 128). */
function inked(svg: string): { dark: boolean[]; width: number } {
  const image = new Resvg(svg, { font: resvgFonts }).render();
  const px = image.pixels;
  const dark: boolean[] = [];
  for (let i = 0; i < px.length; i += 4) dark.push((px[i]! + px[i + 1]! + px[i + 2]!) / 3 < 128 && px[i + 3]! > 128);
  return { dark, width: image.width };
}

/** Share of the pixels inked in either picture that are inked in only one of them. */
function mismatch(a: boolean[], b: boolean[]): number {
  let either = 0;
  let one = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] || b[i]) either += 1;
    if (a[i] !== b[i]) one += 1;
  }
  return either === 0 ? 0 : one / either;
}

function line(text: string, bold: boolean, asPaths: boolean): string {
  const font = bold ? fonts.bold : fonts.regular;
  const body = asPaths
    ? `<path transform="translate(10 40)" fill="#000" d="${font.outline(text, 28)}"/>`
    : `<text x="10" y="40" font-size="28"${bold ? ' font-weight="bold"' : ''} font-family="${fontFamily}" fill="#000" style="font-kerning:none">${text}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="60"><rect width="900" height="60" fill="#fff"/>${body}</svg>`;
}

describe('text drawn as glyph outlines', () => {
  it('draws the same letters as resvg draws the font, plain, bold, accented (composite glyphs) and symbols', () => {
    for (const sample of ['Ledger store ×3', 'Queue → workers · 99.99%', 'Réplica façade Ωµ ñ Å', 'iiii WWWW 0123456789']) {
      for (const bold of [false, true]) {
        const text = inked(line(sample, bold, false));
        const paths = inked(line(sample, bold, true));
        expect(paths.dark.some(Boolean)).toBe(true);
        // Antialiasing at the edges differs a little (about 1 %); one wrong letter in six differs by 15 %.
        expect(mismatch(text.dark, paths.dark)).toBeLessThan(0.04);
      }
    }
  });

  it('a wrong glyph is caught by that comparison (the check can fail)', () => {
    const text = inked(line('Ledger', false, false));
    const other = inked(line('Lodgor', false, true));
    expect(mismatch(text.dark, other.dark)).toBeGreaterThan(0.04);
  });

  it('draws a character the font lacks as nothing, and an empty line as no element', () => {
    expect(fonts.regular.outline('', 12)).toBe('');
    expect(() => fonts.regular.outline('\u{1F600}\uE000', 12)).not.toThrow();
  });

  it('the diagram drawn from outlines matches the diagram drawn from text', () => {
    for (const [i, architecture] of [ledger, feed].entries()) {
      const layout = layoutDiagram(diagramModel(architecture, { title: `design ${i}`, regions: i + 1 }), fonts);
      // Without kerning, as the layout measures (the outlines use the advance widths alone).
      const withText = diagramSvg(layout).replace('<svg ', '<svg style="font-kerning:none" ');
      const withPaths = diagramSvg(layout, { outlines: fonts });
      expect(withPaths).not.toContain('<text');
      expect(mismatch(inked(withText).dark, inked(withPaths).dark)).toBeLessThan(0.04);
    }
  });
});
