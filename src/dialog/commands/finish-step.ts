import type { Interview } from '../interview-schema.ts';
import { findStep, stepPosition } from '../interview-flow.ts';
import type { StepResult, Step } from '../interview-steps.ts';
import type { Reply } from '../reply.ts';
import { errorReply } from '../replies/basic-replies.ts';
import { questionReply } from '../replies/question-reply.ts';
import { saveAssessment } from '../save-assessment.ts';
import type { SessionState } from '../session-state.ts';
import type { CommandContext, CommandOutcome } from './command.ts';

/** The question of an `ask` result, with its notes (and the error that made it ask again). */
export function questionReplies(interview: Interview, state: SessionState, result: Extract<StepResult, { tag: 'ask' }>): Reply[] {
  const step = findStep(interview, result.stepId);
  if (!step) return [errorReply('interview_changed', 'The interview has changed since this conversation began; type restart to begin again.')];
  const position = stepPosition(interview, step.id);
  const question = questionReply(step, { ...position, canGoBack: state.answers.length > 0, notes: result.notes });
  return result.error ? [errorReply(result.error.code, result.error.message), question] : [question];
}

/** Performs what an interview move asked for: ask the question, answer, refuse, or assess and save. */
export async function finishStep(ctx: CommandContext, step: Step): Promise<CommandOutcome> {
  const { state, result } = step;
  switch (result.tag) {
    case 'ask':
      return { replies: questionReplies(ctx.interview, state, result), state, asked: true };
    case 'answer':
      return { replies: result.replies, state };
    case 'error':
      return { replies: [errorReply(result.code, result.message, result.hint)], state };
    case 'assess':
      return saveAssessment(ctx, state, result.requirements, result.answeredBy, result.cause);
  }
}

/** A short reminder of the pending question, shown after a side question so the interview keeps its place. */
export function reminderReply(interview: Interview, state: SessionState): Reply | undefined {
  const step = findStep(interview, state.stepId);
  if (!step) return undefined;
  return questionReply(step, { ...stepPosition(interview, step.id), canGoBack: state.answers.length > 0, brief: true });
}
