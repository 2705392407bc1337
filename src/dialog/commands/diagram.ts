import { slugify } from '../export-markdown.ts';
import { diagramReply } from '../replies/diagram-reply.ts';
import { noAssessmentReply } from '../replies/formulas-reply.ts';
import { answered, defineCommand } from './command.ts';

/** `diagram`: the latest version's architecture as a picture (a PNG attached, a sketch in the terminal). */
export const diagramCommand = defineCommand({
  name: 'diagram',
  phrases: ['diagram', 'picture', 'draw', 'show diagram', 'draw it'],
  async run(ctx) {
    const design = ctx.design;
    const latest = design?.versions.at(-1);
    if (!design || !latest) return answered(noAssessmentReply());
    const meta = { title: design.title, version: latest.version, fileStem: slugify(design.title) };
    return answered(await diagramReply(meta, latest.assessment, latest.requirements));
  },
});
