import { commandTable } from './commands/command-table.ts';
import type { CommandSpec } from './commands/command.ts';
import { kindWords } from './lookup-kinds.ts';

/** A message read against the command table: a command and its argument, a plain question, or other text. */
export type ParsedMessage =
  | { type: 'command'; spec: CommandSpec<object>; args: object }
  | { type: 'question'; query: string; text: string }
  | { type: 'text'; text: string };

/** The flat view of a parsed message (`{ type: 'set', field, value }`), for tests and logs. */
export type Command = { type: string } & Record<string, unknown>;

const byPhrase = new Map<string, CommandSpec<object>>();
const byVerb = new Map<string, CommandSpec<object>[]>();
for (const spec of commandTable) {
  for (const phrase of spec.phrases ?? []) if (!byPhrase.has(phrase)) byPhrase.set(phrase, spec);
  for (const verb of spec.verbs ?? []) byVerb.set(verb, [...(byVerb.get(verb) ?? []), spec]);
}

/** Phrasings of a plain question; the first capture group is the topic. */
const questionForms: RegExp[] = [
  /^(?:what|who|which)(?:'s|\s+is|\s+are|\s+was)\s+(?:an?\s+|the\s+)?(.+?)\s*\??$/i,
  /^tell\s+me\s+(?:more\s+)?about\s+(.+?)\s*\??$/i,
  /^(?:explain|define|describe)\s+(.+?)\s*\??$/i,
  /^how\s+(?:does|do)\s+(.+?)\s+work\s*\??$/i,
  /^(.+?)\s*\?$/,
];

/**
 * Reads one message against the command table. Words are case-insensitive; text that is no command
 * comes back as a question or as `text` (an interview answer, or chat). Malformed commands throw UserError.
 */
export function readMessage(input: string): ParsedMessage {
  const text = input.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase().replace(/(?<![.!])[.!]+$/, '');
  const phrase = byPhrase.get(lower);
  if (phrase) return { type: 'command', spec: phrase, args: phrase.parse?.('', lower) ?? {} };

  const space = lower.indexOf(' ');
  const word = space === -1 ? lower : lower.slice(0, space);
  // "laws?" and "capabilities?" are the kind lists; other words keep their question mark.
  const verb = kindWords[word.replace(/(?<!\?)\?+$/, '')] ? word.replace(/(?<!\?)\?+$/, '') : word;
  const arg = space === -1 ? '' : text.slice(space + 1).trim();
  for (const spec of byVerb.get(verb) ?? []) {
    const args = spec.parse ? spec.parse(arg, verb) : arg === '' ? {} : undefined;
    if (args) return { type: 'command', spec, args };
  }
  for (const form of questionForms) {
    const m = form.exec(text);
    if (m?.[1]) return { type: 'question', query: m[1], text };
  }
  return { type: 'text', text };
}

/** The message as a flat command object: `{ type: <command name>, ...args }`, or a question or text. */
export function parseCommand(input: string): Command {
  const parsed = readMessage(input);
  return parsed.type === 'command' ? { type: parsed.spec.name, ...parsed.args } : parsed;
}

const yesWords = new Set(['yes', 'y', 'yeah', 'yep', 'sure', 'ok', 'okay', 'confirm', 'yes delete', 'delete it', 'do it']);
const noWords = new Set(['no', 'n', 'nope', 'keep', 'keep it', 'no keep it', 'cancel', 'stop']);

/** True for a confirming answer ("yes", "y", "sure"). */
export function isYes(text: string): boolean {
  return yesWords.has(text.trim().toLowerCase().replace(/[.!,]+/g, '').replace(/\s+/g, ' '));
}

/** True for a declining answer ("no", "keep it"). */
export function isNo(text: string): boolean {
  return noWords.has(text.trim().toLowerCase().replace(/[.!,]+/g, '').replace(/\s+/g, ' '));
}
