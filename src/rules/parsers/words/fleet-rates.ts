import type { Around } from './place-quantity.ts';
import * as k from './keywords.ts';
import { periodAt, type Quantity } from './quantities.ts';
import type { Token } from './tokens.ts';
import { PERIOD_SECONDS } from './units.ts';

/**
 * A rate said as a fleet and a schedule: "50k vehicles each report every 10 seconds" is 50,000 / 10 s =
 * 5,000/s; "2M phones check in every minute"; "2 million meters, one reading every 15 minutes each". The
 * parts are collected over one sentence and joined when it ends.
 */
export interface FleetParts {
  /** Counts of things that could report ("50k vehicles"), with whether a peak word stood beside them. */
  fleets: Array<{ value: number; words: string; at: number; peak: boolean; skipped?: string }>;
  /** Schedules ("every 10 seconds", "every minute"), with how many each thing sends each time and which side it is. */
  intervals: Array<{ seconds: number; count: number; words: string; side: 'readsPerSec' | 'writesPerSec'; skipped?: string }>;
  /** How many things each member sends per interval, said just before "every" ("one reading every 15 minutes"). */
  pendingCount?: number;
}

/** The smallest count read as a fleet: a few things on a schedule ("3 teams deploy every week") are no load. */
const SMALLEST_FLEET = 100;
/** Verbs that make a scheduled call a read ("clients poll every 5 s"); any other schedule is a report, a write. */
const POLL_VERBS = new Set(['poll', 'polls', 'fetch', 'fetches', 'refresh', 'refreshes', 'pull', 'pulls', 'read', 'reads', 'query', 'queries', 'load', 'loads', 'open', 'opens', 'view', 'views', 'visit', 'visits', 'browse', 'browses']);
const EVERY = new Set(['every', 'each']);

export function newFleetParts(): FleetParts {
  return { fleets: [], intervals: [] };
}

const sideOf = (before: string[]): 'readsPerSec' | 'writesPerSec' => (before.slice(0, 5).some((w) => POLL_VERBS.has(w)) ? 'readsPerSec' : 'writesPerSec');

/**
 * Notes a quantity that may be part of a fleet rate: a schedule ("every 10 seconds"), a count sent each
 * time ("one reading every …") or a fleet ("50k vehicles"). `skipped` is the note the reader gave it, taken
 * back when the parts make a rate.
 */
export function noteFleetPart(parts: FleetParts, q: Quantity, around: Around, tokens: Token[], said: string, at: number, skipped: string | undefined): void {
  if (q.unit === 'time' && EVERY.has(around.before[0] ?? '') && q.low === undefined) {
    const seconds = (q.value * q.per) / 1000;
    if (seconds > 0) parts.intervals.push({ seconds, count: parts.pendingCount ?? 1, words: `every ${said}`, side: sideOf(around.before.slice(1)), ...(skipped && { skipped }) });
    parts.pendingCount = undefined;
    return;
  }
  // "30k turbines, one sample per second each": a rate per member of the fleet.
  if (q.unit === 'rate' && q.perMember) {
    parts.intervals.push({ seconds: q.per, count: q.value, words: said, side: q.side === 'reads' ? 'readsPerSec' : q.side === 'writes' ? 'writesPerSec' : sideOf(around.before), ...(skipped && { skipped }) });
    return;
  }
  // "each user opens the app 10 times a day": a count of times per period, per member of the fleet.
  const period = q.unit === 'times' ? periodAt(tokens, q.to) : undefined;
  if (period) {
    parts.intervals.push({ seconds: period.seconds, count: q.value, words: `${said} ${tokens.slice(q.to, period.end).map((t) => t.text).join(' ')}`, side: sideOf(around.before), ...(skipped && { skipped }) });
    return;
  }
  if (q.unit !== 'noun' || skipped === undefined && !q.wordNumber) return;
  // "2 million meters, one reading every 15 minutes": a count before "every" that is smaller than a fleet
  // already named is what each member sends; otherwise it is the fleet ("50k devices report every 10 s").
  const beforeEvery = tokens[q.to]?.kind === 'word' && tokens[q.to]!.lower === 'every';
  if (beforeEvery && parts.fleets.some((f) => f.value > q.value)) {
    parts.pendingCount = q.value;
    return;
  }
  if (q.value >= SMALLEST_FLEET && Number.isInteger(q.value)) {
    const peak = [...around.before.slice(0, 4), ...around.after.slice(0, 4)].some((w) => k.PEAK_WORDS.has(w));
    parts.fleets.push({ value: q.value, words: said, at, peak, ...(skipped && { skipped }) });
  }
}

/** True when token `i` opens a schedule said without a number: "every minute", "each hour". */
export function bareIntervalAt(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const unit = tokens[i + 1];
  return t.kind === 'word' && EVERY.has(t.lower) && unit?.kind === 'word' && PERIOD_SECONDS[unit.lower] !== undefined;
}

/** Notes the schedule at token `i` (see `bareIntervalAt`); `before` is the words before it, nearest first. */
export function noteBareInterval(parts: FleetParts, tokens: Token[], i: number, before: string[]): void {
  const t = tokens[i]!;
  const unit = tokens[i + 1]!;
  parts.intervals.push({ seconds: PERIOD_SECONDS[unit.lower]!, count: parts.pendingCount ?? 1, words: `${t.text} ${unit.text}`, side: sideOf(before) });
  parts.pendingCount = undefined;
}

/** The rate a sentence's fleet and schedule make, or undefined; the parts are cleared for the next sentence. */
export function joinFleet(parts: FleetParts): { side: 'readsPerSec' | 'writesPerSec'; kind: 'peak' | 'plain'; value: number; words: string; at: number; note: string; taken: string[] } | undefined {
  const interval = parts.intervals[0];
  const fleet = parts.fleets.reduce<FleetParts['fleets'][number] | undefined>((a, b) => (a === undefined || b.value > a.value ? b : a), undefined);
  parts.fleets = [];
  parts.intervals = [];
  parts.pendingCount = undefined;
  if (!interval || !fleet) return undefined;
  const value = (fleet.value * interval.count) / interval.seconds;
  const each = interval.count === 1 ? '' : ` × ${interval.count}`;
  return {
    side: interval.side,
    kind: fleet.peak ? 'peak' : 'plain',
    value,
    words: `${fleet.words} … ${interval.words}`,
    at: fleet.at,
    note: `${fleet.value.toLocaleString('en-US')}${each} every ${interval.seconds.toLocaleString('en-US')} s`,
    taken: [fleet.skipped, interval.skipped].filter((s): s is string => s !== undefined),
  };
}
