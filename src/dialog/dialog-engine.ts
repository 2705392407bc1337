import { isUserError, type UserErrorCode } from '../errors.ts';
import type { DesignSnapshot } from './design-snapshot.ts';
import { isNo, isYes, readMessage, type ParsedMessage } from './command-parser.ts';
import type { CommandSpec } from './commands/command.ts';
import type { Interview } from './interview-schema.ts';
import type { Reply } from './reply.ts';
import { infoReply } from './replies/basic-replies.ts';
import { initialState, type SessionState } from './session-state.ts';
import type { Turn } from './turn.ts';


/** Everything the engine needs besides state and turn; `now` is an ISO time, so the engine reads no clock. */
export interface EngineContext {
  now: string;
  interview: Interview;
  sessionTtlMs: number;
  design?: DesignSnapshot | undefined;
}

/** What the core must do with the turn, decided from state and turn alone. */
export type EngineResult =
  | { tag: 'command'; spec: CommandSpec<object>; args: object }
  | { tag: 'question'; query: string; text: string }
  | { tag: 'text'; text: string }
  | { tag: 'answer'; replies: Reply[] }
  | { tag: 'deleteConfirmed' }
  | { tag: 'stale'; clicked: number; latest: number }
  | { tag: 'error'; code: UserErrorCode; message: string; hint?: string };

/** The engine's output: the state to run with, what to do, and notices to show first. */
export interface EngineOutput {
  state: SessionState;
  result: EngineResult;
  notices: Reply[];
}

/** Which design the conversation has open outlives a closed interview and a delete (the thread stays on its slot). */
function keptOpen(state: SessionState): Pick<SessionState, 'openThread'> {
  return state.openThread !== undefined ? { openThread: state.openThread } : {};
}

/**
 * The front of every turn: closes an interview idle too long, settles a pending delete confirmation,
 * reads the message against the command table and refuses a click drawn for an older design version.
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
    s = { ...initialState(ctx.now), lastVersionSeen: state.lastVersionSeen, ...(state.title ? { title: state.title } : {}), ...keptOpen(state) };
  }
  const text = (turn.action?.value ?? turn.text ?? '').trim();
  if (text === '') return { state: s, result: { tag: 'error', code: 'empty', message: 'Say something, or type help to see what I can do.' }, notices };

  if (s.mode === 'awaiting-delete-confirmation') {
    const resume = s.resumeMode ?? 'idle';
    if (isYes(text)) return { state: { ...initialState(ctx.now), ...keptOpen(s) }, result: { tag: 'deleteConfirmed' }, notices };
    s = { ...s, mode: resume, resumeMode: undefined };
    if (isNo(text)) return { state: s, result: { tag: 'answer', replies: [infoReply('Kept it: nothing was deleted.')] }, notices };
    notices.push(infoReply('Not deleted.'));
  }

  const awaiting = s.awaiting;
  if (awaiting !== undefined) s = { ...s, awaiting: undefined };
  let message: ParsedMessage;
  try {
    message = readMessage(text);
    // A plain message after "Why is it accepted?" is the reason: it completes the waiting command.
    if (awaiting && message.type !== 'command') message = readMessage(`${awaiting} ${text}`);
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { state: s, result: { tag: 'error', code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) }, notices };
  }
  if (expired && message.type === 'text') return { state: s, result: { tag: 'answer', replies: [] }, notices };

  const clicked = turn.action?.version;
  const bound = message.type === 'command' && message.spec.versionBound === true;
  if (clicked !== undefined && ctx.design && clicked < ctx.design.latestVersion && bound) {
    return { state: s, result: { tag: 'stale', clicked, latest: ctx.design.latestVersion }, notices };
  }
  if (message.type === 'command') return { state: s, result: { tag: 'command', spec: message.spec, args: message.args }, notices };
  if (message.type === 'question') return { state: s, result: { tag: 'question', query: message.query, text: message.text }, notices };
  return { state: s, result: { tag: 'text', text: message.text }, notices };
}
