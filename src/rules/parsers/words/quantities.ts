import type { Token } from './tokens.ts';
import {
  DOLLARS, NUMBER_WORDS, OTHER_CURRENCY, PER_WORDS, PERIOD_SECONDS, PERIOD_WORDS, RATE_ABBREVIATIONS, SCALES, SIZE_BYTES, TIME_MS,
} from './units.ts';

/** What the unit after a number says it measures. */
export type UnitKind = 'none' | 'percent' | 'time' | 'size' | 'money' | 'otherMoney' | 'times' | 'rate' | 'noun' | 'ratio';

/** A number with its scale, unit and range, as typed in one clause. */
export interface Quantity {
  value: number;
  /** The lower bound when a range was typed ("2–5k"): `value` is the upper bound. */
  low?: number;
  unit: UnitKind;
  /** Milliseconds per unit (time), bytes per unit (size), seconds per period (rate), months per period (money: 12 for a yearly sum). */
  per: number;
  /** The counted thing after the number ("writes", "location updates", "regions"), normalised words. */
  noun: string[];
  /** A rate abbreviation's side (rps → reads). */
  side?: 'reads' | 'writes';
  /** True for a size counted over a period ("5 TB/day"): a growth rate, not a size. */
  growth?: boolean;
  /** True when the number was a word ("two regions"). */
  wordNumber: boolean;
  /** True for a magnitude said in words ("sub-millisecond"): the value is an upper bound. */
  bound?: boolean;
  /** True for a rate each member of a fleet sends ("one sample per second each"). */
  perMember?: boolean;
  /** Token range [from, to) in the clause. */
  from: number;
  to: number;
}

const isWord = (t: Token | undefined, ...words: string[]): boolean => t !== undefined && t.kind === 'word' && words.includes(t.lower);
const isSymbol = (t: Token | undefined, ...symbols: string[]): boolean => t !== undefined && t.kind === 'symbol' && symbols.includes(t.text);

/** Words that end a counted noun: what follows them is no longer the thing counted. */
const NOUN_STOP = new Set(['per', 'a', 'an', 'each', 'every', 'of', 'on', 'in', 'at', 'to', 'and', 'or', 'with', 'for', 'from', 'is', 'are', 'peak', 'normally', 'but', 'the', 'than', 'we', 'it', 'across', 'over', 'into', 'within', 'between', 'by', 'via', 'through', 'spread']);

/** The period a rate is counted over, starting at token `i`: "/s", "per second", "a day", "daily". */
export function periodAt(tokens: Token[], i: number): { seconds: number; end: number } | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  if (t.kind === 'word' && PERIOD_WORDS[t.lower] !== undefined) return { seconds: PERIOD_WORDS[t.lower]!, end: i + 1 };
  if (isSymbol(t, '/') || (t.kind === 'word' && PER_WORDS.has(t.lower))) {
    const unit = tokens[i + 1];
    if (unit?.kind === 'word' && PERIOD_SECONDS[unit.lower] !== undefined) return { seconds: PERIOD_SECONDS[unit.lower]!, end: i + 2 };
  }
  return undefined;
}

function scaleAt(tokens: Token[], j: number): { factor: number; end: number } {
  const t = tokens[j];
  if (t?.kind !== 'word') return { factor: 1, end: j };
  // "5M" is five million; "5m" is five million before a counted noun or a period, else five minutes.
  if (t.text === 'M') return { factor: 1e6, end: j + 1 };
  if (t.lower === 'm') {
    const next = tokens[j + 1];
    const beforeNoun = next !== undefined && next.kind === 'word' && TIME_MS[next.lower] === undefined && !isWord(next, 'rto', 'rpo', 'p99', 'latency');
    return beforeNoun || periodAt(tokens, j + 1) ? { factor: 1e6, end: j + 1 } : { factor: 1, end: j };
  }
  const factor = SCALES[t.lower];
  return factor === undefined ? { factor: 1, end: j } : { factor, end: j + 1 };
}

/** Words after which "a" or "an" before a time unit is one of it: "for a year", "under a second", "beyond a day". */
const ONE_OF_AFTER = new Set(['for', 'under', 'within', 'below', 'than', 'about', 'around', 'roughly', 'beyond', 'after', 'past', 'least', 'most', 'by']);

/** "single-digit ms" is under 10 ms, "double-digit" under 100, "triple-digit" under 1,000. */
const DIGIT_CLASSES: Record<string, number> = { single: 10, double: 100, triple: 1000 };
/** "tens of ms" is under 100 ms, "hundreds of ms" under 1,000. */
const ORDERS: Record<string, number> = { tens: 100, hundreds: 1000 };
/** Words that make an order of magnitude vaguer than its bound ("low tens of ms"): not read as a number. */
const VAGUE = new Set(['low', 'high', 'mid', 'upper', 'lower']);

/** A number read at a token: its value, the token after it, and whether it is a bound said as a magnitude ("sub-ms"). */
export interface NumberRead {
  value: number;
  word: boolean;
  /** The token after the number (its scale or unit starts there). */
  end: number;
  /** True for a magnitude said in words ("sub-millisecond", "single-digit ms"): an upper bound, a budget. */
  bound?: boolean;
  /** Milliseconds per unit when the unit is inside the word ("submillisecond"). */
  unitMs?: number;
}

const hyphenAfter = (tokens: Token[], i: number): number => (isSymbol(tokens[i], '-') && tokens[i]!.glued ? i + 1 : i);
const timeUnitAt = (tokens: Token[], i: number): boolean => tokens[i]?.kind === 'word' && TIME_MS[tokens[i]!.lower] !== undefined && tokens[i]!.text !== 'US';

/**
 * A bound said as a magnitude before a time unit: "sub-millisecond" (under 1 ms), "sub-second",
 * "single-digit milliseconds" (under 10 ms), "double-digit ms", "tens of ms". The value is the bound.
 */
function magnitudeAt(tokens: Token[], i: number): NumberRead | undefined {
  const t = tokens[i]!;
  if (t.kind !== 'word' || VAGUE.has(tokens[i - 1]?.lower ?? '')) return undefined;
  // "submillisecond", "subsecond": the unit is inside the word.
  const inside = t.lower.startsWith('sub') ? TIME_MS[t.lower.slice(3)] : undefined;
  if (inside !== undefined && t.lower.length > 4) return { value: 1, word: true, end: i + 1, bound: true, unitMs: inside };
  if (t.lower === 'sub') {
    const unit = hyphenAfter(tokens, i + 1);
    return timeUnitAt(tokens, unit) ? { value: 1, word: true, end: unit, bound: true } : undefined;
  }
  const digits = DIGIT_CLASSES[t.lower];
  if (digits !== undefined) {
    const digit = hyphenAfter(tokens, i + 1);
    return isWord(tokens[digit], 'digit', 'digits') && timeUnitAt(tokens, digit + 1) ? { value: digits, word: true, end: digit + 1, bound: true } : undefined;
  }
  const order = ORDERS[t.lower];
  if (order !== undefined && isWord(tokens[i + 1], 'of') && timeUnitAt(tokens, i + 2)) return { value: order, word: true, end: i + 2, bound: true };
  return undefined;
}

/** Parts said as words before "a"/"an" ("half a second", "a quarter of a million"). */
const PARTS: Record<string, number> = { half: 0.5, quarter: 0.25 };

/**
 * Informal amounts: "half a second", "half a million", "a quarter million", "a couple of regions",
 * "a dozen services". The amount must stand before a scale, a time unit or a counted noun; the caller
 * decides by the unit that follows.
 */
function informalAt(tokens: Token[], i: number): NumberRead | undefined {
  const t = tokens[i]!;
  if (t.kind !== 'word') return undefined;
  const part = PARTS[t.lower];
  if (part !== undefined) {
    // "half a second", "half an hour", "a quarter of a million": skip "(of) a/an".
    let j = i + 1;
    if (isWord(tokens[j], 'of')) j++;
    if (isWord(tokens[j], 'a', 'an')) j++;
    return j > i + 1 || SCALES[tokens[j]?.lower ?? ''] !== undefined ? { value: part, word: true, end: j } : undefined;
  }
  if (isWord(t, 'a') && PARTS[tokens[i + 1]?.lower ?? ''] !== undefined && SCALES[tokens[i + 2]?.lower ?? ''] !== undefined) {
    return { value: PARTS[tokens[i + 1]!.lower]!, word: true, end: i + 2 };
  }
  if (isWord(t, 'a') && isWord(tokens[i + 1], 'couple') && tokens[i + 2] !== undefined) {
    return { value: 2, word: true, end: isWord(tokens[i + 2], 'of') ? i + 3 : i + 2 };
  }
  if (isWord(t, 'a') && isWord(tokens[i + 1], 'dozen')) return { value: 12, word: true, end: i + 2 };
  return undefined;
}

/**
 * A number token, a magnitude said in words ("sub-millisecond"), a number word (before a count noun or a
 * time unit), or "a"/"an" meaning one before a time unit after "for", "under" … ("keep history for a year").
 */
export function numberAt(tokens: Token[], i: number): NumberRead | undefined {
  const t = tokens[i]!;
  if (t.kind === 'number' && Number.isFinite(t.value)) return { value: t.value, word: false, end: i + 1 };
  const magnitude = magnitudeAt(tokens, i);
  if (magnitude) return magnitude;
  if (t.kind === 'word' && NUMBER_WORDS[t.lower] !== undefined) return { value: NUMBER_WORDS[t.lower]!, word: true, end: i + 1 };
  const informal = informalAt(tokens, i);
  if (informal) return informal;
  const next = tokens[i + 1];
  const after = isWord(tokens[i - 1], ...ONE_OF_AFTER) || (isWord(tokens[i - 1], 'to') && isWord(tokens[i - 2], 'up'));
  if (isWord(t, 'a', 'an') && next?.kind === 'word' && TIME_MS[next.lower] !== undefined && after) return { value: 1, word: true, end: i + 1 };
  return undefined;
}

/**
 * Reads the quantity starting at token `i` (a number): its scale, an upper bound when it is a range
 * ("2–5k", "between 100 and 200 GB", "3 to 5"), and the unit or counted noun after it.
 */
export function readQuantity(tokens: Token[], i: number): Quantity | undefined {
  const first = numberAt(tokens, i);
  if (!first) return undefined;
  if (first.unitMs !== undefined) return { value: 1, unit: 'time', per: first.unitMs, noun: [], bound: true, wordNumber: true, from: i, to: first.end };
  const scale = first.bound ? { factor: 1, end: first.end } : scaleAt(tokens, first.end);
  let value = first.value * scale.factor;
  let j = scale.end;
  let low: number | undefined;
  const joiner = tokens[j];
  const rangeJoin = isSymbol(joiner, '-') || isWord(joiner, 'to') || (isWord(joiner, 'and') && isWord(tokens[i - 1], 'between'));
  if (rangeJoin && tokens[j + 1]?.kind === 'number' && !first.word) {
    const upper = tokens[j + 1]!;
    const upperScale = scaleAt(tokens, j + 2);
    const lowValue = scale.factor === 1 ? first.value * upperScale.factor : value;
    const highValue = upper.value * upperScale.factor;
    if (highValue >= lowValue) {
      low = lowValue;
      value = highValue;
      j = upperScale.end;
    }
  }
  // "100 to 1", "10:1": a ratio, not a number of anything.
  if (low === undefined && !first.word && (isWord(joiner, 'to') || isSymbol(joiner, ':')) && tokens[j + 1]?.kind === 'number' && tokens[j + 1]!.value === 1 && value > 1) {
    return { value, unit: 'ratio', per: 1, noun: [], wordNumber: false, from: i, to: j + 2 };
  }
  // "30-day retention", "5-minute RTO": the hyphen joins the number to its unit.
  if (isSymbol(tokens[j], '-') && tokens[j]!.glued && tokens[j + 1]?.kind === 'word' && tokens[j + 1]!.glued) j++;
  const unit = unitAt(tokens, j);
  // A number said as a word counts things or time ("two regions", "one year"); anything else is prose,
  // unless a scale makes it an amount ("five million writes a day", "half a million writes per second").
  // "one sample per second each": a rate per member of a fleet, joined with the fleet by the reader.
  const perMember = unit.kind === 'rate' && isWord(tokens[unit.end], 'each', 'apiece');
  if (first.word && scale.factor === 1 && unit.kind !== 'noun' && unit.kind !== 'time' && !perMember) return undefined;
  if (tokens[i - 1] && isSymbol(tokens[i - 1], '$')) {
    return { value, ...(low !== undefined && { low }), unit: 'money', per: moneyPeriod(tokens, j), noun: [], wordNumber: false, from: i - 1, to: Math.max(moneyEnd(tokens, j), unit.kind === 'money' ? unit.end : j) };
  }
  if (tokens[i - 1] && OTHER_CURRENCY.has(tokens[i - 1]!.lower)) {
    return { value, unit: 'otherMoney', per: 1, noun: [], wordNumber: false, from: i - 1, to: unit.end };
  }
  if (first.bound && unit.kind !== 'time') return undefined;
  return { value, ...(low !== undefined && { low }), ...unit.extra, ...(first.bound && { bound: true }), ...(perMember && { perMember: true }), unit: unit.kind, per: unit.per, noun: unit.noun, wordNumber: first.word, from: i, to: unit.end };
}

interface UnitRead {
  kind: UnitKind;
  per: number;
  noun: string[];
  end: number;
  extra?: { side: 'reads' | 'writes' } | { growth: true };
}

function unitAt(tokens: Token[], j: number): UnitRead {
  const t = tokens[j];
  const none: UnitRead = { kind: 'none', per: 1, noun: [], end: j };
  if (t === undefined) return none;
  if (isSymbol(t, '%') || isWord(t, 'percent', 'pct')) return { kind: 'percent', per: 1, noun: [], end: j + 1 };
  if (t.kind === 'word' && DOLLARS.has(t.lower)) return { kind: 'money', per: moneyPeriod(tokens, j + 1), noun: [], end: moneyEnd(tokens, j + 1) };
  if (isSymbol(t, '$')) return { kind: 'money', per: moneyPeriod(tokens, j + 1), noun: [], end: moneyEnd(tokens, j + 1) };
  if (OTHER_CURRENCY.has(t.lower)) return { kind: 'otherMoney', per: 1, noun: [], end: j + 1 };
  if (isWord(t, 'x', 'times', 'fold')) return { kind: 'times', per: 1, noun: [], end: j + 1 };
  if (t.kind === 'word' && SIZE_BYTES[t.lower] !== undefined) {
    const period = periodAt(tokens, j + 1);
    return { kind: 'size', per: SIZE_BYTES[t.lower]!, noun: [], end: period?.end ?? j + 1, ...(period && { extra: { growth: true } }) };
  }
  if (t.kind === 'word' && RATE_ABBREVIATIONS[t.lower] !== undefined) {
    const abbreviation = RATE_ABBREVIATIONS[t.lower]!;
    return { kind: 'rate', per: abbreviation.seconds, noun: [t.lower], end: j + 1, extra: { side: abbreviation.side } };
  }
  const period = periodAt(tokens, j);
  if (period) return { kind: 'rate', per: period.seconds, noun: [], end: period.end };
  // "US" after a number is the region, not microseconds.
  if (t.kind === 'word' && TIME_MS[t.lower] !== undefined && t.text !== 'US') {
    return { kind: 'time', per: TIME_MS[t.lower]!, noun: [], end: j + 1 };
  }
  // A counted noun of up to three words, then perhaps a period: "250k location updates a minute".
  const noun: string[] = [];
  let k = j;
  while (k < tokens.length && noun.length < 3) {
    const w = tokens[k]!;
    if (isSymbol(w, '-') && tokens[k + 1]?.kind === 'word') {
      k++;
      continue;
    }
    if (w.kind !== 'word' || NOUN_STOP.has(w.lower) || PERIOD_WORDS[w.lower] !== undefined || NUMBER_WORDS[w.lower] !== undefined) break;
    noun.push(w.lower);
    k++;
    const after = periodAt(tokens, k);
    if (after) return { kind: 'rate', per: after.seconds, noun, end: after.end };
  }
  return noun.length > 0 ? { kind: 'noun', per: 1, noun, end: k } : none;
}

function moneyPeriod(tokens: Token[], j: number): number {
  const period = periodAt(tokens, j) ?? periodAt(tokens, j + 1);
  if (period) return period.seconds >= PERIOD_SECONDS.y! ? 12 : period.seconds <= PERIOD_SECONDS.d! ? 1 / 30 : 1;
  if (isWord(tokens[j], 'yearly', 'annually') || isWord(tokens[j + 1], 'yearly', 'annually')) return 12;
  return 1;
}

function moneyEnd(tokens: Token[], j: number): number {
  const period = periodAt(tokens, j);
  if (period) return period.end;
  return isWord(tokens[j], 'monthly', 'yearly', 'annually') ? j + 1 : j;
}
