import { parseFieldValue } from '../rules/field-kinds.ts';
import type { Requirements } from '../rules/requirements.ts';
import { readStepAnswer } from './interview-answers.ts';
import type { Condition, Interview, InterviewStep } from './interview-schema.ts';

/** True when `condition` holds for the answers so far (unset fields compare as missing). */
export function holds(condition: Condition, req: Requirements): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, req));
  if ('any' in condition) return condition.any.some((c) => holds(c, req));
  const actual = (req as Record<string, unknown>)[condition.field];
  switch (condition.op) {
    case 'set':
      return actual !== undefined;
    case 'unset':
      return actual === undefined;
    case 'eq':
      return actual === condition.value;
    case 'ne':
      return actual !== condition.value;
    case 'lt':
      return typeof actual === 'number' && actual < Number(condition.value);
    case 'gt':
      return typeof actual === 'number' && actual > Number(condition.value);
    case 'in':
      return condition.value.includes(actual as string);
    case 'notIn':
      return !condition.value.includes(actual as string);
  }
}

/** The step with this id, if the interview has it. */
export function findStep(interview: Interview, id: string | undefined): InterviewStep | undefined {
  return id === undefined ? undefined : interview.steps.find((s) => s.id === id);
}

/** The first step after `afterId` (or the first of all) that earlier answers do not make moot. */
export function nextStep(interview: Interview, afterId: string | undefined, req: Requirements): InterviewStep | undefined {
  const start = afterId === undefined ? 0 : interview.steps.findIndex((s) => s.id === afterId) + 1;
  return interview.steps.slice(start).find((s) => !(s.skipIf && holds(s.skipIf, req)));
}

/** Position of a step (1-based) and the number of steps, for "question 3 of 20". */
export function stepPosition(interview: Interview, id: string): { index: number; total: number } {
  return { index: interview.steps.findIndex((s) => s.id === id) + 1, total: interview.steps.length };
}

/** Parses one field's value (units allowed) into what the requirements schema holds; throws UserError when unusable. */
export function parseField(field: string, text: string): unknown {
  return parseFieldValue(field, text);
}

/** What answering `text` to `step` sets (a value per field; `undefined` leaves a field unset). Throws UserError. */
export function answerStep(step: InterviewStep, text: string): Record<string, unknown> {
  return readStepAnswer(step, text);
}

/** Requirements with `values` applied; a value of `undefined` removes the field. */
export function applyValues(req: Requirements, values: Record<string, unknown>): Requirements {
  const next: Record<string, unknown> = { ...req };
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) delete next[field];
    else next[field] = value;
  }
  return next as Requirements;
}
