import { field } from '../dialog/replies/entry-reply.ts';
import type { Answer } from './answer.ts';
import type { SizingAnswer } from './sizing/sizing-answer.ts';

/** A sizing answer as an answer: the figure first, then the formula with the numbers and the assumptions added. */
export function answerSizing(sized: SizingAnswer): Answer {
  return {
    kind: 'sizing',
    lead: sized.headline,
    fields: [...field('Formula', `${sized.model}: ${sized.formula}`), ...field('Assumptions', sized.assumptions)],
    entries: sized.entries,
    formula: sized.formula,
    ...(sized.designField ? { designField: sized.designField } : {}),
  };
}
