import { isUserError } from '../errors.ts';
import type { Requirements } from '../rules/requirements.ts';
import { isNo, isYes, parseCommand, type Command, type ExportFormat, type LookupKind } from './command-parser.ts';
import type { PlanChange } from './plan/plan-change.ts';
import { formatValue } from './format-value.ts';
import type { Interview } from './interview-schema.ts';
import { answerStep, applyValues, findStep, nextStep, parseField } from './interview-flow.ts';
import type { Reply } from './reply.ts';
import { errorReply, infoReply } from './replies/basic-replies.ts';
import { helpReply } from './replies/help-reply.ts';
import { initialState, type SessionState } from './session-state.ts';
import type { Turn } from './turn.ts';

/** What the engine knows of the thread's saved design (the latest version). */
export interface DesignSnapshot {
  id: string;
  title: string;
  latestVersion: number;
  requirements: Requirements;
  answeredBy: Record<string, string>;
}

/** Everything the engine needs besides state and turn; `now` is an ISO time, so the engine reads no clock. */
export interface EngineContext {
  now: string;
  interview: Interview;
  sessionTtlMs: number;
  design?: DesignSnapshot;
}

/** What the caller must do next. Tags that name an effect (assess, delete, …) are performed by the core. */
export type EngineResult =
  | { tag: 'ask'; stepId: string; notes: string[]; error?: { code: string; message: string } }
  | { tag: 'answer'; replies: Reply[] }
  | { tag: 'assess'; requirements: Requirements; answeredBy: Record<string, string>; cause: string; whatIf: boolean }
  | { tag: 'show' }
  | { tag: 'history' }
  | { tag: 'diff'; v1?: number; v2?: number }
  | { tag: 'designs' }
  | { tag: 'export'; format?: ExportFormat; ref?: string }
  | { tag: 'plan'; ref?: string }
  | { tag: 'planAll' }
  | { tag: 'planChange'; change: PlanChange }
  | { tag: 'edit'; op: 'add' | 'drop'; id: string }
  | { tag: 'milestone'; name: string }
  | { tag: 'why'; id: string }
  | { tag: 'whyNot'; id: string }
  | { tag: 'formulas' }
  | { tag: 'explain'; query: string }
  | { tag: 'lookup'; query: string; casual?: boolean; kind?: LookupKind }
  | { tag: 'list'; kind: LookupKind }
  | { tag: 'entry'; id: string }
  | { tag: 'name'; title: string }
  | { tag: 'delete' }
  | { tag: 'stale'; clicked: number; latest: number }
  | { tag: 'error'; code: string; message: string; hint?: string };

/** The engine's output: the new state, the effect to perform, and notices to show first. */
export interface EngineOutput {
  state: SessionState;
  result: EngineResult;
  notices: Reply[];
}

/** Commands whose buttons only make sense for the design version they were drawn for. */
const versionBound = new Set<Command['type']>(['set', 'why', 'whyNot']);

/** True when the requirements hold something to assess besides the name. */
export function assessable(req: Requirements): boolean {
  return Object.keys(req).some((k) => k !== 'name');
}

/**
 * Runs one turn of the conversation: state and turn in, new state and a tagged result out.
 * Pure: no I/O and no clock, so every path can be tested with plain values.
 */
export function step(state: SessionState, turn: Turn, ctx: EngineContext): EngineOutput {
  const notices: Reply[] = [];
  let s: SessionState = { ...state, lastActivityAt: ctx.now };
  const idleFor = Date.parse(ctx.now) - Date.parse(state.lastActivityAt);
  const expired = state.mode !== 'idle' && idleFor > ctx.sessionTtlMs;
  if (expired) {
    const kept = ctx.design ? ` The saved design (version ${ctx.design.latestVersion}) is kept.` : '';
    notices.push(infoReply(`This conversation was idle for too long, so I closed the open interview.${kept}`, [
      { label: 'Start a new design', value: 'design' },
      ...(ctx.design ? [{ label: 'Show the design', value: 'show' }] : []),
    ]));
    s = { ...initialState(ctx.now), lastVersionSeen: state.lastVersionSeen, ...(state.title ? { title: state.title } : {}) };
  }
  const text = (turn.action?.value ?? turn.text ?? '').trim();
  if (text === '') return { state: s, result: err('empty', 'Say something, or type help to see what I can do.'), notices };

  if (s.mode === 'awaiting-delete-confirmation') {
    const resume = s.resumeMode ?? 'idle';
    if (isYes(text)) return { state: { ...initialState(ctx.now) }, result: { tag: 'delete' }, notices };
    s = { ...s, mode: resume, resumeMode: undefined };
    if (isNo(text)) return { state: s, result: answer(infoReply('Kept it: nothing was deleted.')), notices };
    notices.push(infoReply('Not deleted.'));
  }

  let command: Command;
  try {
    command = parseCommand(text);
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { state: s, result: err(e.code, e.message, e.hint), notices };
  }
  if (expired && command.type === 'text') return { state: s, result: answer(), notices };

  const clicked = turn.action?.version;
  if (clicked !== undefined && ctx.design && clicked < ctx.design.latestVersion && versionBound.has(command.type)) {
    return { state: s, result: { tag: 'stale', clicked, latest: ctx.design.latestVersion }, notices };
  }
  try {
    return { ...run(command, s, turn, ctx), notices };
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { state: s, result: err(e.code, e.message, e.hint), notices };
  }
}

function run(command: Command, s: SessionState, turn: Turn, ctx: EngineContext): Omit<EngineOutput, 'notices'> {
  const interviewing = s.mode === 'interviewing';
  switch (command.type) {
    case 'help':
      return { state: s, result: answer(helpReply(interviewing)) };
    case 'lookup':
      return { state: s, result: { tag: 'lookup', query: command.query, ...(command.kind && { kind: command.kind }) } };
    case 'question':
      return { state: s, result: { tag: 'lookup', query: command.query } };
    case 'list':
      return { state: s, result: { tag: 'list', kind: command.kind } };
    case 'showEntry':
      return { state: s, result: { tag: 'entry', id: command.id } };
    case 'showDesign':
      return { state: s, result: { tag: 'show' } };
    case 'history':
      return { state: s, result: { tag: 'history' } };
    case 'diff':
      return { state: s, result: { tag: 'diff', v1: command.v1, v2: command.v2 } };
    case 'designs':
      return { state: s, result: { tag: 'designs' } };
    case 'export':
      return { state: s, result: { tag: 'export', ...(command.format && { format: command.format }), ...(command.ref && { ref: command.ref }) } };
    case 'plan':
      return { state: s, result: { tag: 'plan', ...(command.ref && { ref: command.ref }) } };
    case 'planAll':
      return { state: s, result: { tag: 'planAll' } };
    case 'planChange':
      return { state: s, result: { tag: 'planChange', change: command.change } };
    case 'edit':
      return { state: s, result: { tag: 'edit', op: command.op, id: command.id } };
    case 'milestone':
      return { state: s, result: { tag: 'milestone', name: command.name } };
    case 'why':
      return { state: s, result: { tag: 'why', id: command.id } };
    case 'whyNot':
      return { state: s, result: { tag: 'whyNot', id: command.id } };
    case 'formulas':
      return { state: s, result: { tag: 'formulas' } };
    case 'explain':
      return { state: s, result: { tag: 'explain', query: command.query } };
    case 'name':
      return { state: { ...s, title: command.title }, result: { tag: 'name', title: command.title } };
    case 'design':
      if (interviewing) return ask(s, s.stepId, ['We are already in the middle of the interview.']);
      return start(s, ctx, 'design');
    case 'restart':
      return start(s, ctx, 'restart');
    case 'cancel':
      if (!interviewing) return { state: s, result: err('not_interviewing', 'There is no interview to cancel. Type design to start one.') };
      return {
        state: { ...s, mode: 'idle', stepId: undefined, answers: [], requirements: ctx.design?.requirements ?? {}, answeredBy: ctx.design?.answeredBy ?? {} },
        result: answer(infoReply(
          ctx.design
            ? `Interview cancelled. The saved design (version ${ctx.design.latestVersion}) is unchanged.`
            : 'Interview cancelled; nothing was saved. Type design to start again.',
        )),
      };
    case 'back':
      return back(s, ctx);
    case 'skip':
      if (!interviewing) return { state: s, result: err('not_interviewing', 'There is no question to skip. Type design to start an interview.') };
      return advance(s, ctx, turn, {}, 'Skipped.');
    case 'set':
      return set(s, ctx, turn, command.field, command.value);
    case 'assess':
      return assess(s, ctx, 'assess');
    case 'delete':
      if (!ctx.design) return { state: s, result: err('no_design', 'This thread has no saved design to delete.') };
      return {
        state: { ...s, mode: 'awaiting-delete-confirmation', resumeMode: interviewing ? 'interviewing' : 'idle' },
        result: answer({
          kind: 'question',
          text: `Delete the design "${ctx.design.title}" with all ${ctx.design.latestVersion} version(s)? This cannot be undone. Answer yes or no.`,
          choices: [{ label: 'Yes, delete it', value: 'yes' }, { label: 'No, keep it', value: 'no' }],
        }),
      };
    case 'text':
      if (!interviewing) return { state: s, result: { tag: 'lookup', query: command.text, casual: true } };
      return answerText(s, ctx, turn, command.text);
  }
}

function answer(...replies: Reply[]): EngineResult {
  return { tag: 'answer', replies };
}

function err(code: string, message: string, hint?: string): EngineResult {
  return { tag: 'error', code, message, ...(hint ? { hint } : {}) };
}

function ask(s: SessionState, stepId: string | undefined, notes: string[], error?: { code: string; message: string }) {
  return { state: s, result: { tag: 'ask', stepId: stepId ?? '', notes, ...(error ? { error } : {}) } satisfies EngineResult };
}

function start(s: SessionState, ctx: EngineContext, why: 'design' | 'restart') {
  const first = nextStep(ctx.interview, undefined, {});
  const fresh: SessionState = { ...s, mode: 'interviewing', stepId: first?.id, answers: [], requirements: {}, answeredBy: {}, resumeMode: undefined };
  const kept = ctx.design ? ` The saved design stays at version ${ctx.design.latestVersion} until this interview ends.` : '';
  const note = why === 'restart'
    ? `Starting over with no answers.${kept}`
    : `Let's design it together. Answer in your own words or pick a choice; skip, back and help work at any time.${kept}`;
  return ask(fresh, first?.id, [note]);
}

function back(s: SessionState, ctx: EngineContext) {
  if (s.mode !== 'interviewing') return { state: s, result: err('not_interviewing', 'There is no interview to go back in. Type design to start one.') };
  const last = s.answers.at(-1);
  if (!last) return ask(s, s.stepId, ['This is the first question; there is nothing to go back to.']);
  const previous: SessionState = {
    ...s,
    stepId: last.stepId,
    answers: s.answers.slice(0, -1),
    requirements: last.requirementsBefore,
    answeredBy: last.answeredByBefore,
  };
  return findStep(ctx.interview, last.stepId) ? ask(previous, last.stepId, ['Going back.']) : ask(s, s.stepId, []);
}

/** Records answers for the pending step and moves to the next one (or to the assessment when none is left). */
function advance(s: SessionState, ctx: EngineContext, turn: Turn, values: Record<string, unknown>, note: string) {
  const current = findStep(ctx.interview, s.stepId);
  const unset = Object.fromEntries((current?.fields ?? []).map((f) => [f, undefined]));
  const requirements = applyValues(s.requirements, { ...unset, ...values });
  const answeredBy = { ...s.answeredBy };
  for (const field of current?.fields ?? []) {
    if (values[field] === undefined) delete answeredBy[field];
    else answeredBy[field] = turn.user;
  }
  const frame = { stepId: s.stepId ?? '', requirementsBefore: s.requirements, answeredByBefore: s.answeredBy };
  const moved: SessionState = { ...s, requirements, answeredBy, answers: [...s.answers, frame] };
  const next = nextStep(ctx.interview, s.stepId, requirements);
  if (next) return ask({ ...moved, stepId: next.id }, next.id, [note]);
  return assess(moved, ctx, 'interview');
}

function answerText(s: SessionState, ctx: EngineContext, turn: Turn, text: string) {
  const current = findStep(ctx.interview, s.stepId);
  if (!current) return start(s, ctx, 'restart');
  try {
    const values = answerStep(current, text);
    const shown = Object.entries(values).map(([f, v]) => `${f} = ${formatValue(f, v)}`);
    return advance(s, ctx, turn, values, `Noted: ${shown.join(', ')}.`);
  } catch (e) {
    if (!isUserError(e)) throw e;
    return ask(s, s.stepId, [], { code: e.code, message: e.message });
  }
}

function set(s: SessionState, ctx: EngineContext, turn: Turn, field: string, text: string) {
  const value = parseField(field, text);
  const who = turn.user;
  const shown = `${field} = ${formatValue(field, value)}`;
  if (s.mode === 'interviewing' || !ctx.design) {
    const requirements = applyValues(s.requirements, { [field]: value });
    const updated: SessionState = { ...s, requirements, answeredBy: { ...s.answeredBy, [field]: who } };
    if (s.mode === 'interviewing') {
      const current = findStep(ctx.interview, s.stepId);
      if (current?.fields.length === 1 && current.fields[0] === field) return advance(s, ctx, turn, { [field]: value }, `Noted: ${shown}.`);
      return ask(updated, s.stepId, [`Noted: ${shown}.`]);
    }
    return { state: updated, result: answer(infoReply(`Noted: ${shown}. Type assess to see a design, or design to be guided through the rest.`, [
      { label: 'Assess', value: 'assess' },
      { label: 'Start the interview', value: 'design' },
    ])) };
  }
  const base = ctx.design.requirements as Record<string, unknown>;
  if (JSON.stringify(base[field]) === JSON.stringify(value)) {
    return { state: s, result: answer(infoReply(`${shown} already; nothing changed.`)) };
  }
  const requirements = applyValues(ctx.design.requirements, { [field]: value });
  const answeredBy = { ...ctx.design.answeredBy, [field]: who };
  return {
    state: { ...s, requirements, answeredBy },
    result: { tag: 'assess', requirements, answeredBy, cause: `set ${field} ${formatValue(field, value)}`, whatIf: true } satisfies EngineResult,
  };
}

function assess(s: SessionState, ctx: EngineContext, cause: string) {
  const useDesign = s.mode !== 'interviewing' && ctx.design !== undefined;
  const requirements = useDesign ? ctx.design!.requirements : s.requirements;
  const answeredBy = useDesign ? ctx.design!.answeredBy : s.answeredBy;
  if (!assessable(requirements)) {
    return { state: s, result: err('nothing_to_assess', 'There is nothing to assess yet: answer a question or two first (or type design to start).') };
  }
  const done: SessionState = { ...s, mode: 'idle', stepId: undefined, answers: [], requirements, answeredBy };
  return { state: done, result: { tag: 'assess', requirements, answeredBy, cause, whatIf: false } satisfies EngineResult };
}
