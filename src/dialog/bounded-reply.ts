import type { Reply } from './reply.ts';

/** Characters of a reply, all its texts together, that a renderer looks at: more than any chat shows in one reply. */
export const maxRenderedChars = 60_000;
/** Fields, related entries, choices and formulas of a reply that a renderer looks at. */
export const maxRenderedItems = 250;
/** A click stands for typing its value, and the core reads no message longer than this (core.ts maxTextLength). */
const maxChoiceValue = 4000;

/**
 * The reply cut to what a renderer can post, so rendering a 1 MB reply costs what a 60 KB one does
 * (each renderer then caps its messages). Texts are kept in reading order until the budget is spent.
 * Short replies come back unchanged.
 */
export function boundedReply(reply: Reply): Reply {
  const lists = [reply.fields, reply.choices, reply.related, reply.formulas];
  const clickable = (reply.choices ?? []).every((c) => c.value.length <= maxChoiceValue);
  const size = [reply.text, reply.title, reply.summary, ...(reply.fields ?? []).flatMap((f) => [f.label, f.value]), ...(reply.choices ?? []).map((c) => c.label), ...(reply.formulas ?? [])]
    .reduce((sum, t) => sum + (t?.length ?? 0), 0);
  if (size <= maxRenderedChars && clickable && !lists.some((list) => (list?.length ?? 0) > maxRenderedItems)) return reply;
  let left = maxRenderedChars;
  const clip = (text: string): string => {
    const kept = text.length > left ? `${text.slice(0, Math.max(0, left - 1))}…` : text;
    left = Math.max(0, left - kept.length);
    return kept;
  };
  const first = <T>(list: readonly T[]): T[] => list.slice(0, maxRenderedItems);
  // The plain text comes last: every renderer shows the structured parts when there are any.
  const title = reply.title !== undefined ? clip(reply.title) : undefined;
  const summary = reply.summary !== undefined ? clip(reply.summary) : undefined;
  const fields = reply.fields && first(reply.fields).map((f) => ({ ...f, label: clip(f.label), value: clip(f.value) }));
  const choices = reply.choices && first(reply.choices.filter((c) => c.value.length <= maxChoiceValue)).map((c) => ({ ...c, label: clip(c.label) }));
  const formulas = reply.formulas && first(reply.formulas).map(clip);
  return {
    ...reply,
    text: clip(reply.text) || '…',
    ...(title !== undefined && { title }),
    ...(summary !== undefined && { summary }),
    ...(fields && { fields }),
    ...(reply.related && { related: first(reply.related) }),
    ...(choices && { choices }),
    ...(formulas && { formulas }),
  };
}
