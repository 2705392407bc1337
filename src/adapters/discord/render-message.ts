import type { APIEmbed } from 'discord.js';
import { boundedReply } from '../../dialog/bounded-reply.ts';
import type { Reply } from '../../dialog/reply.ts';
import { choiceRows, itemRows, type ActionRow } from './render-components.ts';
import type { Drawn, LongValues } from './custom-id.ts';
import { clip, discordLimits as max } from './limits.ts';
import { splitText } from './split-text.ts';

/** One Discord message, ready for `channel.send`, `editReply` or `followUp`. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ActionRow[];
  /** The Markdown record of `export` or the diagram's PNG, sent as an attachment. */
  file?: { name: string; content: string | Uint8Array; mime: string };
  /** Nothing the bot posts may ping anyone, whatever the text says. */
  allowedMentions: { parse: [] };
}

/**
 * What the renderer needs besides the reply: where long values go, and the versions buttons are drawn
 * for when the reply does not carry the core's own stamp (`reply.drawnFor`, which wins).
 */
export interface RenderContext extends Partial<Drawn> {
  values: LongValues;
}

const colors: Record<Reply['kind'], number> = {
  entry: 0x5865f2,
  list: 0x5865f2,
  search: 0x5865f2,
  question: 0xfee75c,
  answer: 0x5865f2,
  assessment: 0x57f287,
  design: 0x57f287,
  info: 0x99aab5,
  help: 0x99aab5,
  error: 0xed4245,
};

type Piece = { kind: 'description'; text: string } | { kind: 'field'; name: string; value: string; inline: boolean };

/**
 * Backslash before every character Discord formats with (bold, italics, underline, strike, spoiler,
 * code, and the backslash itself), in one linear pass. discord.js's escapeMarkdown looks behind at
 * every position and takes seconds on a 10,000-character reply.
 */
const escape = (text: string): string => text.replace(/[\\*_~`|]/g, '\\$&');

/** Messages one reply may become; past them the rest is cut with a note, so no reply floods a channel. */
export const maxMessagesPerReply = 5;
const cutNote = '*(The rest of this reply was too long to post here.)*';

/**
 * Renders a neutral reply as one or more Discord messages within every limit of limits.ts:
 * long text is split cleanly into more embeds and messages, choices become buttons or select menus
 * on the last message, and no message can mention anyone.
 */
export function renderReply(whole: Reply, ctx: RenderContext): DiscordMessage[] {
  const reply = boundedReply(whole);
  const stamp = reply.drawnFor;
  const drawn: Drawn = stamp
    ? { designVersion: stamp.design, ...(stamp.session !== undefined && { sessionVersion: stamp.session }) }
    : {
        designVersion: ctx.designVersion ?? 0,
        ...(reply.kind === 'question' && ctx.sessionVersion !== undefined && { sessionVersion: ctx.sessionVersion }),
      };
  const choices = choiceRows(reply.choices ?? [], drawn, ctx.values, reply.kind === 'question', reply.kind === 'assessment');
  // Plan items first; the reply's own choices keep at least their first row.
  const items = itemRows(reply.itemControls ?? [], drawn, ctx.values, max.actionRows - Math.min(choices.length, 1));
  const rows = [...items, ...choices].slice(0, max.actionRows);
  const fields = [...(reply.fields ?? [])];
  if (reply.related?.length) fields.push({ label: 'Related', value: reply.related.map((r) => `${r.name} (${r.id})`).join(', ') });
  if (reply.formulas?.length && !reply.assessment) fields.push({ label: 'Formulas', value: reply.formulas.join('\n') });

  const structured = Boolean(reply.title || reply.summary || fields.length > 0);
  const messages = capMessages(structured ? embedMessages(reply, fields) : contentMessages(reply.text));
  const last = messages.at(-1)!;
  last.components = rows;
  if (reply.file) last.file = reply.file;
  return messages;
}

function capMessages(messages: DiscordMessage[]): DiscordMessage[] {
  if (messages.length <= maxMessagesPerReply) return messages;
  const kept = messages.slice(0, maxMessagesPerReply);
  const last = kept.at(-1)!;
  last.content = last.content ? `${clip(last.content, max.content - cutNote.length - 1)}\n${cutNote}` : cutNote;
  return kept;
}

function contentMessages(text: string): DiscordMessage[] {
  const pieces = splitText(escape(text.trim() ? text : '…'), max.content);
  return pieces.map((content) => ({ content, embeds: [], components: [], allowedMentions: { parse: [] } }));
}

function embedMessages(reply: Reply, fields: Reply['fields'] & object): DiscordMessage[] {
  const description = reply.summary ?? (fields.length === 0 ? reply.text : undefined);
  const pieces: Piece[] = [];
  if (description) {
    for (const text of splitText(escape(description), max.embedDescription)) pieces.push({ kind: 'description', text });
  }
  for (const field of fields) {
    const name = clip(escape(field.label) || '—', max.fieldName - ' (cont.)'.length);
    const values = splitText(escape(field.value), max.fieldValue);
    values.forEach((value, i) => pieces.push({ kind: 'field', name: i === 0 ? name : `${name} (cont.)`, value, inline: Boolean(field.inline) }));
    if (values.length === 0) pieces.push({ kind: 'field', name, value: '—', inline: Boolean(field.inline) });
  }
  const footer = reply.design ? `Design ${reply.design.id} · version ${reply.design.version}` : undefined;
  const title = reply.title ? clip(escape(reply.title), max.embedTitle) : undefined;
  const color = colors[reply.kind];
  return packEmbeds(pieces, { color, ...(title && { title }), ...(footer && { footer }) }).map((embeds) => ({
    embeds,
    components: [],
    allowedMentions: { parse: [] },
  }));
}

/**
 * Packs pieces into embeds (≤ 25 fields each) and embeds into messages (≤ 10 each, ≤ 6000 characters
 * across a message's embeds). The title goes on the first embed, the footer on the last.
 */
function packEmbeds(pieces: Piece[], head: { color: number; title?: string; footer?: string }): APIEmbed[][] {
  const budget = max.embedTotal - (head.footer?.length ?? 0);
  const messages: APIEmbed[][] = [];
  let embeds: APIEmbed[] = [];
  let used = 0;
  let open: APIEmbed | undefined;
  let title = head.title;
  const closeMessage = () => {
    if (embeds.length > 0) messages.push(embeds);
    embeds = [];
    used = 0;
    open = undefined;
  };
  const openEmbed = (size: number): APIEmbed => {
    if (embeds.length >= max.embedsPerMessage || used + size > budget) closeMessage();
    open = { color: head.color };
    if (title) {
      open.title = title;
      used += title.length;
      title = undefined;
    }
    embeds.push(open);
    return open;
  };
  for (const piece of pieces) {
    const size = piece.kind === 'description' ? piece.text.length : piece.name.length + piece.value.length;
    const extra = title?.length ?? 0;
    if (piece.kind === 'description') {
      openEmbed(size + extra).description = piece.text;
    } else {
      const full = !open || (open.fields?.length ?? 0) >= max.embedFields || used + size > budget;
      const embed = full ? openEmbed(size + extra) : open!;
      (embed.fields ??= []).push({ name: piece.name, value: piece.value, ...(piece.inline && { inline: true }) });
    }
    used += size;
  }
  if (title || embeds.length === 0) openEmbed(title?.length ?? 0);
  closeMessage();
  if (head.footer) {
    const lastEmbed = messages.at(-1)!.at(-1)!;
    lastEmbed.footer = { text: clip(head.footer, max.footer) };
  }
  return messages;
}
