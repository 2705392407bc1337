import { parseFieldValue } from '../field-kinds.ts';
import type { RequirementField } from '../requirements.ts';
import { parseAvailability } from './availability.ts';
import { parseDuration } from './duration.ts';
import { matchEnum } from './enums.ts';
import { parseMoney } from './money.ts';
import { NUMBER_PATTERN } from './number.ts';
import { parseCount, parseFactor, parseRate } from './quantity.ts';
import { parseRegions } from './regions.ts';
import { parseSizeGb } from './size.ts';

/** One field read from a clause of free text. */
export interface Reading {
  field: RequirementField;
  value: unknown;
}

/** Reads the fields one clause of free text states, or returns undefined when it says nothing it knows. */
export type ClauseReader = (clause: string, original: string) => Reading[] | undefined;

// A number not glued to a letter or dot before it, so "p99" is not 99.
const NUM = `(?<![\\w.])(?:${NUMBER_PATTERN})`;
const SCALED = `${NUM}(?: ?(?:k|m|b|thousand|million|billion)\\b)?`;
const COUNT = `(?:${NUM}|one|two|three|four|five|six|seven|eight|nine|ten|single)`;
const TIME_UNIT = '(?:ms|msecs?|millis|milliseconds?|us|µs|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)';

const ALIASES: Array<[string, RequirementField]> = [
  ['(?:name|called|named)', 'name'],
  ['domain', 'domain'],
  ['consistency', 'consistency'],
  ['(?:staleness(?: bound)?|max staleness|stalenessboundsec)', 'stalenessBoundSec'],
  ['(?:reads?|read rate|readspersec)', 'readsPerSec'],
  ['(?:writes?|write rate|writespersec)', 'writesPerSec'],
  ['(?:peak(?: factor)?|burst|peakfactor)', 'peakFactor'],
  ['(?:data(?: size)?|storage|datasizegb)', 'dataSizeGb'],
  ['(?:availability|uptime|sla|availability target)', 'availability'],
  ['(?:node availability|nodeavailability)', 'nodeAvailability'],
  ['(?:replicas|replication factor|rf)', 'replicas'],
  ['(?:read latency|readlatencyms)', 'readLatencyMs'],
  ['(?:write latency|writelatencyms)', 'writeLatencyMs'],
  ['regions?', 'regions'],
  ['(?:rpo|rposec)', 'rpoSec'],
  ['(?:rto|rtosec)', 'rtoSec'],
  ['(?:budget|budgetusdpermonth|monthly budget)', 'budgetUsdPerMonth'],
  ['ordering', 'ordering'],
  ['(?:query shapes|queryshapes)', 'queryShapes'],
];

const FLAGS: Array<[RegExp, RequirementField]> = [
  [/\bexactly[- ]once\b|\bidempoten/, 'exactlyOnce'],
  [/\baudit(?:ing|able|[- ]trail|[- ]log)?\b/, 'auditTrail'],
  [/\bevent[- ]sourc(?:ing|ed)\b/, 'eventSourcing'],
  [/\b(?:cross[- ]service|distributed) transactions?\b|\btransactions? (?:across|spanning) services\b/, 'crossServiceTransaction'],
  [/\b(?:publish(?:es)?|emits?|sends?|produces?) events\b|\bevent[- ]driven\b/, 'publishesEvents'],
  [/\bmulti[- ]?tenan(?:t|cy)\b|\btenants\b|\bsingle[- ]tenant\b/, 'multiTenant'],
  [/\bhigh contention\b|\bhot (?:keys?|items?|rows?|spots?)\b|\bcontended\b|\bflash sales?\b/, 'highContention'],
  [/\b(?:progressive|gradual|staged) (?:rollouts?|delivery|deploy(?:ment)?s?)\b|\bcanary\b|\bshadow traffic\b/, 'progressiveRollout'],
  [/\b(?:unreliable|flaky|slow|third[- ]party|external) (?:dependencies|deps|services|apis?)\b/, 'unreliableDependencies'],
];
const NEGATION = /^(?:no|not|without|non|never|don'?t need|doesn'?t need|no need for)\b/;

function one(field: RequirementField, value: unknown): Reading[] {
  return [{ field, value }];
}

const explicitField: ClauseReader = (clause, original) => {
  for (const [alias, field] of ALIASES) {
    const match = new RegExp(`^${alias}\\s*(?:[:=]\\s*|\\b(?:is|of|at|to)\\b\\s*|\\s)(.+)$`).exec(clause);
    // The name keeps the case it was typed in; every other value is read in lower case.
    const value = field === 'name' && match?.[1] ? original.slice(original.length - match[1].length) : match?.[1];
    if (value) return one(field, parseFieldValue(field, value));
  }
  return undefined;
};

const zeroDataLoss: ClauseReader = (clause) => (/\b(?:zero|no) data loss\b/.test(clause) ? one('rpoSec', 0) : undefined);

const availability: ClauseReader = (clause) => {
  const nines = /((?:\d(?:\.5)?|one|two|three|four|five|six|seven|eight|nine)(?: and a half)? (?:nines|9s))\b/.exec(clause);
  const percent = new RegExp(`(${NUM}\\s*%)`).exec(clause);
  const text = nines?.[1] ?? percent?.[1];
  if (text === undefined) return undefined;
  return one(/\bnode\b/.test(clause) ? 'nodeAvailability' : 'availability', parseAvailability(text));
};

const latency: ClauseReader = (clause) => {
  if (!/\b(?:p\d{2,4}|latency|reads?|writes?|respon\w*|under|below)\b/.test(clause)) return undefined;
  const match = new RegExp(`(${NUM}\\s*${TIME_UNIT})\\b`).exec(clause);
  if (!match?.[1]) return undefined;
  const field = /\bwrites?\b/.test(clause) && !/\breads?\b/.test(clause) ? 'writeLatencyMs' : 'readLatencyMs';
  return one(field, parseDuration(match[1], 'ms', field));
};

const rate: ClauseReader = (clause) => {
  const match = new RegExp(
    `(${SCALED})\\s*(reads?|writes?|qps|wps|rps|tps|queries|lookups|inserts|updates|transactions|txns?|orders|events|messages)\\b((?:\\s*\\/\\s*|\\s+per\\s+|\\s+an?\\s+)\\w+)?`,
  ).exec(clause);
  if (!match?.[1] || !match[2]) return undefined;
  const field = /^(?:reads?|qps|rps|queries|lookups)$/.test(match[2]) ? 'readsPerSec' : 'writesPerSec';
  return one(field, parseRate(`${match[1]}${match[3] ?? ''}`, field));
};

const size: ClauseReader = (clause) => {
  const match = new RegExp(`(${NUM}\\s*(?:kb|mb|gb|tb|pb|eb|kib|mib|gib|tib|pib|gigabytes?|terabytes?|petabytes?))\\b`).exec(clause);
  return match?.[1] ? one('dataSizeGb', parseSizeGb(match[1], 'dataSizeGb')) : undefined;
};

const peak: ClauseReader = (clause) => {
  if (!/\b(?:peaks?|bursts?|spikes?|surges?)\b/.test(clause)) return undefined;
  const match = new RegExp(`(${NUM})\\s*(?:x|times)\\b|\\bx\\s*(${NUM})`).exec(clause);
  const text = match?.[1] ?? match?.[2];
  return text ? one('peakFactor', parseFactor(text, 'peakFactor')) : undefined;
};

const regions: ClauseReader = (clause) => {
  const counted = new RegExp(`(${COUNT})\\s*regions?\\b`).exec(clause);
  if (counted?.[1]) return one('regions', parseRegions(counted[1], 'regions'));
  // Names hold their spaces and separators hold none, so each character has one reading: linear time.
  // (Spaces that `\s*` around the separators could also take made "eu + eu + … +" exponential.)
  const listed = /^(?:(?:in|across|over|between|regions?:?) ?)?([a-z0-9 -]+(?:[+&/][a-z0-9 -]+)+)$/.exec(clause);
  return listed?.[1] ? one('regions', parseRegions(listed[1], 'regions')) : undefined;
};

const counts: ClauseReader = (clause) => {
  const replicas = new RegExp(`(${COUNT})\\s*(?:replicas|copies)\\b`).exec(clause);
  if (replicas?.[1]) return one('replicas', parseCount(replicas[1], 'replicas'));
  const shapes = new RegExp(`(${COUNT})\\s*(?:distinct |different )?query (?:shapes|patterns|types)\\b`).exec(clause);
  return shapes?.[1] ? one('queryShapes', parseCount(shapes[1], 'queryShapes')) : undefined;
};

const budget: ClauseReader = (clause) => {
  const match = new RegExp(
    `((?:\\$\\s*${SCALED}|${SCALED}\\s*(?:usd|dollars))(?:\\s*\\/\\s*|\\s+(?:per|an?)\\s+)?(?:month|mo|year|yr)?)`,
  ).exec(clause);
  return match?.[1] ? one('budgetUsdPerMonth', parseMoney(match[1].trim(), 'budgetUsdPerMonth')) : undefined;
};

const ordering: ClauseReader = (clause) => {
  if (!/\border(?:ing|ed)?\b|\bfifo\b/.test(clause)) return undefined;
  const rest = clause.replace(/\b(?:order(?:ing|ed)?|events?|messages?|in|is|of|needed|required|strict)\b/g, ' ').trim();
  const value = matchEnum('ordering', rest === '' ? 'total' : rest);
  return value ? one('ordering', value) : undefined;
};

const consistency: ClauseReader = (clause) => {
  const bound = new RegExp(`(?:\\s+(?:of|under|below|within|<|<=|up to|at most))?\\s*(${NUM}\\s*${TIME_UNIT})\\b`).exec(clause);
  const rest = clause
    .replace(bound?.[0] ?? '', ' ')
    .replace(/\b(?:consistency|consistent|reads?|model|needed|required)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const value = matchEnum('consistency', rest) ?? matchEnum('consistency', clause);
  if (!value) return undefined;
  return bound?.[1] && value === 'bounded-staleness'
    ? [{ field: 'consistency', value }, { field: 'stalenessBoundSec', value: parseDuration(bound[1], 's') }]
    : one('consistency', value);
};

const flags: ClauseReader = (clause) => {
  const found = FLAGS.filter(([pattern]) => pattern.test(clause));
  if (found.length === 0) return undefined;
  const negative = NEGATION.test(clause) || /\bsingle[- ]tenant\b/.test(clause);
  return found.map(([, field]) => ({ field, value: !negative }));
};

const wholeDomain: ClauseReader = (clause) => {
  const value = matchEnum('domain', clause.replace(/\b(?:domain|app|system|platform|service)\b/g, '').trim());
  return value ? one('domain', value) : undefined;
};

const named: ClauseReader = (clause, original) => {
  const match = /^(?:called|named)\s+(.+)$/.exec(clause);
  return match?.[1] ? one('name', original.slice(original.length - match[1].length)) : undefined;
};

const domainWord: ClauseReader = (clause) => {
  for (const word of clause.split(/[^a-z-]+/)) {
    const value = word.length > 2 ? matchEnum('domain', word) : undefined;
    if (value && value !== 'general') return one('domain', value);
  }
  return undefined;
};

/** Clause readers, most specific first; the first that reads something wins the clause. */
export const clauseReaders: readonly ClauseReader[] = [
  explicitField, zeroDataLoss, availability, latency, rate, size, peak, regions, counts, budget, ordering,
  consistency, flags, wholeDomain, named, domainWord,
];
