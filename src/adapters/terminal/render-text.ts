import type { Reply } from '../../dialog/reply.ts';

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * Renders a reply for the terminal: title, summary, fields as "Label: value" blocks, related
 * entries on one line, and choices as numbered options ("[1] Show P8 → show P8").
 */
export function renderText(reply: Reply): string {
  // An assessment card has its own text rendering, made by the assessment reply builder.
  if (reply.assessment) return reply.text;
  if (!reply.title && !reply.summary && !reply.fields?.length) return [reply.text, ...choiceLines(reply)].join('\n');
  const blocks: string[] = [];
  if (reply.title) blocks.push(`${reply.title}\n${'='.repeat(Math.min(reply.title.length, 72))}`);
  if (reply.summary) blocks.push(reply.summary);
  const fields = (reply.fields ?? []).map((f) => (f.value.includes('\n') ? `${f.label}:\n${indent(f.value)}` : `${f.label}: ${f.value}`));
  if (fields.length > 0) blocks.push(fields.join('\n'));
  if (reply.related?.length) blocks.push(`Related: ${reply.related.map((r) => `${r.name} (${r.id})`).join(', ')}`);
  const choices = choiceLines(reply);
  if (choices.length > 0) blocks.push(choices.join('\n'));
  return blocks.join('\n\n');
}

function choiceLines(reply: Reply): string[] {
  return (reply.choices ?? []).map((c, i) => `[${i + 1}] ${c.label} → ${c.value}`);
}
