import { decisiveQuestions } from '../interview-decisive.ts';
import type { Interview } from '../interview-schema.ts';
import { findStep, stepPosition } from '../interview-flow.ts';
import { pendingPosition } from '../interview-walk.ts';
import type { StepResult, Step } from '../interview-steps.ts';
import type { Reply } from '../reply.ts';
import { errorReply, infoReply } from '../replies/basic-replies.ts';
import { questionReply } from '../replies/question-reply.ts';
import { saveAssessment } from '../save-assessment.ts';
import type { SessionState } from '../session-state.ts';
import type { CommandContext, CommandOutcome } from './command.ts';

/** How many questions may follow the first card; the rest stay one `interview` away. */
const decisiveLimit = 5;

/** The question of an `ask` result, with its notes (and the error that made it ask again). */
export function questionReplies(interview: Interview, state: SessionState, result: Extract<StepResult, { tag: 'ask' }>): Reply[] {
  const step = findStep(interview, result.stepId);
  if (!step) return [errorReply('interview_changed', 'The interview has changed since this conversation began; type restart to begin again.')];
  const position = result.position ?? stepPosition(interview, step.id);
  const asked = questionReply(step, { ...position, canGoBack: state.answers.length > 0, notes: result.notes, ...(result.why && { why: result.why }) });
  const question = result.read ? { ...asked, requirements: result.read } : asked;
  return result.error ? [errorReply(result.error.code, result.error.message), question] : [question];
}

/** After the first card: the questions whose answer would change this design, most decisive first, or a note that none would. */
async function askDecisive(ctx: CommandContext, outcome: CommandOutcome, result: Extract<StepResult, { tag: 'assess' }>): Promise<CommandOutcome> {
  const [first, ...queue] = await decisiveQuestions(ctx.interview, result.requirements, (r) => ctx.assessor.outcome(r), decisiveLimit);
  const step = first ? findStep(ctx.interview, first.stepId) : undefined;
  if (!first || !step) {
    return { ...outcome, replies: [...outcome.replies, infoReply('No open question would change this design. Type interview to walk every question anyway.')] };
  }
  const base = outcome.state ?? ctx.state;
  const state: SessionState = {
    ...base, mode: 'interviewing', walk: 'decisive', stepId: step.id, queue, why: first.why, answers: [],
    requirements: result.requirements, answeredBy: result.answeredBy,
  };
  const total = queue.length + 1;
  const lead = `${total === 1 ? 'One question' : `${total} questions`} could change this design; skip any, or type assess to stop.`;
  const question = questionReply(step, { index: 1, total, canGoBack: false, notes: [lead], why: first.why });
  return { ...outcome, state, replies: [...outcome.replies, question], asked: true };
}

/** Performs what an interview move asked for: ask the question, answer, refuse, or assess and save. */
export async function finishStep(ctx: CommandContext, step: Step): Promise<CommandOutcome> {
  const outcome = await perform(ctx, step);
  return step.lead && step.lead.length > 0 ? { ...outcome, replies: [...step.lead, ...outcome.replies] } : outcome;
}

async function perform(ctx: CommandContext, step: Step): Promise<CommandOutcome> {
  const { state, result } = step;
  switch (result.tag) {
    case 'ask':
      return { replies: questionReplies(ctx.interview, state, result), state, asked: true };
    case 'answer':
      return { replies: result.replies, state };
    case 'error':
      return { replies: [errorReply(result.code, result.message, result.hint)], state };
    case 'assess': {
      const saved = await saveAssessment(ctx, state, result.requirements, result.answeredBy, result.cause);
      return result.then === 'rank' ? askDecisive(ctx, saved, result) : saved;
    }
  }
}

/** A short reminder of the pending question, shown after a side question so the interview keeps its place. */
export function reminderReply(interview: Interview, state: SessionState): Reply | undefined {
  const step = findStep(interview, state.stepId);
  if (!step) return undefined;
  // In a short walk (the questions before or after the first card) the reminder counts as the walk does.
  const position = pendingPosition(state, interview) ?? stepPosition(interview, step.id);
  return questionReply(step, { ...position, canGoBack: state.answers.length > 0, brief: true });
}
