import { NUMBER_PATTERN } from './number.ts';
import { badValue, prepare, quote, tidy } from './text.ts';

/** The unit a duration field is stored in. */
export type DurationUnit = 'ms' | 's';

const MS_PER_UNIT: Array<[RegExp, number]> = [
  [/^(?:us|µs|μs|micros?|microseconds?)$/, 0.001],
  [/^(?:ms|msecs?|millis|milliseconds?)$/, 1],
  [/^(?:s|secs?|seconds?)$/, 1000],
  [/^(?:m|mins?|minutes?)$/, 60_000],
  [/^(?:h|hrs?|hours?)$/, 3_600_000],
  [/^(?:d|days?)$/, 86_400_000],
];
const DURATION = new RegExp(`^(${NUMBER_PATTERN}) ?([a-zµμ]+)?$`);
const LEAD_IN = /^(?:(?:p\d{2,4}|under|below|less than|at most|within|max(?:imum)?|up to|of|<=|<|≤)\s*)+/;

/**
 * Reads a duration such as `200ms`, `2 s`, `1.5 sec`, `5 min` or `1h` and returns it in `unit`;
 * a bare number is taken to be in `unit` already. `zero` and `none` read as 0.
 */
export function parseDuration(text: string, unit: DurationUnit, label = 'the duration'): number {
  const example = unit === 'ms' ? '200ms' : '30s';
  const prepared = prepare(text, label, example).replace(LEAD_IN, '');
  if (prepared === 'zero' || prepared === 'none' || prepared === 'no data loss') return 0;
  if (/^-\s*[\d.]/.test(prepared)) throw badValue(`${label} cannot be negative (${quote(text)}); write something like ${example}`);
  const match = DURATION.exec(prepared);
  if (!match?.[1]) {
    throw badValue(`I could not read ${quote(text)} as ${label}; write a number with a unit such as 200ms, 2 s, 5 min or 1h`);
  }
  const amount = Number(match[1].replace(/[, ]/g, ''));
  const unitText = match[2];
  let msPerUnit = unit === 'ms' ? 1 : 1000;
  if (unitText !== undefined) {
    const found = MS_PER_UNIT.find(([pattern]) => pattern.test(unitText));
    if (!found) throw badValue(`${quote(unitText)} is not a time unit I know; use ms, s, min, h or d`);
    msPerUnit = found[1];
  }
  const ms = amount * msPerUnit;
  const value = unit === 'ms' ? ms : ms / 1000;
  if (!Number.isFinite(value)) throw badValue(`${quote(text)} is too large for ${label}`);
  return tidy(value);
}
