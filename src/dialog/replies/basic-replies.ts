import type { FaultKind, UserErrorCode } from '../../errors.ts';
import type { Choice, Reply } from '../reply.ts';

/** A plain informational reply. */
export function infoReply(text: string, choices?: Choice[]): Reply {
  return { kind: 'info', text, ...(choices && choices.length > 0 ? { choices } : {}) };
}

/** A user-facing error: the code for scripts (a user error, an operator fault, or `internal` for a bug), the message for people. */
export function errorReply(code: UserErrorCode | FaultKind | 'internal', message: string, hint?: string): Reply {
  return { kind: 'error', text: hint ? `${message}\n${hint}` : message, error: { code, message } };
}

/**
 * A reply with a heading and a body. Renderers show `title` and `summary` (and `fields`) when
 * present, so the whole body goes in `summary`; `text` repeats it all for plain-text surfaces.
 */
export function titledReply(kind: Reply['kind'], title: string, body: string, extra: Partial<Reply> = {}): Reply {
  return { kind, title, summary: body, text: `${title}\n${body}`, ...extra };
}

/** The answer to a design command in a thread that has no saved design. */
export function noDesignReply(): Reply {
  return errorReply('no_design', 'This thread has no saved design yet. Type design to start the interview, or assess to save the answers so far.');
}
