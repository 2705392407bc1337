import type { Entry } from '../catalog/schema.ts';
import { field, nameWithId } from '../dialog/replies/entry-reply.ts';
import { label, type Answer, type AnswerContext } from './answer.ts';

/** Entries next to this one that a reader usually wants next: its parts, its patterns, its pitfalls. */
export function neighbours(ctx: AnswerContext, entry: Entry): string[] {
  const pitfalls = ctx.catalog.referencing(entry.id).filter((e) => e.kind === 'pitfall').map((e) => e.id);
  switch (entry.kind) {
    case 'pattern':
      return [...entry.primitives, ...pitfalls];
    case 'primitive':
      return [...entry.requires.flat(), ...ctx.catalog.list('pattern').filter((p) => p.primitives.includes(entry.id)).map((p) => p.id), ...pitfalls];
    case 'capability':
      return [...entry.providedBy, ...pitfalls];
    case 'law':
      return [...pitfalls, ...entry.constrains];
    case 'pitfall':
    case 'case-study':
    case 'obligation':
      return entry.related;
    default:
      return [];
  }
}

/** "What is CAP?": the entry's own summary first, then what it is for, its formula, and when it fits. */
export function answerDefinition(ctx: AnswerContext, entry: Entry): Answer {
  const words = ctx.catalog.problemWords(entry.id);
  const formula = entry.formulas[0];
  const fields = [
    ...field('Use it when', words?.fitsWhen ?? entry.details.whenToUse[0]),
    ...(formula ? field('Formula', formula.where ? `${formula.expression} (${formula.where})` : formula.expression) : []),
    ...(entry.kind === 'pattern' ? field('Built from', entry.primitives.map((id) => nameWithId(ctx.catalog, id)).join(' + ')) : []),
    ...(entry.kind === 'pattern' ? field('Cost', entry.cost) : []),
    ...(entry.kind === 'primitive' ? field('Provides', entry.provides.map((id) => nameWithId(ctx.catalog, id)).join(', ')) : []),
    ...(entry.kind === 'capability' ? field('Provided by', entry.providedBy.map((id) => nameWithId(ctx.catalog, id)).join(', ')) : []),
    ...(entry.kind === 'pitfall' ? field('Fix', entry.fix) : []),
    ...field('Not when', entry.details.whenNotToUse[0]),
  ];
  return {
    kind: 'definition',
    lead: `${label(entry)}: ${entry.summary}`,
    fields,
    entries: [entry.id, ...neighbours(ctx, entry)],
    ...(words?.designField ? { designField: words.designField } : {}),
  };
}
