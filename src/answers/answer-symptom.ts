import type { Entry } from '../catalog/schema.ts';
import { field } from '../dialog/replies/entry-reply.ts';
import { entriesOf, firstSentence, label, lowerFirst, sentence, type Answer, type AnswerContext } from './answer.ts';

/**
 * "p99 exploded after we added a fan-out call": the likely causes (the pitfall and the law behind
 * it), the first thing to check, and the fix.
 */
export function answerSymptom(ctx: AnswerContext, text: string): Answer | undefined {
  const hits = ctx.ranking.rank(text, { kinds: ['pitfall', 'law'], limit: 6 });
  const top = hits[0] && ctx.catalog.get(hits[0].id);
  if (!top) return undefined;
  const others = entriesOf(ctx, hits.slice(1).map((h) => h.id));
  // The law behind a pitfall, or the pitfall that shows a law at work.
  const partner: Entry | undefined =
    top.kind === 'pitfall'
      ? (others.find((e) => e.kind === 'law' && top.related.includes(e.id)) ?? entriesOf(ctx, top.related).find((e) => e.kind === 'law'))
      : (others.find((e) => e.kind === 'pitfall' && e.related.includes(top.id)) ?? ctx.catalog.referencing(top.id).find((e) => e.kind === 'pitfall'));
  const pitfall = top.kind === 'pitfall' ? top : partner?.kind === 'pitfall' ? partner : undefined;
  const law = top.kind === 'law' ? top : partner?.kind === 'law' ? partner : undefined;
  const check = pitfall ? ctx.catalog.problemWords(pitfall.id)?.firstCheck : undefined;
  const lead =
    top.kind === 'pitfall'
      ? `This looks like ${label(top)}: ${lowerFirst(firstSentence(top.summary))}`
      : `This is ${label(top)} at work: ${lowerFirst(sentence(ctx.catalog.problemWords(top.id)?.answer ?? firstSentence(top.summary)))}`;
  const causes = [law ? `${label(law)} (law)` : undefined, pitfall && pitfall !== top ? `${label(pitfall)} (pitfall)` : undefined, top.kind === 'pitfall' ? `${label(top)} (pitfall)` : undefined]
    .filter((s): s is string => s !== undefined);
  const remedies = pitfall ? entriesOf(ctx, pitfall.related).filter((e) => e.kind === 'pattern' || e.kind === 'primitive').map((e) => e.id) : [];
  const fields = [
    ...field('First thing to check', check ? sentence(check.charAt(0).toUpperCase() + check.slice(1)) : undefined),
    ...field('Likely causes', causes.join('; ')),
    ...(pitfall?.kind === 'pitfall' ? field('Fix', pitfall.fix) : []),
    ...field('Other suspects', others.filter((e) => e !== partner).slice(0, 2).map(label).join(', ')),
  ];
  const words = ctx.catalog.problemWords(top.id) ?? (pitfall ? ctx.catalog.problemWords(pitfall.id) : undefined);
  return {
    kind: 'symptom',
    lead: sentence(lead),
    fields,
    entries: [top.id, ...(partner ? [partner.id] : []), ...remedies, ...others.map((e) => e.id)],
    ...(words?.designField ? { designField: words.designField } : {}),
  };
}
