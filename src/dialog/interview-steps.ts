import { isUserError, type UserErrorCode } from '../errors.ts';
import type { Requirements } from '../rules/requirements.ts';
import type { DesignSnapshot } from './design-snapshot.ts';
import { formatValue } from './format-value.ts';
import type { Interview } from './interview-schema.ts';
import { answerStep, applyValues, findStep, holds, nextStep, parseField } from './interview-flow.ts';
import { nextInWalk, walkPosition } from './interview-walk.ts';
import { readWords } from '../rules/parse-requirements.ts';
import type { Reply } from './reply.ts';
import { infoReply } from './replies/basic-replies.ts';
import { readReply } from './replies/read-reply.ts';
import type { SessionState } from './session-state.ts';
import type { Turn } from './turn.ts';

// The interview's moves as pure functions: state in, new state and what to do next out. The
// command handlers call them and perform the result (ask the question, assess and save).

/** What the engine knows besides state and turn; `now` is an ISO time, so nothing here reads a clock. */
export interface StepContext {
  interview: Interview;
  design?: DesignSnapshot | undefined;
}

/** What an interview move asks for next. */
export type StepResult =
  | {
      tag: 'ask';
      stepId: string;
      notes: string[];
      error?: { code: UserErrorCode; message: string };
      /** Why the question matters for this design (decisive questions). */
      why?: string;
      /** Where it sits in a short walk ("question 2 of 4"), when not the interview's own numbering. */
      position?: { index: number; total: number };
      /** What the answer just read, for `requirements` on the reply. */
      read?: Record<string, unknown>;
    }
  | { tag: 'answer'; replies: Reply[] }
  | {
      tag: 'assess';
      requirements: Requirements;
      answeredBy: Record<string, string>;
      cause: string;
      whatIf: boolean;
      /** After saving, rank the questions that would change the design and ask the first (the first card). */
      then?: 'rank';
    }
  | { tag: 'error'; code: UserErrorCode; message: string; hint?: string };

/** A move's new state and result, with replies to show before what the result produces ("I read: …"). */
export interface Step {
  state: SessionState;
  result: StepResult;
  lead?: Reply[];
}

/** True when the requirements hold something to assess besides the name. */
export function assessable(req: Requirements): boolean {
  return Object.keys(req).some((k) => k !== 'name');
}

/** A friendly refusal that keeps the state as it is. */
export function refuse(s: SessionState, code: UserErrorCode, message: string, hint?: string): Step {
  return { state: s, result: { tag: 'error', code, message, ...(hint ? { hint } : {}) } };
}

/** Asks (again) the pending question, with notes above it. */
export function ask(
  s: SessionState,
  stepId: string | undefined,
  notes: string[],
  error?: { code: UserErrorCode; message: string },
  extra: { why?: string; position?: { index: number; total: number } } = {},
): Step {
  const why = extra.why ?? (s.walk === 'decisive' && s.stepId === stepId ? s.why : undefined);
  const position = extra.position ?? (s.walk === 'decisive' || s.walk === 'first-card' ? walkPosition(s) : undefined);
  return { state: s, result: { tag: 'ask', stepId: stepId ?? '', notes, ...(error ? { error } : {}), ...(why && { why }), ...(position && { position }) } };
}

/** Starts the interview from its first question (`restart` says so). */
export function startInterview(s: SessionState, ctx: StepContext, why: 'design' | 'restart'): Step {
  const first = nextStep(ctx.interview, undefined, {});
  const fresh: SessionState = {
    ...s, mode: 'interviewing', stepId: first?.id, answers: [], requirements: {}, answeredBy: {}, resumeMode: undefined,
    walk: 'describe', queue: undefined, why: undefined,
  };
  const kept = ctx.design ? ` The saved design stays at version ${ctx.design.latestVersion} until this interview ends.` : '';
  const note = why === 'restart'
    ? `Starting over with no answers.${kept}`
    : `Let's design it together. Answer in your own words or pick a choice; skip, back and help work at any time.${kept}`;
  return ask(fresh, first?.id, [note]);
}

/** `interview`: walks every question in order, starting from what the design (or this conversation) already holds. */
export function walkEveryQuestion(s: SessionState, ctx: StepContext): Step {
  const requirements = s.mode === 'interviewing' ? s.requirements : (ctx.design?.requirements ?? s.requirements);
  const answeredBy = s.mode === 'interviewing' ? s.answeredBy : (ctx.design?.answeredBy ?? s.answeredBy);
  const named = typeof requirements.name === 'string' || ctx.design !== undefined;
  const first = named ? ctx.interview.steps.find((step, i) => i > 0 && !(step.skipIf && holds(step.skipIf, requirements))) : ctx.interview.steps[0];
  const walking: SessionState = { ...s, mode: 'interviewing', stepId: first?.id, answers: [], requirements, answeredBy, walk: 'all', queue: undefined, why: undefined };
  const note = `Here is every question, in order (${ctx.interview.steps.length} in all). Skip keeps what is there; assess shows the design at any point.`;
  return ask(walking, first?.id, [note]);
}

/** Goes back one answered question. */
export function goBack(s: SessionState, ctx: StepContext): Step {
  if (s.mode !== 'interviewing') return refuse(s, 'not_interviewing', 'There is no interview to go back in. Type design to start one.');
  const last = s.answers.at(-1);
  if (!last) return ask(s, s.stepId, ['This is the first question; there is nothing to go back to.']);
  const previous: SessionState = {
    ...s,
    stepId: last.stepId,
    answers: s.answers.slice(0, -1),
    requirements: last.requirementsBefore,
    answeredBy: last.answeredByBefore,
    // In a walk of decisive questions the current one goes back to the front of the queue.
    ...(s.walk === 'decisive' && s.stepId && { queue: [{ stepId: s.stepId, why: s.why ?? '' }, ...(s.queue ?? [])], why: undefined }),
  };
  return findStep(ctx.interview, last.stepId) ? ask(previous, last.stepId, ['Going back.']) : ask(s, s.stepId, []);
}

/** Records answers for the pending step and moves to the next one (or to the assessment when none is left). */
export function advance(s: SessionState, ctx: StepContext, turn: Turn, values: Record<string, unknown>, note: string): Step {
  // A skip sends no values, so what the field held stays; "not sure" sends undefined and clears it.
  const requirements = applyValues(s.requirements, values);
  const answeredBy = { ...s.answeredBy };
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) delete answeredBy[field];
    else answeredBy[field] = turn.user;
  }
  const frame = { stepId: s.stepId ?? '', requirementsBefore: s.requirements, answeredByBefore: s.answeredBy };
  const moved: SessionState = { ...s, requirements, answeredBy, answers: [...s.answers, frame] };
  const read = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const next = nextInWalk(moved, ctx.interview);
  if (next) {
    const asked = ask(next.state, next.stepId, [note], undefined, next.extra);
    return Object.keys(read).length > 0 && asked.result.tag === 'ask' ? { ...asked, result: { ...asked.result, read } } : asked;
  }
  const lead = [{ ...infoReply(note), ...(Object.keys(read).length > 0 && { requirements: read }) }];
  if (s.walk === 'first-card') return { ...rankAfter(moved, ctx), lead };
  return { ...assessAnswers({ ...moved, walk: undefined, queue: undefined, why: undefined }, ctx, 'interview'), lead };
}

/** After the first card the decisive questions follow (the command that saves ranks them with the assessor). */
function rankAfter(s: SessionState, ctx: StepContext): Step {
  const done = assessAnswers(s, ctx, s.walk === 'describe' ? 'described' : 'interview');
  if (done.result.tag !== 'assess') return done;
  return { state: { ...done.state, walk: undefined, queue: undefined, why: undefined }, result: { ...done.result, then: 'rank' } };
}

/** The first answer, read as a description: "I read: …", then the first card at once when anything is assessable. */
function describe(s: SessionState, ctx: StepContext, turn: Turn, text: string): Step {
  const read = readWords(text);
  const title = read.name ?? (read.readings.length === 0 ? text.replace(/\s+/g, ' ').trim().slice(0, 80) : undefined);
  const requirements = applyValues(s.requirements, { ...read.requirements, ...(title !== undefined && { name: title }) });
  const answeredBy = { ...s.answeredBy };
  for (const field of Object.keys(requirements)) if (!(field in s.requirements)) answeredBy[field] = turn.user;
  const frame = { stepId: s.stepId ?? '', requirementsBefore: s.requirements, answeredByBefore: s.answeredBy };
  const moved: SessionState = { ...s, requirements, answeredBy, answers: [...s.answers, frame] };
  const lead = read.readings.length > 0 ? [readReply(read, title !== undefined ? { name: title } : {})] : [];
  if (assessable(requirements)) return { ...rankAfter(moved, ctx), lead };
  const next = nextInWalk({ ...moved, walk: 'first-card' }, ctx.interview);
  const note = title ? `Noted: the design is "${title}". A few questions, then a first design.` : 'A few questions, then a first design.';
  if (next) return { ...ask(next.state, next.stepId, [note], undefined, next.extra), lead };
  return { ...ask(moved, s.stepId, [note]), lead };
}

/** Reads typed words as the answer to the pending question. */
export function answerText(s: SessionState, ctx: StepContext, turn: Turn, text: string): Step {
  const current = findStep(ctx.interview, s.stepId);
  if (!current) return startInterview(s, ctx, 'restart');
  if (s.walk === 'describe' && current.id === ctx.interview.steps[0]?.id) return describe(s, ctx, turn, text);
  try {
    const values = answerStep(current, text);
    const shown = Object.entries(values).map(([f, v]) => `${f} = ${formatValue(f, v)}`);
    return advance(s, ctx, turn, values, `Noted: ${shown.join(', ')}.`);
  } catch (e) {
    if (!isUserError(e)) throw e;
    return ask(s, s.stepId, [], { code: e.code, message: e.message });
  }
}

/** `set <field> <value>`: during the interview an answer, before a design a note, on a saved design a what-if. */
export function setField(s: SessionState, ctx: StepContext, turn: Turn, field: string, text: string): Step {
  const value = parseField(field, text);
  const who = turn.user;
  const shown = `${field} = ${formatValue(field, value)}`;
  // A what-if on the card while its decisive questions are pending applies to the design (and ends the walk).
  if (s.mode === 'interviewing' && s.walk === 'decisive' && ctx.design) {
    const requirements = applyValues({ ...ctx.design.requirements, ...s.requirements }, { [field]: value });
    const answeredBy = { ...ctx.design.answeredBy, ...s.answeredBy, [field]: who };
    return {
      state: { ...s, mode: 'idle', stepId: undefined, answers: [], walk: undefined, queue: undefined, why: undefined, requirements, answeredBy },
      result: { tag: 'assess', requirements, answeredBy, cause: `set ${field} ${formatValue(field, value)}`, whatIf: true },
    };
  }
  if (s.mode === 'interviewing' || !ctx.design) {
    const requirements = applyValues(s.requirements, { [field]: value });
    const updated: SessionState = { ...s, requirements, answeredBy: { ...s.answeredBy, [field]: who } };
    if (s.mode === 'interviewing') {
      const current = findStep(ctx.interview, s.stepId);
      if (current?.fields.length === 1 && current.fields[0] === field) return advance(s, ctx, turn, { [field]: value }, `Noted: ${shown}.`);
      return ask(updated, s.stepId, [`Noted: ${shown}.`]);
    }
    return { state: updated, result: { tag: 'answer', replies: [infoReply(`Noted: ${shown}. Type assess to see a design, or design to be guided through the rest.`, [
      { label: 'Assess', value: 'assess' },
      { label: 'Start the interview', value: 'design' },
    ])] } };
  }
  const base = ctx.design.requirements as Record<string, unknown>;
  if (JSON.stringify(base[field]) === JSON.stringify(value)) {
    return { state: s, result: { tag: 'answer', replies: [infoReply(`${shown} already; nothing changed.`)] } };
  }
  const requirements = applyValues(ctx.design.requirements, { [field]: value });
  const answeredBy = { ...ctx.design.answeredBy, [field]: who };
  return {
    state: { ...s, requirements, answeredBy },
    result: { tag: 'assess', requirements, answeredBy, cause: `set ${field} ${formatValue(field, value)}`, whatIf: true },
  };
}

/** Ends the interview (or re-assesses the saved design) and asks for an assessment of the answers. */
export function assessAnswers(s: SessionState, ctx: StepContext, cause: string): Step {
  const useDesign = s.mode !== 'interviewing' && ctx.design !== undefined;
  const requirements = useDesign ? ctx.design!.requirements : s.requirements;
  const answeredBy = useDesign ? ctx.design!.answeredBy : s.answeredBy;
  if (!assessable(requirements)) {
    return refuse(s, 'nothing_to_assess', 'There is nothing to assess yet: answer a question or two first (or type design to start).');
  }
  const done: SessionState = { ...s, mode: 'idle', stepId: undefined, answers: [], requirements, answeredBy };
  return { state: done, result: { tag: 'assess', requirements, answeredBy, cause, whatIf: false } };
}
