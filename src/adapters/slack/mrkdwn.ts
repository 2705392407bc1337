/** Zero-width joiner: breaks `@channel` and friends without changing how the text looks. */
const ZWJ = '\u200D';

/**
 * Makes text inert before Slack sees it: `&`, `<`, `>` are escaped (so `<!channel>`, `<@U…>`
 * and `<!subteam^…>` stay literal), and bare `@channel`, `@here`, `@everyone` get a zero-width joiner.
 */
export function escapeMrkdwn(text: string): string {
  return neutralizeAtWords(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/**
 * Text for plain_text objects (headers, buttons, options): not parsed as markup, but angle brackets
 * become look-alikes anyway so no `<!channel>` survives in any form, and broadcast words are broken.
 */
export function plainSafe(text: string): string {
  return neutralizeAtWords(text.replace(/</g, '\u2039').replace(/>/g, '\u203A'));
}

/** Breaks the bare broadcast words (`@here` …) with a zero-width joiner after the `@`. */
export function neutralizeAtWords(text: string): string {
  return text.replace(/@(channel|here|everyone|group)\b/gi, `@${ZWJ}$1`);
}

/** Cuts text to `max` characters, ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * Splits text into pieces of at most `max` characters, preferring line breaks, then spaces,
 * and never cutting an escape such as `&amp;` in half.
 */
export function chunkText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    const amp = rest.lastIndexOf('&', cut);
    if (amp > cut - 6 && amp > 0 && !rest.slice(amp, cut).includes(';')) cut = amp;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest.trim() !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Escapes text for mrkdwn and cuts it to `max` characters without splitting an escape. */
export function escapeWithin(text: string, max: number): string {
  let raw = text;
  let escaped = escapeMrkdwn(raw);
  while (escaped.length > max) {
    raw = truncate(raw, Math.max(1, Math.floor((raw.length * max) / escaped.length) - 1));
    escaped = escapeMrkdwn(raw);
  }
  return escaped;
}

/**
 * Turns back into live mentions exactly the users a reply names as owners (`Reply.mentions`), after
 * escaping made every `<@…>` inert: the owner is named, nobody else can be pinged by the text.
 */
export function liveMentions(escaped: string, users: readonly string[] | undefined): string {
  if (!users?.length) return escaped;
  const allowed = new Set(users.filter((u) => /^[UW][A-Z0-9]{1,40}$/.test(u)));
  return escaped.replace(/&lt;@([A-Z0-9]+)&gt;/g, (whole, id: string) => (allowed.has(id) ? `<@${id}>` : whole));
}
