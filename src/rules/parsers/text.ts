import { UserError } from '../../errors.ts';

/** The longest answer a single-value parser reads; anything longer is not one value. */
export const MAX_VALUE_LENGTH = 200;

/** Folds text the way the value parsers expect: lower case, single spaces, plain minus and times signs. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-')
    .replace(/\u00d7/g, 'x')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Normalises what someone typed for one value: trims, lower-cases, folds look-alike characters
 * (non-breaking spaces, the multiplication sign, the Unicode minus) and rejects empty or overlong text.
 */
export function prepare(text: unknown, label: string, example: string): string {
  if (typeof text !== 'string') throw badValue(`${label} needs a value, for example ${example}`);
  const folded = foldText(text);
  if (folded === '') throw badValue(`${label} needs a value, for example ${example}`);
  if (folded.length > MAX_VALUE_LENGTH) {
    throw badValue(`that is too long to be a value for ${label}; write something short like ${example}`);
  }
  return folded;
}

/** Shows user text inside a message: quoted and cut to a readable length. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine}"`;
}

/** A user-facing error for a value that could not be read (code `bad_value`). */
export function badValue(message: string, hint?: string): UserError {
  return new UserError('bad_value', message, hint ? { hint } : {});
}

/** Rounds away binary noise (0.1 + 0.2) so parsed values read the way they were typed. */
export function tidy(value: number): number {
  return Number.isFinite(value) ? Number.parseFloat(value.toPrecision(12)) : value;
}
