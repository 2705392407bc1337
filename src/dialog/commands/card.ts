import { latestOf } from '../design-versions.ts';
import { cardReply } from '../replies/card-reply.ts';
import { noAssessmentReply } from '../replies/formulas-reply.ts';
import { answered, defineCommand } from './command.ts';

/** `card`: the assessment card of the latest version again (after a what-if, the full card is one word away). */
export const cardCommand = defineCommand({
  name: 'card',
  phrases: ['card', 'show card', 'full card'],
  run: (ctx) => answered(ctx.design ? cardReply(ctx.design, latestOf(ctx.design), false) : noAssessmentReply()),
});
