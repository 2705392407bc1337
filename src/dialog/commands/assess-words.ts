import { assessWords } from '../words-steps.ts';
import { defineCommand } from './command.ts';
import { finishStep } from './finish-step.ts';

/** `assess <words>`: reads every requirement a description states ("I read: …") and assesses them. */
export const assessWordsCommand = defineCommand<{ text: string }>({
  name: 'assessWords',
  verbs: ['assess'],
  parse: (arg) => (arg.trim() === '' ? undefined : { text: arg }),
  run: (ctx, { text }) => finishStep(ctx, assessWords(ctx.state, { interview: ctx.interview, design: ctx.snapshot }, ctx.turn, text)),
});
