import {
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type ButtonInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { componentId, parseComponentId, type ComponentId } from './custom-id.ts';
import { converse, placeOf, sessionVersion, turnAt, type DiscordDeps, type Place } from './conversation.ts';
import { sendDeferred } from './handle-command.ts';
import { clip, discordLimits as max } from './limits.ts';
import { note } from './send-options.ts';

/** The id of the text input in the "Type a value" modal. */
export const answerInputId = 'answer';

const staleQuestion =
  'That button belongs to an earlier question, so I left it alone. Please use the buttons on the latest message in this thread.';
const expiredValue = 'That button has expired (I was restarted since it was drawn). Please use the buttons on the latest message, or type the answer.';

/** True when a question button was drawn for a session that has moved on since (another answer came first). */
async function isStale(deps: DiscordDeps, place: Place, id: ComponentId): Promise<boolean> {
  if (id.sessionVersion === undefined) return false;
  return (await sessionVersion(deps, place)) !== id.sessionVersion;
}

/**
 * Handles a button or select click: a stale question button gets a polite ephemeral note; "Type a
 * value" opens a modal; any other click is the turn `action: { value, version }`, deferred first.
 */
export async function handleComponent(interaction: ButtonInteraction | StringSelectMenuInteraction, deps: DiscordDeps): Promise<void> {
  const id = parseComponentId(interaction.customId);
  if (!id || id.type === 'modal') return;
  const place = placeOf(interaction.guildId, interaction.channelId, interaction.channel);
  if (await isStale(deps, place, id)) {
    await interaction.reply({ ...note(staleQuestion), flags: MessageFlags.Ephemeral });
    return;
  }
  if (id.type === 'typeValue') {
    const question = interaction.message.embeds[0]?.description ?? interaction.message.content ?? '';
    await interaction.showModal({
      title: 'Your answer',
      custom_id: componentId('modal', id),
      components: [{
        type: ComponentType.ActionRow,
        components: [{
          type: ComponentType.TextInput,
          custom_id: answerInputId,
          label: 'Answer',
          style: TextInputStyle.Paragraph,
          required: true,
          max_length: 4000,
          ...(question && { placeholder: clip(question.replace(/\s+/g, ' '), max.textInputPlaceholder) }),
        }],
      }],
    });
    return;
  }
  const payload = id.type === 'choice' ? id.payload : interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  const value = payload === undefined ? undefined : deps.values.decode(payload);
  if (value === undefined) {
    await interaction.reply({ ...note(expiredValue), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferUpdate();
  const messages = await converse(deps, turnAt(place, interaction.user, { action: { value, version: id.designVersion } }));
  await sendDeferred(interaction, messages, 'update');
}

/** Handles the "Type a value" modal: the typed answer is a turn of text, like a message in the thread. */
export async function handleModal(interaction: ModalSubmitInteraction, deps: DiscordDeps): Promise<void> {
  const id = parseComponentId(interaction.customId);
  if (!id || id.type !== 'modal') return;
  const place = placeOf(interaction.guildId, interaction.channelId ?? '', interaction.channel);
  if (await isStale(deps, place, id)) {
    await interaction.reply({ ...note(staleQuestion), flags: MessageFlags.Ephemeral });
    return;
  }
  const text = interaction.fields.getTextInputValue(answerInputId);
  const mode = interaction.isFromMessage() ? 'update' : 'reply';
  if (mode === 'update') await interaction.deferUpdate();
  else await interaction.deferReply();
  const messages = await converse(deps, turnAt(place, interaction.user, { text }));
  await sendDeferred(interaction, messages, mode);
}
