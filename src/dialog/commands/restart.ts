import { startInterview } from '../interview-steps.ts';
import { defineCommand } from './command.ts';
import { finishStep } from './finish-step.ts';

/** `restart`: the interview again from its first question, with no answers. */
export const restartCommand = defineCommand({
  name: 'restart',
  phrases: ['restart', 'start over'],
  run: (ctx) => finishStep(ctx, startInterview(ctx.state, { interview: ctx.interview, design: ctx.snapshot }, 'restart')),
});
