import type { Message } from 'discord.js';
import { converse, placeOf, turnAt, type DiscordDeps } from './conversation.ts';
import { explainRefusal } from './discord-errors.ts';
import { sendOptions } from './send-options.ts';

/**
 * Typed replies (only with the MessageContent intent): a message in a thread goes to the core, which
 * answers it when the thread is Quorum's; a message that mentions the bot is answered where it was asked.
 * Bots, including Quorum itself, are ignored.
 */
export async function handleMessage(message: Message, deps: DiscordDeps): Promise<void> {
  if (message.author.bot || message.system || !message.inGuild()) return;
  const me = message.client.user.id;
  const mentioned = message.mentions.users.has(me);
  const place = placeOf(message.guildId, message.channelId, message.channel);
  if (!mentioned && !place.inThread) return;
  const text = message.content.replace(new RegExp(`<@!?${me}>`, 'g'), '').trim();
  if (!text) return;
  // An unaddressed message in a thread is the core's to judge: for Quorum only in a thread it owns.
  const { messages, result } = await converse(deps, turnAt(place, message.author, { text, via: mentioned ? 'mention' : 'reply' }, message.member?.permissions));
  if (!result.forQuorum) return;
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
