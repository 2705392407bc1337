import { readPlain } from './number.ts';
import { badValue, prepare, quote, tidy } from './text.ts';

const NINE_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const NINES = /^(\d(?:\.5)?|one|two|three|four|five|six|seven|eight|nine)( and a half)? (?:nines|9s|9's)$/;

/**
 * Reads an availability as a fraction: `99.99%`, `0.9999`, `99.9` (a number above 1 is a percentage),
 * `four nines`, `4 nines` or `three and a half nines` (99.95%). The result is strictly between 0 and 1.
 */
export function parseAvailability(text: string, label = 'availability'): number {
  const rangeMessage = `${label} must be between 0 and 1, or a percentage like 99.9%`;
  const prepared = prepare(text, label, '99.9%')
    .replace(/^(?:at least|>=|≥|min(?:imum)?)\s*/, '')
    .replace(/\s*(?:uptime|availability|available|sla)$/, '');
  const nines = NINES.exec(prepared);
  if (nines?.[1]) {
    const count = NINE_WORDS[nines[1]] ?? Number(nines[1]);
    const whole = Math.floor(count);
    const half = count !== whole || nines[2] !== undefined;
    if (whole < 1 || whole > 9 || (count !== whole && nines[2] !== undefined)) {
      throw badValue(`${quote(text)} is not a number of nines I can use; say one to nine nines, such as "four nines"`);
    }
    return tidy(1 - (half ? 0.5 : 1) * 10 ** -whole);
  }
  const percent = /^(.*?)\s*(?:%|percent|pct)$/.exec(prepared);
  const digits = percent ? (percent[1] ?? '') : prepared;
  if (/^-\s*[\d.]/.test(digits)) throw badValue(rangeMessage, `${quote(text)} is negative`);
  const value = readPlain(digits);
  if (value === undefined) {
    throw badValue(`I could not read ${quote(text)} as ${label}; ${rangeMessage.replace(`${label} must be`, 'write a number')}, or say "four nines"`);
  }
  const fraction = percent || value > 1 ? value / 100 : value;
  if (!(fraction > 0 && fraction < 1)) throw badValue(rangeMessage, `${quote(text)} is outside that range`);
  return tidy(fraction);
}
