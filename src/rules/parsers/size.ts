import { NUMBER_PATTERN } from './number.ts';
import { badValue, prepare, quote, tidy } from './text.ts';

const BYTES_PER_UNIT: Array<[RegExp, number]> = [
  [/^(?:b|bytes?)$/, 1],
  [/^(?:kb|k|kilobytes?)$/, 1e3],
  [/^(?:mb|megabytes?)$/, 1e6],
  [/^(?:gb|g|gigs?|gigabytes?)$/, 1e9],
  [/^(?:tb|t|terabytes?)$/, 1e12],
  [/^(?:pb|p|petabytes?)$/, 1e15],
  [/^(?:eb|exabytes?)$/, 1e18],
  [/^kib$/, 2 ** 10],
  [/^mib$/, 2 ** 20],
  [/^gib$/, 2 ** 30],
  [/^tib$/, 2 ** 40],
  [/^pib$/, 2 ** 50],
];
const SIZE = new RegExp(`^(${NUMBER_PATTERN}) ?([a-z]+)?(?: (?:of data|data|total|stored))?$`);

/** Reads a data size such as `100 GB`, `1TB`, `500mb` or `2 PB` in (decimal) gigabytes; a bare number is GB. */
export function parseSizeGb(text: string, label = 'the data size'): number {
  const prepared = prepare(text, label, '100 GB');
  if (/^-\s*[\d.]/.test(prepared)) throw badValue(`${label} cannot be negative (${quote(text)}); write something like 100 GB`);
  const match = SIZE.exec(prepared);
  if (!match?.[1]) {
    throw badValue(`I could not read ${quote(text)} as ${label}; write a number with a unit such as 100 GB, 1TB or 500mb`);
  }
  const amount = Number(match[1].replace(/[, ]/g, ''));
  const unitText = match[2];
  let bytesPerUnit = 1e9;
  if (unitText !== undefined) {
    const found = BYTES_PER_UNIT.find(([pattern]) => pattern.test(unitText));
    if (!found) throw badValue(`${quote(unitText)} is not a size unit I know; use MB, GB, TB or PB`);
    bytesPerUnit = found[1];
  }
  const gb = (amount * bytesPerUnit) / 1e9;
  if (!Number.isFinite(gb)) throw badValue(`${quote(text)} is too large for ${label}`);
  return tidy(gb);
}
