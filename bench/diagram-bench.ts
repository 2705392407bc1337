import { loadCatalog } from '../src/catalog/catalog-loader.ts';
import { diagramModel, type DiagramModel } from '../src/diagram/diagram-model.ts';
import { feed, ledger } from '../test/diagram/architectures.ts';
import { versionDiagram } from '../src/dialog/replies/diagram-reply.ts';
import { createAssessor } from '../src/rules/assessor.ts';
import { figure, type Figure } from './lib/figures.ts';
import { requirementsMix } from './lib/requirements-mix.ts';
import { nowMs, summarize, timeEach } from './lib/stats.ts';

/**
 * Figure 9: drawing the architecture of varied designs as a PNG. The first render in this process pays
 * for importing dagre and resvg (which start-up never loads); the warm p99 is the `diagram` command's cost.
 */
export async function benchDiagram(options: { sets: number; samples: number }): Promise<Figure[]> {
  const assessor = await createAssessor({ catalog: loadCatalog() });
  const models: DiagramModel[] = [];
  for (const requirements of requirementsMix(options.sets, 8)) {
    const { assessment } = await assessor.assess(requirements);
    const model = versionDiagram(requirements.name ?? 'design', assessment, requirements);
    if (model) models.push(model);
  }
  // Saved designs from before architectures existed have none; the hand-drawn ones stand in so the figure still means something.
  const source = models.length > 0 ? 'assessed designs' : 'hand-made architectures';
  if (models.length === 0) models.push(...[ledger, feed].map((a, i) => diagramModel(a, { title: `design ${i}`, regions: i + 1 })));
  const started = nowMs();
  const { renderDiagram } = await import('../src/diagram/render-png.ts');
  renderDiagram(models[0]!);
  const first = nowMs() - started;
  const warm = summarize(await timeEach(options.samples, 3, (i) => renderDiagram(models[i % models.length]!)));
  const parts = summarize(models.map((m) => m.nodes.length));
  return [
    figure('9 diagram first render (import dagre + resvg, then draw)', first, 'ms'),
    figure('9 diagram render p50 (warm)', warm.p50, 'ms'),
    figure(`9 diagram render p99 (warm, ${source})`, warm.p99, 'ms', { target: { maxValue: 300 } }),
    figure('9 diagram parts per picture (median)', parts.p50, 'boxes'),
  ];
}
