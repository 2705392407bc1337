import type { Catalog } from '../catalog/catalog.ts';
import type { Choice, Reply } from '../dialog/reply.ts';
import { composeText } from '../dialog/replies/entry-reply.ts';
import type { Answer } from './answer.ts';
import type { DesignAdvice } from './design-advice.ts';

/** Slack shows five choices as buttons; an answer keeps to that. */
const maxChoices = 5;

/**
 * The reply to a question: the answer's sentence first (no heading before it), the evidence as
 * fields, what it means for the thread's design, and as choices the what-if (in a design thread)
 * and then the entries it drew on as `show <id>`, most relevant first.
 */
export function answerReply(answer: Answer, catalog: Catalog, advice?: DesignAdvice): Reply {
  const shows: Choice[] = [];
  for (const id of answer.entries) {
    const entry = catalog.get(id);
    if (entry && !shows.some((c) => c.value === `show ${entry.id}`)) shows.push({ label: `Show ${entry.id}`, value: `show ${entry.id}` });
  }
  const own = answer.choices ?? [];
  const choices = [...(advice?.choice ? [advice.choice] : []), ...own, ...shows.filter((s) => !own.some((c) => c.value === s.value))].slice(0, maxChoices);
  const summary = advice ? `${answer.lead}\n${advice.line}` : answer.lead;
  const parts = { summary, fields: answer.fields, choices };
  return {
    kind: answer.kind === 'unclear' ? 'question' : 'answer',
    text: composeText(parts),
    ...parts,
    ...(answer.formula ? { formulas: [answer.formula] } : {}),
  };
}
