import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

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
