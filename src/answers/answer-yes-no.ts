import { allTerms } from '../catalog/problem-text.ts';
import type { Entry } from '../catalog/schema.ts';
import { field } from '../dialog/replies/entry-reply.ts';
import { runModel } from './sizing/sizing-answer.ts';
import { readFigures } from './sizing/figures.ts';
import { entriesOf, firstSentence, label, lowerFirst, sentence, type Answer, type AnswerContext } from './answer.ts';

/** Words too common to decide anything when matching a question against "use when" and "avoid when" phrases. */
const common = new Set(['a', 'an', 'the', 'of', 'to', 'for', 'in', 'on', 'with', 'and', 'or', 'is', 'are', 'we', 'our', 'it', 'be', 'do', 'that', 'this', 'at', 'by', 'from', 'as']);

function cueWords(text: string): string[] {
  return allTerms(text).filter((w) => !common.has(w));
}

/** How fully the question covers the best of these phrases (0..1), ignoring the entry's own name words. */
function cover(question: ReadonlySet<string>, phrases: readonly string[], own: ReadonlySet<string>): { share: number; phrase?: string } {
  let best: { share: number; phrase?: string } = { share: 0 };
  for (const phrase of phrases) {
    const words = [...new Set(cueWords(phrase))].filter((w) => !own.has(w));
    if (words.length === 0) continue;
    const shared = words.filter((w) => question.has(w)).length;
    const share = shared / words.length;
    if (shared > 0 && share > best.share) best = { share, phrase };
  }
  return best;
}

/** A clause as a sentence of its own: capital first, full stop last. */
function capitalized(clause: string | undefined): string | undefined {
  return clause === undefined ? undefined : sentence(clause.charAt(0).toUpperCase() + clause.slice(1));
}

/** The remedy a pitfall points to: its problem words' alternatives, else the patterns and primitives it relates to. */
function remedyOf(ctx: AnswerContext, pitfall: Entry): Entry | undefined {
  const named = ctx.catalog.problemWords(pitfall.id)?.alternatives ?? [];
  const related = pitfall.kind === 'pitfall' ? pitfall.related : [];
  return entriesOf(ctx, [...named, ...related]).find((e) => e.kind === 'pattern' || e.kind === 'primitive' || e.kind === 'capability');
}

/** "Can we run a 4-node etcd cluster?": decided by the quorum model when the question counts voters. */
function consensusSize(ctx: AnswerContext, text: string, topIds: readonly string[]): Answer | undefined {
  const n = readFigures(text).counts.find((c) => /^(?:node|voter|member|replica|server|instance)$/.test(c.noun))?.value;
  const consensual = /\b(?:raft|etcd|zookeeper|consul|paxos|consensus|quorum|voters?)\b/.test(text.toLowerCase()) || topIds.slice(0, 2).some((id) => id === 'P5' || id === 'even-node-consensus');
  if (n === undefined || n < 2 || n > 99 || !consensual) return undefined;
  const here = runModel('quorum', { replicas: n });
  const fewer = runModel('quorum', { replicas: n - 1 });
  const tolerated = here.result.toleratedFailures as number;
  if (n % 2 === 0) {
    return {
      kind: 'yesno',
      lead: `No: ${n} voters need ${String(here.result.majority)} for a majority and tolerate ${tolerated} failure${tolerated === 1 ? '' : 's'}, no more than ${n - 1} voters (${String(fewer.result.toleratedFailures)}), and an even split can stall every write.`,
      fields: [...field('Instead', `Run ${n - 1} or ${n + 1} voters.`), ...field('Yes only when', capitalized(ctx.catalog.problemWords('even-node-consensus')?.exceptWhen)), ...field('Formula', here.formula)],
      entries: ['even-node-consensus', 'P5', 'leader-follower'],
      formula: here.formula,
    };
  }
  return {
    kind: 'yesno',
    lead: `Yes: ${n} voters need ${String(here.result.majority)} for a majority and keep working with ${tolerated} down; odd sizes are the right ones (3, 5, or 7 at most).`,
    fields: [...field('Formula', here.formula)],
    entries: ['P5', 'leader-follower', 'even-node-consensus'],
    formula: here.formula,
  };
}

/**
 * "Should we use 2PC across services?": yes or no first, then when the other answer would be right,
 * and the alternative. A known pitfall is a no; otherwise the question's words are weighed against
 * the entry's "use when" and "avoid when" phrases.
 */
export function answerYesNo(ctx: AnswerContext, text: string): Answer | undefined {
  const hits = ctx.ranking.rank(text, { kinds: ['pattern', 'primitive', 'capability', 'law', 'pitfall'], limit: 6 });
  const sized = consensusSize(ctx, text, hits.map((h) => h.id));
  if (sized) return sized;
  const top = hits[0] && ctx.catalog.get(hits[0].id);
  if (!top) return undefined;
  const rest = hits.slice(1, 3).map((h) => h.id);
  const words = ctx.catalog.problemWords(top.id);
  if (top.kind === 'pitfall') {
    const remedy = remedyOf(ctx, top);
    const remedyWords = remedy ? ctx.catalog.problemWords(remedy.id) : undefined;
    return {
      kind: 'yesno',
      lead: `No: ${lowerFirst(sentence(firstSentence(top.summary)))}${remedy ? ` Use ${label(remedy)} instead.` : ''}`,
      fields: [
        ...(remedy ? field('Instead', `${label(remedy)}: ${sentence(remedyWords?.answer ?? remedy.summary)}`) : field('Instead', top.fix)),
        ...field('Yes only when', capitalized(words?.exceptWhen)),
        ...field('Fix', remedy ? top.fix : undefined),
      ],
      entries: [top.id, ...(remedy ? [remedy.id] : []), ...rest],
      ...(remedyWords?.designField ? { designField: remedyWords.designField } : words?.designField ? { designField: words.designField } : {}),
    };
  }
  const question = new Set(cueWords(text));
  const own = new Set([top.id, top.name, ...top.aliases, ...(words?.synonyms ?? [])].flatMap(cueWords));
  const against = cover(question, [...(words?.avoidWhen ?? []), ...top.details.whenNotToUse], own);
  const infavour = cover(question, [...(words?.problems ?? []), ...top.details.whenToUse, words?.fitsWhen ?? ''], own);
  const alternative = entriesOf(ctx, words?.alternatives ?? [])[0];
  const altText = alternative ? `${label(alternative)}: ${sentence(ctx.catalog.problemWords(alternative.id)?.answer ?? alternative.summary)}` : undefined;
  if (against.share > infavour.share) {
    const reasons = top.details.whenNotToUse;
    const reason = cover(question, reasons, own).phrase ?? reasons[0] ?? against.phrase ?? '';
    return {
      kind: 'yesno',
      lead: `No: ${label(top)} is the wrong fit for ${lowerFirst(sentence(reason))}`,
      fields: [...field('It would be right when', words?.fitsWhen ? sentence(words.fitsWhen) : top.details.whenToUse[0]), ...field('Instead', altText)],
      entries: [top.id, ...(alternative ? [alternative.id] : []), ...rest],
    };
  }
  return {
    kind: 'yesno',
    lead: `Yes: ${label(top)} fits here; ${lowerFirst(sentence(words?.answer ?? firstSentence(top.summary)))}`,
    fields: [...field('No when', top.details.whenNotToUse[0]), ...field('Then instead', altText)],
    entries: [top.id, ...rest, ...(alternative ? [alternative.id] : [])],
    ...(words?.designField ? { designField: words.designField } : {}),
  };
}
