import type { Entry } from '../catalog/schema.ts';
import { field, nameWithId } from '../dialog/replies/entry-reply.ts';
import { neighbours } from './answer-definition.ts';
import { entriesOf, label, sentence, type Answer, type AnswerContext } from './answer.ts';

/** Kinds that name a remedy: what to build or rely on. */
export const remedyKinds = ['pattern', 'primitive', 'capability', 'law'] as const;

/** Why the remedy fits, in the entry's own terms. */
function whyOf(entry: Entry): string | undefined {
  switch (entry.kind) {
    case 'pattern':
      return entry.problem;
    case 'primitive':
      return entry.trigger;
    case 'capability':
      return `It is measured as: ${entry.measurement}`;
    default:
      return entry.details.whenToUse[0];
  }
}

/** The mechanism underneath: a pattern's primitives, a capability's providers, a primitive's partners. */
function mechanismOf(ctx: AnswerContext, entry: Entry): string | undefined {
  const names = (ids: readonly string[]): string => ids.map((id) => nameWithId(ctx.catalog, id)).join(' + ');
  if (entry.kind === 'pattern') return `${names(entry.primitives)}: ${entry.guarantee}`;
  if (entry.kind === 'capability' && entry.providedBy.length > 0) return `Provided by ${names(entry.providedBy)}.`;
  if (entry.kind === 'primitive' && entry.requires.length > 0) {
    return `Needs ${entry.requires.map((group) => group.map((id) => nameWithId(ctx.catalog, id)).join(' or ')).join(' and ')} beside it.`;
  }
  return undefined;
}

/**
 * "How do we stop double charges when a client retries?": the remedy the question is about (pattern,
 * primitive or capability), the mechanism underneath with why it fits, and the pitfall it avoids.
 */
export function answerProblem(ctx: AnswerContext, text: string): Answer | undefined {
  const hits = ctx.ranking.rank(text, { kinds: [...remedyKinds, 'pitfall'], limit: 8 });
  // A law explains a problem and a pattern or primitive acts on it: a law leads only when nothing that acts comes close.
  const acting = hits.find((h) => h.kind !== 'pitfall' && h.kind !== 'law');
  const law = hits.find((h) => h.kind === 'law');
  const remedyHit = law && (!acting || law.score > acting.score * 1.5) ? law : acting;
  if (!remedyHit) return undefined;
  const top = hits[0]!;
  // A pitfall that fits the words far better than any remedy points to the remedy its fix names.
  const viaPitfall = top.kind === 'pitfall' && top.score > remedyHit.score * 1.4 ? ctx.catalog.get(top.id) : undefined;
  const fixes = viaPitfall?.kind === 'pitfall' ? entriesOf(ctx, viaPitfall.related).filter((e) => (remedyKinds as readonly string[]).includes(e.kind)) : [];
  const entry = fixes.find((e) => hits.some((h) => h.id === e.id)) ?? fixes[0] ?? ctx.catalog.get(remedyHit.id);
  if (!entry) return undefined;
  const words = ctx.catalog.problemWords(entry.id);
  const verb = entry.kind === 'capability' ? 'You need' : entry.kind === 'law' ? 'Work from' : 'Use';
  const pitfall =
    viaPitfall ??
    entriesOf(ctx, hits.filter((h) => h.kind === 'pitfall').map((h) => h.id)).find((p) => p.kind === 'pitfall' && p.related.includes(entry.id)) ??
    ctx.catalog.referencing(entry.id).find((e) => e.kind === 'pitfall');
  const fields = [
    ...field('Why', whyOf(entry)),
    ...field('Mechanism', mechanismOf(ctx, entry)),
    ...(entry.kind === 'pattern' ? field('Cost', entry.cost) : []),
    ...(pitfall ? field('It avoids', `${label(pitfall)}: ${pitfall.summary}`) : []),
    ...field('Not when', entry.details.whenNotToUse[0]),
  ];
  const others = hits.filter((h) => h.kind !== 'pitfall' && h.id !== entry.id).slice(0, 2).map((h) => h.id);
  return {
    kind: 'problem',
    lead: sentence(`${verb} ${label(entry)}: ${words?.answer ?? entry.summary}`),
    fields,
    entries: [entry.id, ...(pitfall ? [pitfall.id] : []), ...others, ...neighbours(ctx, entry)],
    ...(words?.designField ? { designField: words.designField } : {}),
  };
}
