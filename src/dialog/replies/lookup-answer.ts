import type { Catalog } from '../../catalog/catalog.ts';
import type { Search } from '../../catalog/search.ts';
import type { Reply } from '../reply.ts';
import { neutralizeMentions } from '../sanitize.ts';
import { infoReply } from './basic-replies.ts';
import { searchReply } from './search-reply.ts';

/** Below this top score, chat that was not phrased as a question is not treated as a lookup. */
const casualMatch = 0.6;

/** The search answer to `query`; for `casual` chat with no good match, a pointer to what Quorum can do instead. */
export function lookupAnswer(deps: { catalog: Catalog; search: Search }, query: string, casual = false): Reply {
  const result = deps.search.lookup(query, { limit: 5 });
  if (casual && (result.results[0]?.score ?? 0) < casualMatch) {
    return infoReply(`I'm not sure what you mean by "${query.slice(0, 80)}". Type design to start a design in this thread, ask a question like "what is CAP?", or type help.`, [
      { label: 'Start a design', value: 'design' },
      { label: 'Help', value: 'help' },
    ]);
  }
  return searchReply(neutralizeMentions(query), result, deps.catalog);
}
