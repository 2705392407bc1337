import { formulasReply, noAssessmentReply } from '../replies/formulas-reply.ts';
import { answered, defineCommand } from './command.ts';

/** `formulas`: every figure of the latest assessment with its formula and inputs. */
export const formulasCommand = defineCommand({
  name: 'formulas',
  phrases: ['formulas', 'figures', 'math', 'show formulas', 'checks', 'all checks'],
  run(ctx) {
    const design = ctx.design;
    const latest = design?.versions.at(-1);
    if (!design || !latest) return answered(noAssessmentReply());
    return answered(formulasReply(latest.assessment, { title: design.title, version: latest.version }));
  },
});
