import { infoReply } from '../replies/basic-replies.ts';
import { requireArg } from './command-args.ts';
import { answered, defineCommand } from './command.ts';

/** `name <title>`: titles the saved design, or the one the next save creates. */
export const nameCommand = defineCommand<{ title: string }>({
  name: 'name',
  verbs: ['name', 'title'],
  parse: (arg) => ({ title: requireArg(arg, 'name <title>').slice(0, 200) }),
  async run(ctx, { title }) {
    if (!ctx.design) {
      return { state: { ...ctx.state, title }, replies: [infoReply(`Noted: the design will be called "${title}" when it is first saved.`)] };
    }
    const renamed = await ctx.store.setTitle(ctx.key, title);
    return { replies: [infoReply(`This design is now called "${renamed.title}".`)], state: { ...ctx.state, title: undefined } };
  },
});
