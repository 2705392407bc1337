import { ask, startInterview } from '../interview-steps.ts';
import { defineCommand } from './command.ts';
import { finishStep } from './finish-step.ts';

/** `design`: starts the guided interview in this thread (or says one is running). */
export const designCommand = defineCommand({
  name: 'design',
  phrases: ['design', 'new design', 'start design'],
  run(ctx) {
    const s = ctx.state;
    if (s.mode === 'interviewing') return finishStep(ctx, ask(s, s.stepId, ['We are already in the middle of the interview.']));
    return finishStep(ctx, startInterview(s, { interview: ctx.interview, design: ctx.snapshot }, 'design'));
  },
});
