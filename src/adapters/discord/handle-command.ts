import {
  ChannelType,
  MessageFlags,
  PermissionFlagsBits,
  ThreadAutoArchiveDuration,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { designSubcommands, entryCommands } from './commands.ts';
import { converse, placeOf, turnAt, type DiscordDeps } from './conversation.ts';
import { explainRefusal, neededPermissions } from './discord-errors.ts';
import { clip } from './limits.ts';
import type { DiscordMessage } from './render-message.ts';
import { channelStep, deliver, editStep, followUpStep, givenUpNote } from './deliver.ts';
import { note, sendOptions } from './send-options.ts';

/** Said when something failed that the person cannot fix; their design is kept either way. */
export const sorry = 'Something went wrong on my side; your design is safe. Please try again.';

type Deferred = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

/**
 * Sends rendered messages after a defer, through the reply queue: a deferred reply is edited into the
 * first message, everything else is a follow-up (webhooks need no channel permission). When they
 * cannot all be posted, the person gets a private note saying so.
 */
export async function sendDeferred(interaction: Deferred, messages: DiscordMessage[], mode: 'reply' | 'update', deps: DiscordDeps, privately = false): Promise<void> {
  const steps = messages.map((message, i) =>
    i === 0 && mode === 'reply'
      ? editStep(() => interaction.editReply(sendOptions(message)))
      : followUpStep(() => interaction.followUp({ ...sendOptions(message), ...(privately && { flags: MessageFlags.Ephemeral }) }), privately),
  );
  const delivered = await deliver(deps, interaction.channelId ?? interaction.id, steps, { where: 'discord reply', guild: interaction.guildId });
  if (!delivered.failed) return;
  const failed = delivered.failed;
  const text = failed.reason === 'permanent' ? (explainRefusal(failed.error, 'post my answer here') ?? sorry) : givenUpNote(failed);
  await interaction.followUp({ ...note(text), flags: MessageFlags.Ephemeral }).catch((err: unknown) => deps.log(err, { where: 'discord reply fallback', guild: interaction.guildId }));
}

/** The chat command a slash command stands for. */
function commandText(interaction: ChatInputCommandInteraction): string {
  const name = interaction.commandName;
  if (name === 'lookup') return `lookup ${interaction.options.getString('query', true)}`;
  if (name in entryCommands) return `${entryCommands[name as keyof typeof entryCommands]} ${interaction.options.getString('name', true)}`;
  const sub = interaction.options.getSubcommand(true) as keyof typeof designSubcommands;
  if (sub === 'assess') return `assess ${interaction.options.getString('requirements', true)}`;
  const named = sub === 'start' || sub === 'open' ? interaction.options.getString('name', sub === 'open')?.trim() : undefined;
  const command = designSubcommands[sub] ?? 'help';
  return named ? `${command} ${named}` : command;
}

/**
 * Answers a slash command: defers at once (Discord allows 3 seconds), runs the turn, then edits the
 * reply. `/design start` outside a thread opens a thread and runs the interview there.
 */
export async function handleCommand(interaction: ChatInputCommandInteraction, deps: DiscordDeps): Promise<void> {
  const place = placeOf(interaction.guildId, interaction.channelId, interaction.channel);
  const isStart = interaction.commandName === 'design' && interaction.options.getSubcommand(false) === 'start';
  if (isStart && !place.inThread && interaction.inGuild()) return startDesignThread(interaction, deps);
  // The forget-workspace question and its buttons are shown to the asker only.
  const privately = interaction.commandName === 'design' && interaction.options.getSubcommand(false) === 'forget-workspace';
  await interaction.deferReply(privately ? { flags: MessageFlags.Ephemeral } : {});
  const { messages } = await converse(deps, turnAt(place, interaction.user, { text: commandText(interaction), via: 'slash' }, interaction.memberPermissions));
  await sendDeferred(interaction, messages, 'reply', deps, privately);
}

const threadPermissions = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Create Public Threads', PermissionFlagsBits.CreatePublicThreads],
  ['Send Messages in Threads', PermissionFlagsBits.SendMessagesInThreads],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
] as const;

async function startDesignThread(interaction: ChatInputCommandInteraction, deps: DiscordDeps): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const channel = interaction.channel;
  if (!channel || (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)) {
    await interaction.editReply(note('I can open a design thread only in a text channel. Run /design start in one, or inside an existing thread.'));
    return;
  }
  const missing = threadPermissions.filter(([, bit]) => !interaction.appPermissions.has(bit)).map(([label]) => label);
  if (missing.length > 0) {
    await interaction.editReply(note(
      `I can't start a design thread here: I am missing ${missing.join(', ')} in this channel. A server admin can grant them (Quorum needs ${neededPermissions}).`,
    ));
    return;
  }
  let thread;
  try {
    const named = interaction.options.getString('name', false)?.trim();
    thread = await channel.threads.create({
      name: clip(named ? `Design: ${named}` : `Design by ${interaction.user.username}`, 100),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
      reason: `/design start by ${interaction.user.id}`,
    });
  } catch (err) {
    const explained = explainRefusal(err, 'open a thread in this channel');
    if (!explained) throw err;
    await interaction.editReply(note(explained));
    return;
  }
  const place = placeOf(interaction.guildId, thread.id, thread);
  const { messages } = await converse(deps, turnAt(place, interaction.user, { text: commandText(interaction), via: 'slash' }, interaction.memberPermissions));
  const posted = await deliver(deps, thread.id, messages.map((message) => channelStep((options) => thread.send(options), sendOptions(message))), {
    where: 'discord design thread',
    guild: interaction.guildId,
  });
  const failed = posted.failed;
  const text = !failed
    ? `I opened a design thread: <#${thread.id}>. Answer there with the buttons, or type when typed replies are enabled.`
    : failed.reason === 'permanent'
      ? (explainRefusal(failed.error, 'post in the design thread') ?? sorry)
      : givenUpNote(failed);
  await deliver(deps, interaction.channelId, [editStep(() => interaction.editReply(note(text)))], { where: 'discord design thread note', guild: interaction.guildId });
}
