import type { Interview, InterviewStep } from './interview-schema.ts';
import { findStep, holds, nextStep } from './interview-flow.ts';
import type { SessionState } from './session-state.ts';

/** The next question of the conversation's walk, with the state that asks it, or undefined when the walk is over. */
export interface NextQuestion {
  state: SessionState;
  stepId: string;
  extra: { why?: string; position?: { index: number; total: number } };
}

function open(step: InterviewStep, s: SessionState): boolean {
  const req = s.requirements as Record<string, unknown>;
  return step.fields.every((f) => req[f] === undefined) && !(step.skipIf && holds(step.skipIf, s.requirements));
}

function firstCardLeft(s: SessionState, interview: Interview): InterviewStep[] {
  const asked = new Set(s.answers.map((a) => a.stepId));
  return interview.firstCard
    .map((id) => findStep(interview, id))
    .filter((step): step is InterviewStep => step !== undefined && !asked.has(step.id) && step.id !== s.stepId && open(step, s));
}

/** Where the pending question sits in a short walk ("question 2 of 4"). */
export function walkPosition(s: SessionState): { index: number; total: number } {
  const askedInWalk = s.walk === 'first-card' ? Math.max(0, s.answers.length - 1) : s.answers.length;
  return { index: askedInWalk + 1, total: askedInWalk + 1 + (s.walk === 'decisive' ? (s.queue?.length ?? 0) : 0) };
}

/** Where the pending question sits in a short walk, counting the questions before the first card still to come; undefined outside one. */
export function pendingPosition(s: SessionState, interview: Interview): { index: number; total: number } | undefined {
  if (s.walk === 'decisive') return walkPosition(s);
  if (s.walk !== 'first-card') return undefined;
  const index = Math.max(0, s.answers.length - 1) + 1;
  return { index, total: index + firstCardLeft(s, interview).length };
}

/**
 * Moves the walk on from the answered step: the next decisive question from the queue, the next question
 * before the first card, or (walking every step) the next step that earlier answers do not make moot.
 */
export function nextInWalk(s: SessionState, interview: Interview): NextQuestion | undefined {
  if (s.walk === 'decisive') {
    const queue = [...(s.queue ?? [])];
    while (queue.length > 0) {
      const item = queue.shift()!;
      const step = findStep(interview, item.stepId);
      if (!step || !open(step, s)) continue;
      const state: SessionState = { ...s, stepId: step.id, queue, why: item.why };
      return { state, stepId: step.id, extra: { why: item.why, position: walkPosition(state) } };
    }
    return undefined;
  }
  if (s.walk === 'first-card' || s.walk === 'describe') {
    const left = firstCardLeft(s, interview);
    const step = left[0];
    if (!step) return undefined;
    const state: SessionState = { ...s, stepId: step.id, walk: 'first-card' };
    const index = Math.max(0, s.answers.length - 1) + 1;
    return { state, stepId: step.id, extra: { position: { index, total: index + left.length - 1 } } };
  }
  const step = nextStep(interview, s.stepId, s.requirements);
  return step ? { state: { ...s, stepId: step.id }, stepId: step.id, extra: {} } : undefined;
}
