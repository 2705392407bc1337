import { requireArg } from './command-args.ts';
import { answered, defineCommand } from './command.ts';
import { whyAnswer } from './why-answer.ts';

/** `why <id>`: what put an item in the design; `why <check>` shows that figure's formula. */
export const whyCommand = defineCommand<{ id: string }>({
  name: 'why',
  verbs: ['why'],
  versionBound: true,
  parse(arg) {
    if (/^not$/i.test(arg)) requireArg('', 'why not <id>');
    return { id: requireArg(arg.replace(/\?$/, '').trim(), 'why <id>') };
  },
  run: async (ctx, { id }) => answered(await whyAnswer(ctx, id, false)),
});
