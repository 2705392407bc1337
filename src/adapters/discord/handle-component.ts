import {
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type ButtonInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
  type UserSelectMenuInteraction,
} from 'discord.js';
import { componentId, parseComponentId, type ComponentId } from './custom-id.ts';
import type { DrawnFor } from '../../dialog/turn.ts';
import { converse, placeOf, turnAt, type DiscordDeps } from './conversation.ts';
import { sendDeferred } from './handle-command.ts';
import { clip, discordLimits as max } from './limits.ts';
import { note } from './send-options.ts';

/** The id of the text input in the "Type a value" modal. */
export const answerInputId = 'answer';

const expiredValue = 'That button has expired (I was restarted since it was drawn). Please use the buttons on the latest message, or type the answer.';

/** What a component was drawn for, in the core's terms, so the core can tell a stale click. */
function drawnFor(id: ComponentId): DrawnFor {
  return { design: id.designVersion, ...(id.sessionVersion !== undefined && { session: id.sessionVersion }) };
}

/**
 * Handles a button or select click: "Type a value" opens a modal; any other click is the turn
 * `action: { value, drawnFor }`, deferred first. The core refuses a stale click (privately).
 */
export async function handleComponent(interaction: ButtonInteraction | StringSelectMenuInteraction | UserSelectMenuInteraction, deps: DiscordDeps): Promise<void> {
  const id = parseComponentId(interaction.customId);
  if (!id || id.type === 'modal') return;
  const place = placeOf(interaction.guildId, interaction.channelId, interaction.channel);
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
  const payload = id.type === 'choice' || id.type === 'user' ? id.payload : interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  const decoded = payload === undefined ? undefined : deps.values.decode(payload);
  // An owner picker: the picked user, as a mention, completes the command (`owner <item> <@id>`).
  const picked = id.type === 'user' && interaction.isUserSelectMenu() ? interaction.values[0] : undefined;
  const value = id.type !== 'user' ? decoded : decoded !== undefined && picked && /^\d{5,25}$/.test(picked) ? `${decoded} <@${picked}>` : undefined;
  if (value === undefined) {
    await interaction.reply({ ...note(expiredValue), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferUpdate();
  const action = { value, version: id.designVersion, drawnFor: drawnFor(id) };
  const { messages, result } = await converse(deps, turnAt(place, interaction.user, { action, via: 'click' }, interaction.memberPermissions));
  await sendDeferred(interaction, messages, 'update', deps, result.private);
}

/** Handles the "Type a value" modal: the typed answer is a turn of text, like a message in the thread. */
export async function handleModal(interaction: ModalSubmitInteraction, deps: DiscordDeps): Promise<void> {
  const id = parseComponentId(interaction.customId);
  if (!id || id.type !== 'modal') return;
  const place = placeOf(interaction.guildId, interaction.channelId ?? '', interaction.channel);
  const text = interaction.fields.getTextInputValue(answerInputId);
  const mode = interaction.isFromMessage() ? 'update' : 'reply';
  if (mode === 'update') await interaction.deferUpdate();
  else await interaction.deferReply();
  // The typed answer stands for the button it was typed under, so the core can tell when that question has passed.
  const action = { value: text, version: id.designVersion, drawnFor: drawnFor(id) };
  const { messages, result } = await converse(deps, turnAt(place, interaction.user, { action, via: 'click' }, interaction.memberPermissions));
  await sendDeferred(interaction, messages, mode, deps, result.private);
}
