import { requireArg } from './command-args.ts';
import { answered, defineCommand } from './command.ts';
import { whyAnswer } from './why-answer.ts';

/** `why not <id>`: what kept an item out of the design. Listed before `why`, which takes the same verb. */
export const whyNotCommand = defineCommand<{ id: string }>({
  name: 'whyNot',
  verbs: ['why'],
  versionBound: true,
  parse(arg) {
    const not = /^not\s+(.*)$/i.exec(arg);
    return not ? { id: requireArg((not[1] ?? '').replace(/\?$/, '').trim(), 'why not <id>') } : undefined;
  },
  run: async (ctx, { id }) => answered(await whyAnswer(ctx, id, true)),
});
