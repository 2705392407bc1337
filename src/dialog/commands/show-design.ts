import { latestOf } from '../design-versions.ts';
import { cardReply } from '../replies/card-reply.ts';
import { answersSoFarReply, designSummaryReply } from '../replies/design-replies.ts';
import { answered, defineCommand } from './command.ts';

/** `show`: this thread's design and its card, or the answers so far when nothing is saved. */
export const showDesignCommand = defineCommand({
  name: 'showDesign',
  phrases: ['show', 'show design', 'show the design'],
  run(ctx) {
    const { design, state } = ctx;
    if (design) return answered(designSummaryReply(design, latestOf(design)), cardReply(design, latestOf(design), false));
    return answered(answersSoFarReply(state.requirements, state.answeredBy));
  },
});
