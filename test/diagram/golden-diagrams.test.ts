import { describe, expect, it } from 'vitest';
import { layoutDiagram } from '../../src/diagram/diagram-layout.ts';
import { fontFiles, loadFontMetrics } from '../../src/diagram/font-metrics.ts';
import { renderDiagram } from '../../src/diagram/render-png.ts';
import { versionDiagram } from '../../src/dialog/replies/diagram-reply.ts';
import { realAssessor } from '../rules/assessor-fixture.ts';
import { goldenDesigns } from '../rules/golden-designs.ts';
import { expectNoOverlaps, pngSize } from './png.ts';

const fonts = { regular: loadFontMetrics(fontFiles.regular), bold: loadFontMetrics(fontFiles.bold) };

describe('the diagram of every golden design', () => {
  for (const { name, requirements } of goldenDesigns()) {
    it(`draws ${name} as a PNG at least 800 px wide, every part named and nothing overlapping`, async () => {
      const { assessment } = await (await realAssessor()).assess(requirements);
      const model = versionDiagram(requirements.name ?? name, assessment, requirements);
      expect(model, 'the assessment carries an architecture').toBeDefined();
      expect(model!.nodes.length).toBeGreaterThanOrEqual(3);
      const { png, svg, width } = renderDiagram(model!);
      expect(pngSize(png).width).toBe(width);
      expect(width).toBeGreaterThanOrEqual(800);
      for (const node of model!.nodes) expect(svg).toContain(`>${node.role.split(' ')[0]}`);
      expectNoOverlaps(layoutDiagram(model!, fonts));
    });
  }
});
