import { z } from 'zod';

export const platforms = ['terminal', 'slack', 'discord'] as const;

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
  /** What the person typed (already stripped of the bot mention). */
  text: z.string().optional(),
  /** A button or menu choice: the `value` of a Choice, plus the design version the button was drawn for. */
  action: z.object({ value: z.string(), version: z.number().int().optional() }).optional(),
});
export type Turn = z.infer<typeof Turn>;

/** The key that identifies one conversation (one thread). */
export function sessionKey(turn: Pick<Turn, 'platform' | 'workspace' | 'channel' | 'thread'>): string {
  return [turn.platform, turn.workspace, turn.channel, turn.thread].map(encodeURIComponent).join('/');
}
