import { goBack } from '../interview-steps.ts';
import { defineCommand } from './command.ts';
import { finishStep } from './finish-step.ts';

/** `back`: undoes the last interview answer and asks that question again. */
export const backCommand = defineCommand({
  name: 'back',
  phrases: ['back'],
  run: (ctx) => finishStep(ctx, goBack(ctx.state, { interview: ctx.interview, design: ctx.snapshot })),
});
