import { boundedReply } from '../../dialog/bounded-reply.ts';
import type { Reply } from '../../dialog/reply.ts';

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * Renders a reply for the terminal: title, summary, fields as "Label: value" blocks, related
 * entries on one line, and choices as numbered options ("#1 Show P8 (show P8)") that the
 * terminal lets you pick by typing `#1`. `firstChoice` numbers this reply's choices after earlier ones.
 */
export function renderText(whole: Reply, options: { firstChoice?: number } = {}): string {
  const reply = boundedReply(whole);
  const first = options.firstChoice ?? 1;
  // The card's commands are one line of numbers under it, so the card keeps its 15 lines.
  if (reply.assessment) return [reply.text, choiceLines(reply, first).join('  ')].filter(Boolean).join('\n');
  if (!reply.title && !reply.summary && !reply.fields?.length) return [reply.text, ...choiceLines(reply, first)].join('\n');
  const blocks: string[] = [];
  if (reply.sketch) return [reply.title, reply.summary, '', ...reply.sketch, '', ...choiceLines(reply, first)].filter((l) => l !== undefined).join('\n');
  if (reply.title) blocks.push(`${reply.title}\n${'='.repeat(Math.min(reply.title.length, 72))}`);
  if (reply.summary) blocks.push(reply.summary);
  const fields = (reply.fields ?? []).map((f) => (f.value.includes('\n') ? `${f.label}:\n${indent(f.value)}` : `${f.label}: ${f.value}`));
  if (fields.length > 0) blocks.push(fields.join('\n'));
  if (reply.related?.length) blocks.push(`Related: ${reply.related.map((r) => `${r.name} (${r.id})`).join(', ')}`);
  const choices = choiceLines(reply, first);
  if (choices.length > 0) blocks.push(choices.join('\n'));
  return blocks.join('\n\n');
}

/** A choice's command is shown after its label only when it is short enough to type; `#N` always picks it. */
const maxShownCommand = 80;

function choiceLines(reply: Reply, first: number): string[] {
  return (reply.choices ?? []).map((c, i) => {
    const same = c.label.toLowerCase() === c.value.toLowerCase();
    const typed = same || c.value.length > maxShownCommand ? '' : ` (${c.value})`;
    return `#${first + i} ${c.label}${typed}`;
  });
}
