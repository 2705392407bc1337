import { questionReply } from '../../answers/question-reply.ts';
import { checkAnswer } from './check-answer.ts';
import { answered, defineCommand } from './command.ts';

/** `explain <check>` gives that figure's formula; `explain <anything else>` is a question, answered. */
export const explainCommand = defineCommand<{ query: string }>({
  name: 'explain',
  storeFree: true,
  verbs: ['explain'],
  parse(arg) {
    const query = arg.replace(/(?<!\?)\?+$/, '').trim();
    return query === '' ? undefined : { query };
  },
  run(ctx, { query }) {
    const check = ctx.catalog.get(query) ? undefined : checkAnswer(ctx, query, false);
    return answered(check ?? questionReply(ctx, `explain ${query}`, ctx.design));
  },
});
