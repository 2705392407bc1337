import { webApi } from '@slack/bolt';
import type { SendFailure } from '../../ops/reply-queue.ts';

/** The Web API's error code (`not_in_channel`, `missing_scope` …) when Slack refused a call, else undefined. */
export function platformErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, data } = err as { code?: unknown; data?: { error?: unknown } };
  return code === webApi.ErrorCode.PlatformError && typeof data?.error === 'string' ? data.error : undefined;
}

function neededScope(err: unknown): string {
  const needed = (err as { data?: { needed?: unknown } }).data?.needed;
  return typeof needed === 'string' && /^[\w:.,]+$/.test(needed) ? needed : 'the missing';
}

/** What to tell a person when Slack would not take the bot's message, saying what to do about it. */
export function friendlyPostError(err: unknown): string {
  switch (platformErrorCode(err)) {
    case 'not_in_channel':
    case 'channel_not_found':
      return "I can't post in this channel because I'm not a member of it. Invite me with `/invite @Quorum`, then try again.";
    case 'missing_scope':
      return `I don't have permission to do that here: a workspace admin needs to add the \`${neededScope(err)}\` scope to the Quorum app and reinstall it.`;
    case 'is_archived':
      return 'This channel is archived, so I cannot post in it. Try again in an active channel.';
    case 'msg_too_long':
    case 'invalid_blocks':
      return 'Slack would not accept my answer (it was too big). Please try again; if it keeps happening, tell the Quorum maintainers.';
    default:
      return 'Sorry, something went wrong on my side while answering. Your design is safe; please try again in a moment.';
  }
}

/** Slack's own words for "not this time": the call did nothing and may work later. */
const passingErrors = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

/** The network error under a failed call (fetch's `cause`), or the error itself. */
function networkCause(err: unknown): { name?: string; code?: string; message?: string } {
  const original = (err as { original?: unknown }).original ?? err;
  const cause = (original as { cause?: unknown }).cause;
  return (typeof cause === 'object' && cause !== null ? cause : original) as { name?: string; code?: string; message?: string };
}

/** A connection refused or a name not found: the request never left, so Slack certainly has nothing. */
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * How a failed Web API call or response_url post is judged for the reply queue: a 5xx, 429 or one of
 * Slack's passing error codes is transient; a timeout or a connection cut after sending is uncertain
 * (Slack may have posted it); any other refusal (not_in_channel, invalid_auth, msg_too_long …) or a
 * bug is permanent.
 */
export function judgeSlackFailure(err: unknown): SendFailure {
  if (typeof err !== 'object' || err === null) return { kind: 'permanent' };
  const { code, statusCode, retryAfter } = err as { code?: unknown; statusCode?: unknown; retryAfter?: unknown };
  if (code === webApi.ErrorCode.PlatformError) return passingErrors.has(platformErrorCode(err) ?? '') ? { kind: 'transient' } : { kind: 'permanent' };
  if (code === webApi.ErrorCode.RateLimitedError) return { kind: 'transient', ...(typeof retryAfter === 'number' && { retryAfterMs: retryAfter * 1000 }) };
  // HTTPError (Web API) and RespondError (response_url) carry the status Slack answered with.
  if (code === webApi.ErrorCode.HTTPError || code === 'slack_bolt_respond_error') {
    const status = Number(statusCode);
    return status >= 500 || status === 429 ? { kind: 'transient' } : { kind: 'permanent' };
  }
  const cause = networkCause(err);
  // The SDK's own wait on a 429 ends in this message when its retries are spent.
  const limited = /rate limit was exceeded.*retry-after: (\d+)/.exec(String((err as { message?: unknown }).message));
  if (limited) return { kind: 'transient', retryAfterMs: Number(limited[1]) * 1000 };
  if (cause.code && notSentCodes.has(cause.code)) return { kind: 'transient' };
  if (code === webApi.ErrorCode.RequestError || cause.name === 'TimeoutError' || cause.name === 'AbortError' || cause.code) return { kind: 'uncertain' };
  return { kind: 'permanent' };
}
