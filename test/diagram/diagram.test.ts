import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { layoutDiagram } from '../../src/diagram/diagram-layout.ts';
import { diagramModel, sizingText } from '../../src/diagram/diagram-model.ts';
import { fontFamily, fontFiles, loadFontMetrics } from '../../src/diagram/font-metrics.ts';
import { mermaidFlowchart } from '../../src/diagram/mermaid.ts';
import { renderDiagram } from '../../src/diagram/render-png.ts';
import { textSketch } from '../../src/diagram/text-sketch.ts';
import { feed, ledger } from './architectures.ts';
import { expectNoOverlaps, pngSize } from './png.ts';

const metrics = loadFontMetrics(fontFiles.regular);
const fonts = { regular: metrics, bold: loadFontMetrics(fontFiles.bold) };

describe('font metrics', () => {
  it('measure text as wide as resvg draws it in the shipped font', () => {
    for (const sample of ['Ledger store', 'CockroachDB ×60 · 20 partitions', 'iiii', 'WWWW']) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><text x="0" y="20" font-size="14" font-family="${fontFamily}">${sample}</text></svg>`;
      const drawn = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [fontFiles.regular] } }).getBBox();
      expect(drawn).toBeDefined();
      const measured = metrics.width(sample, 14);
      // The bounding box omits the side bearings the advance widths include, so it is a little narrower.
      expect(measured).toBeGreaterThanOrEqual(drawn!.width);
      expect(measured).toBeLessThan(drawn!.width * 1.15 + 2);
    }
  });
});

describe('diagram model', () => {
  it('says sizing in words a reader knows', () => {
    expect(sizingText('partitions', 20)).toBe('20 partitions');
    expect(sizingText('memoryGb', 64)).toBe('64 GB memory');
    expect(sizingText('retentionDays', 7)).toBe('7 days retention');
    expect(sizingText('mode', 'active-active')).toBe('mode: active-active');
    expect(sizingText('itemsPerSec', 80_000)).toBe('80,000 items/s');
    expect(sizingText('managed', 'yes')).toBe('managed');
  });

  it('leaves out a component whose every primitive is optional, and the arrows to it', () => {
    const model = diagramModel(ledger, { title: 'Ledger', optional: new Set(['P8', 'P9']) });
    expect(model.nodes.map((n) => n.id)).not.toContain('events');
    expect(model.edges.some((e) => e.to === 'events' || e.from === 'events')).toBe(false);
    expect(model.nodes.find((n) => n.id === 'ledger-db')?.primitives).toEqual(['P1', 'P2', 'P5']);
  });

  it('keeps clients and the CDN outside the region frame', () => {
    const model = diagramModel(feed, { title: 'Feed', regions: 3 });
    expect(model.nodes.filter((n) => n.global).map((n) => n.id).sort()).toEqual(['cdn', 'clients']);
  });
});

describe('diagram picture', () => {
  for (const [name, architecture, regions] of [['ledger', ledger, 1], ['feed', feed, 3]] as const) {
    it(`draws the ${name} as a PNG at least 800 px wide with every component named`, () => {
      const model = diagramModel(architecture, { title: name, regions });
      const { png, svg, width } = renderDiagram(model);
      expect(pngSize(png)).toEqual({ width, height: expect.any(Number) });
      expect(width).toBeGreaterThanOrEqual(800);
      for (const c of architecture.components) expect(svg).toContain(`>${c.role}<`);
      if (regions > 1) expect(svg).toContain(`${regions} regions`);
    });

    it(`places the ${name}'s boxes and arrow labels without overlaps`, () => {
      expectNoOverlaps(layoutDiagram(diagramModel(architecture, { title: name, regions }), fonts));
    });
  }

  it('draws a hostile label as text, not markup', () => {
    const hostile = { ...ledger, components: ledger.components.map((c, i) => (i === 1 ? { ...c, role: '<script>&"x"' } : c)) };
    const { svg } = renderDiagram(diagramModel(hostile, { title: 'T' }));
    expect(svg).toContain('&lt;script&gt;&amp;&quot;x&quot;');
  });
});

describe('text sketch and Mermaid', () => {
  it('name every component once and every arrow', () => {
    const model = diagramModel(feed, { title: 'Feed', regions: 3 });
    const sketch = textSketch(model).join('\n');
    for (const c of feed.components) expect(sketch.split(`${c.role}:`).length - 1).toBe(1);
    expect(sketch).toContain('Timeline cache, as above (push to followers)');
    const mermaid = mermaidFlowchart(model).join('\n');
    for (const e of feed.edges) expect(mermaid).toMatch(new RegExp(`c_${e.from}\\s-->.*c_${e.to}`));
    expect(mermaid).toContain('subgraph region["3 regions');
  });
});
