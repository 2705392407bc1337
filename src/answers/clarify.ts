import type { Choice } from '../dialog/reply.ts';
import { label, type Answer, type AnswerContext } from './answer.ts';

/** The kinds of question Quorum answers, offered when a message says too little to pick one. */
const starters: readonly Choice[] = [
  { label: 'What is CAP?', value: 'what is CAP?' },
  { label: 'How do we stop double charges on retries?', value: 'how do we stop double charges when a client retries?' },
  { label: 'How many replicas for 99.99 %?', value: 'how many replicas for 99.99%?' },
  { label: 'Start a design', value: 'design' },
];

/**
 * One clarifying question with choices, never a shrug: the nearest entries when the words point
 * somewhere, otherwise the kinds of question Quorum can answer.
 */
export function clarify(ctx: AnswerContext, text: string): Answer {
  const near = ctx.ranking.rank(text, { limit: 3 }).map((h) => ctx.catalog.get(h.id)).filter((e) => e !== undefined);
  if (near.length > 0) {
    return {
      kind: 'unclear',
      lead: `Which of these is it about: ${near.map((e) => e.name).join(', ')}, or something else? Tell me the problem or the figure you need (for example "how do we keep the database from falling over when the cache expires?").`,
      fields: [],
      entries: near.map((e) => e.id),
      choices: [...near.map((e) => ({ label: label(e), value: `show ${e.id}` })), { label: 'Start a design', value: 'design' }],
    };
  }
  return {
    kind: 'unclear',
    lead: 'What would you like to know: what something is, how to solve a problem, or a figure such as replicas or partitions? Pick one of these or ask in your own words.',
    fields: [],
    entries: [],
    choices: [...starters],
  };
}
