import { assessAnswers } from '../interview-steps.ts';
import { defineCommand } from './command.ts';
import { finishStep } from './finish-step.ts';

/** `assess`: assesses the answers so far (or the saved design) and saves a version. */
export const assessCommand = defineCommand({
  name: 'assess',
  phrases: ['assess'],
  run: (ctx) => finishStep(ctx, assessAnswers(ctx.state, { interview: ctx.interview, design: ctx.snapshot }, 'assess')),
});
