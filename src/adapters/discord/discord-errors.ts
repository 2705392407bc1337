import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import type { SendFailure } from '../../ops/reply-queue.ts';

/** The permissions Quorum needs in a channel, in the words of Discord's server settings. */
export const neededPermissions = 'View Channel, Send Messages, Send Messages in Threads, Create Public Threads, Embed Links, Attach Files and Read Message History';

/**
 * A clear explanation for a Discord refusal the user can fix (missing permission or access),
 * or undefined for anything else (a bug or an outage, to be logged).
 */
export function explainRefusal(err: unknown, doing: string): string | undefined {
  if (!(err instanceof DiscordAPIError)) return undefined;
  switch (err.code) {
    case RESTJSONErrorCodes.MissingPermissions:
      return `I don't have permission to ${doing}. A server admin can fix this by giving Quorum these permissions in this channel: ${neededPermissions}.`;
    case RESTJSONErrorCodes.MissingAccess:
      return `I can't see this channel, so I can't ${doing}. A server admin can add Quorum to the channel (View Channel and Send Messages).`;
    case RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel:
    case RESTJSONErrorCodes.ThreadLocked:
      return `This channel does not take messages from me, so I can't ${doing}. Try a regular text channel.`;
    case RESTJSONErrorCodes.MaximumActiveThreads:
      return `This server has reached Discord's limit of active threads, so I can't ${doing}. Archive a few threads and try again.`;
    default:
      return undefined;
  }
}

/** A connection refused or a name not found: the request never left, so Discord certainly has nothing. */
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * How a failed REST call is judged for the reply queue (after discord.js's own retries): a 5xx or a
 * rate limit is transient; a timeout or a connection cut after sending is uncertain (Discord may have
 * taken it); a refusal with a JSON code (10003 Unknown Channel, 50001 Missing Access, 50013 …) or a bug is permanent.
 */
export function judgeDiscordFailure(err: unknown): SendFailure {
  if (err instanceof RateLimitError) return { kind: 'transient', retryAfterMs: err.retryAfter };
  if (err instanceof HTTPError) return err.status >= 500 || err.status === 429 ? { kind: 'transient' } : { kind: 'permanent' };
  if (err instanceof DiscordAPIError) return err.status >= 500 ? { kind: 'transient' } : { kind: 'permanent' };
  if (!(err instanceof Error)) return { kind: 'permanent' };
  const cause = (err.cause ?? err) as { code?: unknown; name?: unknown };
  if (typeof cause.code === 'string' && notSentCodes.has(cause.code)) return { kind: 'transient' };
  if (err.name === 'AbortError' || err.name === 'TimeoutError' || typeof cause.code === 'string') return { kind: 'uncertain' };
  return { kind: 'permanent' };
}
