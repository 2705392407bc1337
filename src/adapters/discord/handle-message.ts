import type { Message } from 'discord.js';
import { converse, placeOf, turnAt, type DiscordDeps } from './conversation.ts';
import { explainRefusal } from './discord-errors.ts';
import { sendOptions } from './send-options.ts';

/** Session modes in which typed replies advance the conversation (see src/dialog/session-state.ts). */
const activeModes = new Set(['interviewing', 'awaiting-delete-confirmation']);

/**
 * Typed replies (only with the MessageContent intent): a message in a thread with an active
 * interview advances it; a message that mentions the bot is answered where it was asked.
 * Bots, including Quorum itself, are ignored.
 */
export async function handleMessage(message: Message, deps: DiscordDeps): Promise<void> {
  if (message.author.bot || message.system || !message.inGuild()) return;
  const me = message.client.user.id;
  const mentioned = message.mentions.users.has(me);
  const place = placeOf(message.guildId, message.channelId, message.channel);
  if (!mentioned) {
    if (!place.inThread) return;
    const session = await deps.designs.getSession(place);
    const mode = (session?.state as { mode?: unknown } | undefined)?.mode;
    if (typeof mode !== 'string' || !activeModes.has(mode)) return;
  }
  const text = message.content.replace(new RegExp(`<@!?${me}>`, 'g'), '').trim();
  if (!text) return;
  const messages = await converse(deps, turnAt(place, message.author, { text }));
  try {
    for (const [i, rendered] of messages.entries()) {
      const options = sendOptions(rendered);
      if (i === 0) await message.reply({ ...options, failIfNotExists: false });
      else await message.channel.send(options);
    }
  } catch (err) {
    // No ephemeral channel exists for a plain message: say why in the log, with where it happened.
    const explained = explainRefusal(err, 'reply in this channel');
    deps.log(err, { where: 'discord message reply', guild: message.guildId, channel: message.channelId, ...(explained && { explained }) });
  }
}
