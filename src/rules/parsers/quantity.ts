import { readScaled } from './number.ts';
import { badValue, prepare, quote, tidy } from './text.ts';

const PER_UNIT = /(?:\s*\/\s*|\s+(?:per|an?|each|every)\s+)(s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|d|days?)$/;
const RATE_ABBREVIATION = /\s*(?:rps|qps|tps|wps|iops|ops\/s|ops\/sec)$/;
const RATE_NOUN =
  /\s*(?:writes?|reads?|ops|operations?|requests?|reqs?|events?|messages?|msgs?|queries|query|transactions?|txns?|tx|inserts?|updates?|calls?|hits?|lookups?)$/;
const SECONDS_PER: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

const RATE_HINT = 'write a number per second such as 20000, 20k, 1.5M/s, "20,000 writes/s" or "150 per second"';

/** Reads a rate such as `20k`, `1.5M/s`, `20,000 writes/s`, `150 per second` or `3M/day`, in events per second. */
export function parseRate(text: string, label = 'the rate'): number {
  let rest = prepare(text, label, '20k');
  let seconds = 1;
  const per = PER_UNIT.exec(rest);
  if (per?.[1]) {
    seconds = SECONDS_PER[per[1].charAt(0)] ?? 1;
    rest = rest.slice(0, per.index);
  } else {
    const abbreviation = RATE_ABBREVIATION.exec(rest);
    if (abbreviation) rest = rest.slice(0, abbreviation.index);
  }
  const noun = RATE_NOUN.exec(rest);
  if (noun && noun.index > 0) rest = rest.slice(0, noun.index);
  const value = readNonNegative(rest, text, label, RATE_HINT);
  return tidy(value / seconds);
}

/** Reads a peak factor such as `3x`, `x3`, `3 times` or `3` (how many times the average the peak reaches). */
export function parseFactor(text: string, label = 'the peak factor'): number {
  const prepared = prepare(text, label, '3x');
  const rest = prepared.replace(/^x\s*/, '').replace(/\s*(?:x|times)$/, '').replace(/\s*(?:peak|burst|spikes?)$/, '');
  const named: Record<string, number> = { double: 2, twice: 2, triple: 3, quadruple: 4 };
  const value = named[rest] ?? readNonNegative(rest, text, label, 'write how many times the average the peak is, such as 3x or 1.5');
  return tidy(value);
}

/** Reads a whole count such as `3`, `three`, `5 replicas` or `12 query shapes`. */
export function parseCount(text: string, label = 'the count'): number {
  const prepared = prepare(text, label, '3');
  const rest = prepared.replace(
    /\s*(?:replicas?|copies|nodes?|servers?|regions?|(?:distinct |different )?(?:query )?(?:shapes?|queries|patterns?|kinds?|types?))$/,
    '',
  );
  const value = readNonNegative(rest, text, label, 'write a whole number such as 3');
  if (!Number.isInteger(value)) throw badValue(`${label} must be a whole number, not ${quote(text)}`);
  return value;
}

/** Reads a scaled number and rejects negatives and non-numbers with a message naming what is allowed. */
export function readNonNegative(rest: string, original: string, label: string, hint: string): number {
  if (/^-\s*[\d.]/.test(rest)) throw badValue(`${label} cannot be negative (${quote(original)}); ${hint}`);
  const value = readScaled(rest.replace(/^\+/, ''));
  if (value === undefined) throw badValue(`I could not read ${quote(original)} as ${label}; ${hint}`);
  return value;
}
