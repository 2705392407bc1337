import type { Entry } from '../catalog/schema.ts';
import type { Field } from '../dialog/reply.ts';
import { clip } from '../dialog/replies/entry-reply.ts';
import { entryNamed, label, lowerFirst, sentence, type Answer, type AnswerContext } from './answer.ts';

/** How much one side must out-score the other on the question's context to be the recommendation. */
const clearLead = 1.3;

/** When an entry is the right choice, as a clause. */
function fitsWhen(ctx: AnswerContext, entry: Entry): string {
  const words = ctx.catalog.problemWords(entry.id);
  if (words?.fitsWhen) return words.fitsWhen;
  const use = entry.details.whenToUse[0];
  if (use) return lowerFirst(use.replace(/\.$/, ''));
  return entry.kind === 'pitfall' ? 'never on purpose: it is a known pitfall' : lowerFirst(entry.summary.replace(/\.$/, ''));
}

/** What an entry costs, in the catalog's own words. */
function costOf(entry: Entry): string {
  switch (entry.kind) {
    case 'pattern':
      return entry.cost;
    case 'primitive':
      return entry.capacity ?? entry.details.tradeoffs[0] ?? entry.antiPatterns.join('; ');
    case 'pitfall':
      return entry.symptoms;
    default:
      return entry.details.tradeoffs[0] ?? (entry.kind === 'capability' && entry.excludes.length > 0 ? `Excludes ${entry.excludes.join(', ')}` : '—');
  }
}

/** Resolves both sides to two different entries; a side matched only through an alias gives way to the other. */
function resolveSides(ctx: AnswerContext, sides: [string, string]): [Entry, Entry] | undefined {
  const a = entryNamed(ctx, sides[0]);
  const b = entryNamed(ctx, sides[1]);
  if (a && b && a.id !== b.id) return [a, b];
  if (a && b) {
    // "2PC or saga": both name the saga (2PC is one of its aliases); the side that is not its name is re-read.
    const aIsName = a.name.toLowerCase() === sides[0].toLowerCase() || a.id.toLowerCase() === sides[0].toLowerCase();
    const other = entryNamed(ctx, aIsName ? sides[1] : sides[0], [a.id]) ?? ctx.catalog.get(ctx.ranking.rank(aIsName ? sides[1] : sides[0], { limit: 3 }).find((h) => h.id !== a.id)?.id ?? '');
    if (!other) return undefined;
    return aIsName ? [a, other] : [other, b];
  }
  const fill = (side: string, known: Entry): Entry | undefined => {
    const hit = ctx.ranking.rank(side, { limit: 3 }).find((h) => h.id !== known.id);
    return hit && hit.score >= 4 ? ctx.catalog.get(hit.id) : undefined;
  };
  if (a) {
    const other = fill(sides[1], a);
    return other ? [a, other] : undefined;
  }
  if (b) {
    const other = fill(sides[0], b);
    return other ? [other, b] : undefined;
  }
  return undefined;
}

/**
 * "Saga or outbox for our order flow?": a short side-by-side (when each fits, what each costs, the
 * deciding question). When the question says what it is for and that fits one side clearly better,
 * the answer leads with that side; a side that is a known pitfall never leads.
 */
export function answerComparison(ctx: AnswerContext, sides: [string, string], context: string): Answer | undefined {
  const resolved = resolveSides(ctx, sides);
  if (!resolved) return undefined;
  let [first, second] = resolved;
  const contextHits = context === '' ? [] : ctx.ranking.rank(context, { limit: 40 });
  const scoreOf = (e: Entry): number => contextHits.find((h) => h.id === e.id)?.score ?? 0;
  const [sa, sb] = [scoreOf(first), scoreOf(second)];
  let lean: Entry | undefined;
  if (sa > 0 && sa >= sb * clearLead) lean = first;
  else if (sb > 0 && sb >= sa * clearLead) lean = second;
  if (first.kind === 'pitfall' && second.kind !== 'pitfall') lean = second;
  else if (second.kind === 'pitfall' && first.kind !== 'pitfall') lean = first;
  if (lean === second) [first, second] = [second, first];
  const lead = lean
    ? `${label(first)}${context ? `, ${context.replace(/^for\s+/, 'for ')}` : ''}: ${lowerFirst(sentence(ctx.catalog.problemWords(first.id)?.answer ?? first.summary))}` +
      ` ${second.kind === 'pitfall' ? `${label(second)} is a known pitfall: ${lowerFirst(second.summary)}` : `${label(second)} fits instead when ${sentence(fitsWhen(ctx, second))}`}`
    : `${label(first)} fits when ${fitsWhen(ctx, first)}; ${label(second)} fits when ${sentence(fitsWhen(ctx, second))}`;
  const fields: Field[] = [
    { label: `${first.name}: when it fits`, value: clip(sentence(fitsWhen(ctx, first)), 300), inline: true },
    { label: `${second.name}: when it fits`, value: clip(sentence(fitsWhen(ctx, second)), 300), inline: true },
    { label: `${first.name}: cost`, value: clip(costOf(first), 300), inline: true },
    { label: `${second.name}: cost`, value: clip(costOf(second), 300), inline: true },
    { label: 'Deciding question', value: clip(`Is it that ${fitsWhen(ctx, first)} (${first.name}), or that ${fitsWhen(ctx, second)} (${second.name})?`, 400) },
  ];
  return { kind: 'comparison', lead: sentence(lead), fields, entries: [first.id, second.id] };
}
