import * as z from 'zod';

export const platforms = ['terminal', 'slack', 'discord'] as const;

/**
 * How a message reached Quorum, which decides whether it is for Quorum: a mention, a direct message,
 * a slash command, a click and the terminal are addressed to it; a `reply` in a thread (not addressed)
 * is for Quorum only when the thread is Quorum's and the message is an answer or a command.
 */
export const addressings = ['mention', 'direct', 'slash', 'click', 'reply', 'terminal'] as const;
export type Addressing = (typeof addressings)[number];

/**
 * What a button was drawn for, as the core stamped it on the reply (`Reply.drawnFor`); the adapter
 * hands it back unchanged with the click, and the core decides from it whether the click is stale
 * and whose context it acts on.
 */
export const DrawnFor = z.object({
  /** The thread's design version when the button was drawn (0: none saved). */
  design: z.number().int().nonnegative(),
  /** Set on a question's buttons: the session version they answer; a later answer makes them stale. */
  session: z.number().int().nonnegative().optional(),
  /** Set on a private answer's buttons: the user whose private context they belong to. */
  owner: z.string().optional(),
});
export type DrawnFor = z.infer<typeof DrawnFor>;

/**
 * One thing a person said or clicked, neutral of platform. The session key is
 * platform + workspace + channel + thread: two threads never share state.
 */
export const Turn = z.object({
  platform: z.enum(platforms),
  workspace: z.string().min(1),
  channel: z.string().min(1),
  thread: z.string().min(1),
  user: z.string().min(1),
  userName: z.string().optional(),
  /** How the message reached Quorum (default: addressed to it). */
  via: z.enum(addressings).optional(),
  /** A private exchange (a slash command's answer only its author sees): the session is the user's own. */
  private: z.boolean().optional(),
  /**
   * The person administers the workspace, as the platform says: a Slack admin or owner (users.info), a
   * Discord member with Manage Server, the terminal's one user. Only they may forget the workspace.
   */
  admin: z.boolean().optional(),
  /** What the person typed (already stripped of the bot mention). */
  text: z.string().optional(),
  /**
   * A button or menu choice: the `value` of a Choice, plus what the button was drawn for.
   * `version` is the design version (kept for adapters and scripts that send only that).
   */
  action: z
    .object({ value: z.string(), version: z.number().int().optional(), drawnFor: DrawnFor.optional() })
    .optional(),
});
export type Turn = z.infer<typeof Turn>;

/** The key that identifies one conversation (one thread). */
export function sessionKey(turn: Pick<Turn, 'platform' | 'workspace' | 'channel' | 'thread'>): string {
  return [turn.platform, turn.workspace, turn.channel, turn.thread].map(encodeURIComponent).join('/');
}
