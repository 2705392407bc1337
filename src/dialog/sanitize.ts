import type { Reply } from './reply.ts';

const ZWSP = '\u200B';

/**
 * Defuses mass-mention triggers in text that may echo what a user typed: `@channel`, `@here`,
 * `@everyone` (and Slack's `<!channel>` forms) get a zero-width space so no platform pings anyone.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, `@${ZWSP}$1`).replace(/<!(channel|here|everyone)/gi, `<${ZWSP}!$1`);
}

/** A reply with mentions defused in every place a person reads (text, title, summary, fields, labels). */
export function neutralizeReply(reply: Reply): Reply {
  return {
    ...reply,
    text: neutralizeMentions(reply.text),
    ...(reply.title !== undefined ? { title: neutralizeMentions(reply.title) } : {}),
    ...(reply.summary !== undefined ? { summary: neutralizeMentions(reply.summary) } : {}),
    ...(reply.fields ? { fields: reply.fields.map((f) => ({ ...f, label: neutralizeMentions(f.label), value: neutralizeMentions(f.value) })) } : {}),
    ...(reply.choices ? { choices: reply.choices.map((c) => ({ ...c, label: neutralizeMentions(c.label) })) } : {}),
    ...(reply.requirements
      ? { requirements: Object.fromEntries(Object.entries(reply.requirements).map(([k, v]) => [k, typeof v === 'string' ? neutralizeMentions(v) : v])) }
      : {}),
    ...(reply.error ? { error: { ...reply.error, message: neutralizeMentions(reply.error.message) } } : {}),
  };
}
