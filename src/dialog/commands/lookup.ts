import { questionReply, shapedAsQuestion } from '../../answers/question-reply.ts';
import { kindWords, type LookupKind } from '../lookup-kinds.ts';
import { kindSearchReply } from '../replies/kind-search-reply.ts';
import { lookupAnswer } from '../replies/lookup-answer.ts';
import { requireArg } from './command-args.ts';
import { answered, defineCommand } from './command.ts';

/**
 * `lookup <words>` searches the whole catalog, and answers words shaped as a question like a plain
 * question; `law <q>` and its siblings search one kind (bare, they list it).
 */
export const lookupCommand = defineCommand<{ query: string; kind?: LookupKind }>({
  name: 'lookup',
  storeFree: true,
  verbs: ['lookup', 'search', ...Object.keys(kindWords)],
  parse(arg, verb) {
    const kind = kindWords[verb];
    if (!kind) return { query: requireArg(arg, 'lookup <words>') };
    const query = arg.replace(/(?<!\?)\?+$/, '').trim();
    return query === '' ? undefined : { query, kind };
  },
  run(ctx, { query, kind }) {
    if (kind) return answered(kindSearchReply(query, kind, ctx.catalog, ctx.search));
    // A whole question ("/lookup how do we stop double charges?") gets an answer; names and keywords get the entry or the list.
    if (shapedAsQuestion(query)) return answered(questionReply(ctx, query, ctx.design));
    return answered(lookupAnswer(ctx, query));
  },
});
