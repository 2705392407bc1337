import { entryReply } from '../replies/entry-reply.ts';
import { lookupAnswer } from '../replies/lookup-answer.ts';
import { answered, defineCommand } from './command.ts';

/** `show <id>`: one catalog entry, or a search when the id is no entry. */
export const showEntryCommand = defineCommand<{ id: string }>({
  name: 'showEntry',
  storeFree: true,
  verbs: ['show'],
  parse: (arg) => ({ id: arg }),
  run(ctx, { id }) {
    const entry = ctx.catalog.get(id);
    return answered(entry ? entryReply(entry, ctx.catalog) : lookupAnswer(ctx, id));
  },
});
