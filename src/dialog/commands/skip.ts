import { advance } from '../interview-steps.ts';
import { errorReply } from '../replies/basic-replies.ts';
import { answered, defineCommand } from './command.ts';
import { finishStep } from './finish-step.ts';

/** `skip`: leaves the pending question unanswered and moves on. */
export const skipCommand = defineCommand({
  name: 'skip',
  phrases: ['skip'],
  run(ctx) {
    if (ctx.state.mode !== 'interviewing') return answered(errorReply('not_interviewing', 'There is no question to skip. Type design to start an interview.'));
    return finishStep(ctx, advance(ctx.state, { interview: ctx.interview, design: ctx.snapshot }, ctx.turn, {}, 'Skipped.'));
  },
});
