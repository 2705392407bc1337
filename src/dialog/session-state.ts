import * as z from 'zod';
import { RequirementsShape } from '../rules/requirements.ts';

/** Requirements gathered so far (every field optional, unknown fields refused). */
const PartialRequirements = RequirementsShape;

/** One answered (or skipped) interview step, with what the answers were before it, so `back` can undo it. */
const AnswerFrame = z.strictObject({
  stepId: z.string(),
  requirementsBefore: PartialRequirements,
  answeredByBefore: z.record(z.string(), z.string()),
});
export type AnswerFrame = z.infer<typeof AnswerFrame>;

/** What the conversation in a thread is doing right now. */
export const sessionModes = ['idle', 'interviewing', 'awaiting-delete-confirmation'] as const;

/**
 * The persisted state of one thread's conversation. `schemaVersion` lets a future
 * Quorum migrate or drop old state instead of misreading it.
 */
export const SessionState = z.strictObject({
  schemaVersion: z.literal(1),
  mode: z.enum(sessionModes),
  /** The mode to return to when a delete is not confirmed. */
  resumeMode: z.enum(['idle', 'interviewing']).optional(),
  /** The pending interview step (while interviewing). */
  stepId: z.string().optional(),
  /**
   * How the interview moves on: `describe` (the first answer is a description), `first-card` (a few questions
   * before the first card), `decisive` (only the questions that change the design, from `queue`), `all` (every step).
   */
  walk: z.enum(['describe', 'first-card', 'decisive', 'all']).optional(),
  /** The decisive questions still to ask after the pending one, most decisive first, each with why it matters. */
  queue: z.array(z.strictObject({ stepId: z.string(), why: z.string() })).optional(),
  /** Why the pending question matters (decisive walk). */
  why: z.string().optional(),
  /** Answered steps, newest last. */
  answers: z.array(AnswerFrame),
  requirements: PartialRequirements,
  /** Who gave each requirement field (field → user id). */
  answeredBy: z.record(z.string(), z.string()),
  /** A title given with `name` before the design was first saved. */
  title: z.string().optional(),
  /**
   * A command waiting for its last part (`ack <risk>` asked for a reason): the next plain message
   * completes it. Cleared by any other turn.
   */
  awaiting: z.string().max(300).optional(),
  /**
   * The thread part of the key of the design this conversation has open, when it is not the thread's own
   * (`design <name>` started another one, `open` switched). Always of this channel: the core puts it
   * under the turn's own platform, workspace and channel.
   */
  openThread: z.string().min(1).max(400).optional(),
  /** The latest design version this conversation has seen (0: none). */
  lastVersionSeen: z.number().int().nonnegative(),
  /** A `forget-workspace` asked for and not yet confirmed: who asked, when, the button's token, and what it would delete. */
  forgetWorkspace: z
    .strictObject({ by: z.string(), at: z.string(), token: z.string(), designs: z.number().int().nonnegative(), threads: z.number().int().nonnegative() })
    .optional(),
  /** ISO 8601 time of the last turn. */
  lastActivityAt: z.string(),
});
export type SessionState = z.infer<typeof SessionState>;

/** A fresh, idle conversation. */
export function initialState(now: string): SessionState {
  return { schemaVersion: 1, mode: 'idle', answers: [], requirements: {}, answeredBy: {}, lastVersionSeen: 0, lastActivityAt: now };
}

/** The outcome of reading stored state: usable state, or a fresh one with the reason the old was dropped. */
export type LoadedState = { state: SessionState; dropped: false } | { state: SessionState; dropped: true; reason: string };

/** Reads stored session state; anything unreadable or of another schema version is dropped, never thrown. */
export function readSessionState(raw: unknown, now: string): LoadedState {
  if (raw === undefined || raw === null) return { state: initialState(now), dropped: false };
  const parsed = SessionState.safeParse(raw);
  if (parsed.success) return { state: parsed.data, dropped: false };
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  const reason =
    typeof version === 'number' && version !== 1
      ? `it was saved by a different version of Quorum (state version ${String(version)})`
      : 'it could not be read';
  return { state: { ...initialState(now), ...openThreadOf(raw) }, dropped: true, reason };
}

/** The open design of a session that is otherwise dropped, when it is still readable: the thread stays on it. */
function openThreadOf(raw: unknown): Pick<SessionState, 'openThread'> {
  const open = typeof raw === 'object' && raw !== null ? (raw as { openThread?: unknown }).openThread : undefined;
  const read = SessionState.shape.openThread.safeParse(open);
  return read.success && read.data !== undefined ? { openThread: read.data } : {};
}
