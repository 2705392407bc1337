import type { types } from '@slack/bolt';
import { boundedReply } from '../../dialog/bounded-reply.ts';
import type { Choice, Reply } from '../../dialog/reply.ts';
import {
  choiceActionPrefix,
  encodeBlockContext,
  encodeButtonValue,
  encodeOwnerContext,
  linkActionPrefix,
  ownerActionPrefix,
  shareActionId,
  type ActionContext,
} from './action-value.ts';
import { escapeMrkdwn, escapeWithin, liveMentions, plainSafe, truncate } from './mrkdwn.ts';
import { contextBlocks, sectionBlocks } from './section-blocks.ts';
import { slackLimits } from './slack-limits.ts';

/** One Slack message: the notification text and its blocks. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** What the renderer needs besides the reply: where clicks belong, and whether to offer "Share in channel". */
export interface RenderOptions {
  context: ActionContext;
  /** The value of the "Share in channel" button (the command to repeat in public), if any. */
  share?: string;
}

// Beyond Slack's per-block caps, keep each message readable and well under its payload limits.
const charsPerMessage = 12_000;
/** Messages one reply may become; past them the body is cut with a note, so no reply floods a thread. */
export const maxMessagesPerReply = 4;
const cutNote: types.KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: '_The rest of this reply was too long to post here._' }] };

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: truncate(plainSafe(text), max), emoji: true });

// Chat commands (interface.md) that move around a conversation rather than answer it: always buttons.
const navigation = new Set(['skip', 'back', 'cancel', 'restart']);

function buttonRows(buttons: types.Button[]): types.KnownBlock[] {
  const rows: types.KnownBlock[] = [];
  for (let at = 0; at < buttons.length; at += slackLimits.buttonsPerRow) {
    rows.push({ type: 'actions', elements: buttons.slice(at, at + slackLimits.buttonsPerRow) });
  }
  return rows;
}

function selectBlocks(choices: Choice[], context: ActionContext, next: () => string): types.KnownBlock[] {
  const options = choices
    .filter((c) => c.value.length <= slackLimits.optionValue)
    .map((c) => ({ text: plain(c.label, slackLimits.optionText), value: c.value }));
  const blocks: types.KnownBlock[] = [];
  for (let at = 0, n = 0; at < options.length; at += slackLimits.selectOptions, n += 1) {
    const blockId = encodeBlockContext(context, n);
    if (!blockId) break;
    const select: types.StaticSelect = {
      type: 'static_select',
      placeholder: plain(n === 0 ? 'Choose an answer…' : 'More answers…', slackLimits.optionText),
      options: options.slice(at, at + slackLimits.selectOptions),
      action_id: next(),
    };
    blocks.push({ type: 'actions', block_id: blockId, elements: [select] });
  }
  return blocks;
}

/**
 * Choices as controls: up to five as one row of buttons; more become a select menu, except the
 * navigation commands (skip, back …), which stay buttons. The assessment card's commands are always
 * buttons, in rows of five. "Share in channel" joins the last row.
 */
function choiceControls(choices: Choice[], context: ActionContext, share: string | undefined, next: () => string, allButtons: boolean): types.KnownBlock[] {
  const button = (label: string, value: string, actionId: string): types.Button[] => {
    const encoded = encodeButtonValue({ ...context, value });
    return encoded ? [{ type: 'button', text: plain(label, slackLimits.buttonText), value: encoded, action_id: actionId }] : [];
  };
  const toButtons = (list: Choice[]) => list.flatMap((c) => button(c.label, c.value, next()));
  const shareButton = share === undefined ? [] : button('Share in channel', share, shareActionId);
  if (choices.length <= slackLimits.buttonsPerRow || allButtons) return buttonRows([...toButtons(choices), ...shareButton]);
  const main = choices.filter((c) => !navigation.has(c.value.trim().toLowerCase()));
  const nav = choices.filter((c) => navigation.has(c.value.trim().toLowerCase()));
  const mainBlocks = main.length <= slackLimits.buttonsPerRow ? buttonRows(toButtons(main)) : selectBlocks(main, context, next);
  return [...mainBlocks, ...buttonRows([...toButtons(nav), ...shareButton])];
}

/**
 * One section and one row per plan item: the item's line, its buttons ("Open as issue" as a link),
 * and an owner picker (users_select) whose pick completes `owner <item>`.
 */
function itemBlocks(reply: Reply, context: ActionContext, next: () => string): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  (reply.itemControls ?? []).forEach((control, n) => {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: liveMentions(escapeWithin(control.line, slackLimits.sectionText), reply.mentions) } });
    const elements: types.ActionsBlockElement[] = [];
    for (const choice of control.choices) {
      if (choice.url) {
        elements.push({ type: 'button', text: plain(choice.label, slackLimits.buttonText), url: choice.url, action_id: `${linkActionPrefix}${n}_${elements.length}` });
        continue;
      }
      const value = encodeButtonValue({ ...context, value: choice.value });
      if (value) elements.push({ type: 'button', text: plain(choice.label, slackLimits.buttonText), value, action_id: next() });
    }
    const blockId = control.pickPerson ? encodeOwnerContext(context, control.pickPerson) : undefined;
    if (blockId) {
      elements.push({ type: 'users_select', placeholder: plain('Owner…', slackLimits.optionText), action_id: `${ownerActionPrefix}${n}` });
    }
    if (elements.length > 0) blocks.push({ type: 'actions', ...(blockId && { block_id: blockId }), elements });
  });
  return blocks;
}

function bodyBlocks(reply: Reply): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  if (reply.title) blocks.push({ type: 'header', text: plain(reply.title, slackLimits.headerText) });
  if (reply.summary || reply.fields?.length) {
    if (reply.summary) blocks.push(...sectionBlocks(liveMentions(escapeMrkdwn(reply.summary), reply.mentions)));
    blocks.push(...fieldBlocks(reply.fields ?? []));
  } else {
    const mark = reply.kind === 'error' ? ':warning: ' : '';
    blocks.push(...sectionBlocks(mark + liveMentions(escapeMrkdwn(reply.text), reply.mentions)));
  }
  const notes: string[] = [];
  if (reply.related?.length) {
    notes.push(`Related: ${reply.related.map((r) => `${escapeMrkdwn(r.name)} (\`${escapeMrkdwn(r.id)}\`)`).join(', ')}`);
  }
  // The card's formulas are one click away (Checks), not printed under it.
  if (!reply.assessment) for (const formula of reply.formulas ?? []) notes.push(`\`${escapeMrkdwn(formula)}\``);
  if (reply.design) notes.push(`Design \`${escapeMrkdwn(reply.design.id)}\` · version ${reply.design.version}`);
  if (reply.file) notes.push(`:page_facing_up: ${escapeMrkdwn(reply.file.name)} is attached below.`);
  blocks.push(...contextBlocks(notes));
  return blocks;
}

function fieldBlocks(fields: NonNullable<Reply['fields']>): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  let inline: { type: 'mrkdwn'; text: string }[] = [];
  const flush = () => {
    if (inline.length) blocks.push({ type: 'section', fields: inline });
    inline = [];
  };
  for (const field of fields) {
    const text = `*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`;
    if (field.inline && text.length <= slackLimits.fieldText) {
      inline.push({ type: 'mrkdwn', text });
      if (inline.length === slackLimits.fieldsPerSection) flush();
    } else {
      flush();
      blocks.push(...sectionBlocks(text));
    }
  }
  flush();
  return blocks;
}

function blockSize(block: types.KnownBlock): number {
  return JSON.stringify(block).length;
}

/** The body blocks that fit in all but the last of the messages a reply may take (the last keeps the choices). */
function capBody(blocks: types.KnownBlock[]): types.KnownBlock[] {
  const room = maxMessagesPerReply - 1;
  let size = 0;
  for (let i = 0; i < blocks.length; i++) {
    size += blockSize(blocks[i]!);
    if (i >= room * slackLimits.blocksPerMessage - 1 || size > room * charsPerMessage) return [...blocks.slice(0, i), cutNote];
  }
  return blocks;
}

/**
 * Renders a neutral reply as one or more Block Kit messages, each within Slack's limits.
 * A long reply is split between blocks, never inside one; the choices always come last.
 */
export function renderBlocks(whole: Reply, options: RenderOptions): SlackMessage[] {
  const reply = boundedReply(whole);
  let actionCount = 0;
  const next = () => `${choiceActionPrefix}${actionCount++}`;
  // The assessment card's commands are always buttons (rows of five); other replies follow choiceControls' rule.
  const choiceBlocks = (choices: Choice[], ctx: ActionContext, share: string | undefined, n: () => string) => choiceControls(choices, ctx, share, n, reply.kind === 'assessment');
  const context: ActionContext = {
    ...options.context,
    ...(reply.design && { version: reply.design.version }),
    ...(reply.drawnFor && { drawnFor: reply.drawnFor }),
  };
  const blocks = [...capBody(bodyBlocks(reply)), ...itemBlocks(reply, context, next), ...choiceBlocks(reply.choices ?? [], context, options.share, next)];

  const groups: types.KnownBlock[][] = [[]];
  let size = 0;
  for (const block of blocks) {
    const current = groups[groups.length - 1]!;
    const bytes = blockSize(block);
    if (current.length > 0 && (current.length === slackLimits.blocksPerMessage || size + bytes > charsPerMessage)) {
      groups.push([block]);
      size = bytes;
    } else {
      current.push(block);
      size += bytes;
    }
  }
  const fallback = reply.text.trim() || reply.title || 'Quorum';
  return groups.map((group, index) => ({
    text:
      index === 0
        ? escapeWithin(fallback, slackLimits.textFallback)
        : escapeWithin(`${reply.title ?? 'Quorum'} (part ${index + 1} of ${groups.length})`, slackLimits.textFallback),
    blocks: group,
  }));
}
