import type { ArchitectureView } from '../../diagram/diagram-model.ts';
import { diagramModel } from '../../diagram/diagram-model.ts';
import { textSketch } from '../../diagram/text-sketch.ts';
import type { Assessment } from '../../rules/assessment.ts';
import type { Requirements } from '../../rules/requirements.ts';
import type { Reply } from '../reply.ts';
import { infoReply } from './basic-replies.ts';

/** The architecture of an assessment, when it has one (versions saved before architectures existed have none). */
export function architectureOf(a: Assessment): ArchitectureView | undefined {
  const architecture = (a as { architecture?: ArchitectureView }).architecture;
  return architecture && Array.isArray(architecture.components) && architecture.components.length > 0 ? architecture : undefined;
}

/** The ids the assessment marks optional: the picture shows essential and recommended parts only. */
function optionalIds(a: Assessment): Set<string> {
  const items: object[] = [...a.capabilities, ...a.primitives, ...a.patterns];
  return new Set(items.filter((i) => (i as { need?: unknown }).need === 'optional').map((i) => (i as { id: string }).id));
}

/** The drawing model of a saved version, or undefined when it has no architecture. */
export function versionDiagram(title: string, assessment: Assessment, requirements: Requirements) {
  const architecture = architectureOf(assessment);
  if (!architecture) return undefined;
  return diagramModel(architecture, { title, optional: optionalIds(assessment), ...(requirements.regions !== undefined && { regions: requirements.regions }) });
}

/**
 * The `diagram` reply: the architecture drawn as a PNG (attached on Slack and Discord, written to a
 * file in the terminal) and as a text sketch. The renderer is imported here, on first use, so start-up
 * and every other turn never load the layout and rasterizer.
 */
export async function diagramReply(design: { title: string; version: number; fileStem: string }, assessment: Assessment, requirements: Requirements): Promise<Reply> {
  const model = versionDiagram(design.title, assessment, requirements);
  if (!model) {
    return infoReply('This version has no architecture to draw (versions saved before Quorum drew architectures have none). Type assess to assess it again.', [
      { label: 'Assess again', value: 'assess' },
    ]);
  }
  const { renderDiagram } = await import('../../diagram/render-png.ts');
  const { png } = renderDiagram(model);
  const name = `${design.fileStem}-v${design.version}-diagram.png`;
  const sketch = textSketch(model);
  const regions = model.regions > 1 ? `, in ${model.regions} regions` : '';
  const summary = `${model.nodes.length} parts and ${model.edges.length} arrows${regions}: the essential and recommended parts of version ${design.version}, with their technology and counts.`;
  return {
    kind: 'design',
    title: `Diagram — ${design.title}`,
    summary,
    text: [`Diagram — ${design.title}`, summary, ...sketch].join('\n'),
    sketch,
    file: { name, content: png, mime: 'image/png' },
    choices: [
      { label: 'Card', value: 'card' },
      { label: 'Export', value: 'export' },
    ],
  };
}
