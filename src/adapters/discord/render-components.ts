import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
} from 'discord.js';
import type { Choice, ItemControl } from '../../dialog/reply.ts';
import { choiceId, componentId, userSelectId, type Drawn, type LongValues } from './custom-id.ts';
import { clip, discordLimits as max } from './limits.ts';

/** One action row of a message. */
export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Up to this many choices are buttons (two rows); more become select menus. The card's commands may fill four rows. */
const maxButtons = 10;
const maxCardButtons = 20;
const quiet = new Set(['skip', 'back', 'cancel', 'no']);

/**
 * Turns choices into action rows: buttons (≤ 5 a row) for a few, string select menus (≤ 25
 * options each) for many. A question also gets a "Type a value" button that opens a modal, so
 * free answers work without the MessageContent intent. Never more than 5 rows.
 */
export function choiceRows(choices: Choice[], drawn: Drawn, values: LongValues, question: boolean, card = false): ActionRow[] {
  const rows: ActionRow[] = [];
  const room = max.actionRows - (question ? 1 : 0);
  if (choices.length <= (card ? maxCardButtons : maxButtons)) {
    for (let i = 0; i < choices.length && rows.length < room; i += max.buttonsPerRow) {
      const buttons = choices.slice(i, i + max.buttonsPerRow).map((choice, j): APIButtonComponentWithCustomId => ({
        type: ComponentType.Button,
        style: quiet.has(choice.value.toLowerCase()) ? ButtonStyle.Secondary : ButtonStyle.Primary,
        label: clip(choice.label || choice.value, max.buttonLabel),
        custom_id: choiceId(drawn, i + j, choice.value, values),
      }));
      rows.push({ type: ComponentType.ActionRow, components: buttons });
    }
  } else {
    const seen = new Set<string>();
    const options: APISelectMenuOption[] = [];
    for (const choice of choices) {
      const value = values.encode(choice.value, max.selectOptionValue);
      if (seen.has(value)) continue;
      seen.add(value);
      options.push({ label: clip(choice.label || choice.value, max.selectOptionLabel), value });
    }
    for (let i = 0; i < options.length && rows.length < room; i += max.selectOptions) {
      const part = options.slice(i, i + max.selectOptions);
      const placeholder = options.length > max.selectOptions ? `Choose an answer (${i + 1}–${i + part.length})` : 'Choose an answer';
      rows.push({
        type: ComponentType.ActionRow,
        components: [{
          type: ComponentType.StringSelect,
          custom_id: componentId('select', drawn, rows.length),
          placeholder: clip(placeholder, max.selectPlaceholder),
          options: part,
        }],
      });
    }
  }
  if (question) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Type a value', custom_id: componentId('typeValue', drawn) }],
    });
  }
  return rows;
}

/**
 * One row per plan item (at most `room`): its buttons labelled with the item id, an "Open as issue"
 * link, and "Owner…" (which asks with a user select). A control with no buttons is the owner question
 * itself: its row is the user select, whose pick completes `owner <item>`.
 */
export function itemRows(controls: ItemControl[], drawn: Drawn, values: LongValues, room: number): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const [n, control] of controls.entries()) {
    if (rows.length >= room) break;
    if (control.choices.length === 0 && control.pickPerson) {
      rows.push({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.UserSelect, custom_id: userSelectId(drawn, n, control.pickPerson, values), placeholder: clip(`Owner of ${control.item}`, max.selectPlaceholder) }],
      });
      continue;
    }
    const labelled = (label: string) => clip(`${label} · ${control.item}`, max.buttonLabel);
    const buttons: APIButtonComponent[] = control.choices.slice(0, max.buttonsPerRow - 1).map((choice, j): APIButtonComponent =>
      choice.url
        ? { type: ComponentType.Button, style: ButtonStyle.Link, label: clip(choice.label, max.buttonLabel), url: choice.url }
        : { type: ComponentType.Button, style: ButtonStyle.Primary, label: labelled(choice.label), custom_id: choiceId(drawn, 100 + n * 10 + j, choice.value, values) });
    if (control.pickPerson) {
      buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: labelled('Owner…'), custom_id: choiceId(drawn, 100 + n * 10 + 9, control.pickPerson, values) });
    }
    if (buttons.length > 0) rows.push({ type: ComponentType.ActionRow, components: buttons });
  }
  return rows;
}
