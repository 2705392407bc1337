import { createHash } from 'node:crypto';
import { discordLimits } from './limits.ts';

/**
 * What a component's custom id says: which design version (and, for interview questions, which
 * session version) it was drawn for. Custom ids hold at most 100 characters, so long choice
 * values are kept server-side and the id carries a short key (`#<key>`).
 */
export interface Drawn {
  designVersion: number;
  /** Set for buttons of a question: a click is stale once the session has moved on. */
  sessionVersion?: number;
}

/** A parsed custom id. */
export type ComponentId =
  | ({ type: 'choice'; payload: string } & Drawn)
  | ({ type: 'user'; payload: string } & Drawn)
  | ({ type: 'select' } & Drawn)
  | ({ type: 'typeValue' } & Drawn)
  | ({ type: 'modal' } & Drawn);

const prefixes = { choice: 'c', user: 'u', select: 's', typeValue: 'm', modal: 't' } as const;

/** Remembers choice values too long for a custom id or a select option value, keyed by a short hash. */
export class LongValues {
  private readonly values = new Map<string, string>();
  private readonly max: number;

  constructor(max = 5000) {
    this.max = max;
  }

  /** The value itself when it fits in `room` characters, else `#<key>`; the key is stable for the same value. */
  encode(value: string, room: number): string {
    if (value.length <= room && !value.startsWith('#')) return value;
    const key = createHash('sha256').update(value).digest('base64url').slice(0, 16);
    this.values.delete(key);
    this.values.set(key, value);
    if (this.values.size > this.max) this.values.delete(this.values.keys().next().value!);
    return `#${key}`;
  }

  /** The value behind an encoded payload, or undefined when the key is no longer known (e.g. after a restart). */
  decode(payload: string): string | undefined {
    return payload.startsWith('#') ? this.values.get(payload.slice(1)) : payload;
  }
}

function head(type: keyof typeof prefixes, drawn: Drawn): string {
  return [prefixes[type], drawn.designVersion, drawn.sessionVersion ?? '-'].join('|');
}

/** The custom id of one choice button: `c|<design version>|<session version or ->|<index>|<value or #key>`. */
export function choiceId(drawn: Drawn, index: number, value: string, values: LongValues): string {
  const prefix = `${head('choice', drawn)}|${index}|`;
  return prefix + values.encode(value, discordLimits.customId - prefix.length);
}

/**
 * The custom id of a user select (an owner picker): `u|<design version>|-|<index>|<command or #key>`;
 * the picked user's mention completes the command (`owner <item> <@id>`).
 */
export function userSelectId(drawn: Drawn, index: number, command: string, values: LongValues): string {
  const prefix = `${head('user', drawn)}|${index}|`;
  return prefix + values.encode(command, discordLimits.customId - prefix.length);
}

/** The custom id of a select menu, of the "Type a value" button, or of its modal. */
export function componentId(type: 'select' | 'typeValue' | 'modal', drawn: Drawn, index = 0): string {
  return type === 'select' ? `${head(type, drawn)}|${index}` : head(type, drawn);
}

/** Reads a custom id made by this adapter; anything else (another app's, a mangled one) is undefined. */
export function parseComponentId(id: string): ComponentId | undefined {
  const parts = id.split('|');
  const type = (Object.keys(prefixes) as Array<keyof typeof prefixes>).find((t) => prefixes[t] === parts[0]);
  const designVersion = Number(parts[1]);
  if (!type || !Number.isInteger(designVersion) || parts[2] === undefined) return undefined;
  const drawn: Drawn = { designVersion, ...(parts[2] !== '-' && { sessionVersion: Number(parts[2]) }) };
  if (drawn.sessionVersion !== undefined && !Number.isInteger(drawn.sessionVersion)) return undefined;
  if (type === 'choice' || type === 'user') {
    if (parts.length < 5) return undefined;
    return { type, ...drawn, payload: parts.slice(4).join('|') };
  }
  return { type, ...drawn };
}
