import type { InterviewStep } from '../interview-schema.ts';
import type { Choice, Reply } from '../reply.ts';
import { titledReply } from './basic-replies.ts';

/** The buttons of a question: its own choices, then Skip and (when there is something to undo) Back. */
export function questionChoices(step: InterviewStep, canGoBack: boolean): Choice[] {
  return [
    ...step.choices.map((c) => ({ label: c.label, value: c.value })),
    { label: 'Skip', value: 'skip' },
    ...(canGoBack ? [{ label: 'Back', value: 'back' }] : []),
  ];
}

/** Asks one interview step: notes first (what was just recorded), then the question, help and examples. */
export function questionReply(
  step: InterviewStep,
  options: { index: number; total: number; canGoBack: boolean; notes?: string[]; brief?: boolean; why?: string },
): Reply {
  const title = `Question ${options.index} of ${options.total}`;
  const choices = questionChoices(step, options.canGoBack);
  const notes = options.notes ?? [];
  if (options.brief) {
    const text = [...notes, `Back to the interview (${title.toLowerCase()}): ${step.question}`].join('\n');
    return { kind: 'question', text, choices };
  }
  const examples = step.examples.length > 0 ? `For example: ${step.examples.join(' · ')}` : '';
  const body = [...notes, step.question, options.why ?? step.help, examples].filter((l) => l !== '').join('\n');
  return titledReply('question', title, body, { choices });
}
