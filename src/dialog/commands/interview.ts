import { walkEveryQuestion } from '../interview-steps.ts';
import { defineCommand } from './command.ts';
import { finishStep } from './finish-step.ts';

/** `interview`: walks every question of the interview, in order, keeping what the design already holds. */
export const interviewCommand = defineCommand({
  name: 'interview',
  phrases: ['interview', 'full interview', 'all questions'],
  run: (ctx) => finishStep(ctx, walkEveryQuestion(ctx.state, { interview: ctx.interview, design: ctx.snapshot })),
});
