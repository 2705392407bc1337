import type { Message } from 'discord.js';
import { converse, placeOf, turnAt, type DiscordDeps } from './conversation.ts';
import { explainRefusal } from './discord-errors.ts';
import { channelStep, deliver, givenUpNote } from './deliver.ts';
import { note, sendOptions } from './send-options.ts';

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
  const steps = messages.map((rendered, i) => {
    const options = sendOptions(rendered);
    return i === 0 ? channelStep((o) => message.reply({ ...o, failIfNotExists: false }), options) : channelStep((o) => message.channel.send(o), options);
  });
  const delivered = await deliver(deps, message.channelId, steps, { where: 'discord message reply', guild: message.guildId });
  const failed = delivered.failed;
  if (!failed) return;
  // No ephemeral channel exists for a plain message: a refusal is explained in the log; after a long
  // outage the person gets a short note in the channel, if it will take one now.
  const explained = explainRefusal(failed.error, 'reply in this channel');
  if (failed.reason === 'permanent') {
    if (explained) deps.log(failed.error, { where: 'discord message reply', guild: message.guildId, channel: message.channelId, explained });
    return;
  }
  await message.channel.send(note(givenUpNote(failed))).catch((err: unknown) => deps.log(err, { where: 'discord message fallback', channel: message.channelId }));
}
