import { webApi } from '@slack/bolt';

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
