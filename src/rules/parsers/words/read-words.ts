import { UserError } from '../../../errors.ts';
import { RequirementsShape } from '../../requirements.ts';
import { describeIssue } from '../zod-issues.ts';
import { clauseText, splitClauses, type Clause } from './clauses.ts';
import { TypoRepair } from './fuzzy.ts';
import * as k from './keywords.ts';
import { compileLexicon, loadVocabulary, normalWord, UNRELATED, type Lexicon } from './lexicon.ts';
import { bareIntervalAt, joinFleet, newFleetParts, noteBareInterval, noteFleetPart, type FleetParts } from './fleet-rates.ts';
import { isDenied } from './negation.ts';
import { clauseWords, findPhrases, indexPhrases, type PhraseIndex } from './phrases.ts';
import { placeQuantity, type Around, type Placement } from './place-quantity.ts';
import { numberAt, readQuantity } from './quantities.ts';
import { findNines } from './read-nines.ts';
import { readName } from './read-name.ts';
import { findPlacedRegions, findRegionLists } from './read-regions.ts';
import { fold, tokenize, type Token } from './tokens.ts';
import { NUMBER_WORDS, PERIOD_SECONDS, PERIOD_WORDS, SCALES, SIZE_BYTES, TIME_MS } from './units.ts';

/** The longest description read at once (the core refuses longer messages before they get here). */
export const MAX_WORDS_LENGTH = 4000;

/** One requirement read from words: the field, its value, the words it came from, and a note (the bound a range took). */
export interface WordReading {
  field: string;
  value: unknown;
  words: string;
  note?: string;
  /** Where in the text it was said (a character offset), so readings list in the order they were said. */
  at: number;
}

/** Everything read from a description. */
export interface WordsRead {
  /** Only what the words state, in assess-input form; the name is apart, in `name`. */
  requirements: Record<string, unknown>;
  /** What was read, in the order it was said. */
  readings: WordReading[];
  /** Words that said something Quorum could not place, each with the reason. */
  skipped: string[];
  /** The system's name as the words give it ("a payments ledger" → "Payments ledger"). */
  name?: string;
}

/** Phrase fields whose words may sit inside a name ("Event-sourced wallet service", "Video streaming site"). */
const NAME_FIELDS = new Set(['domain', 'staticContent', 'search', 'geoQueries', 'eventSourcing', 'adHocQueries']);
const FILLER = new Set(['hi', 'hey', 'hello', 'quorum', 'thanks', 'thank', 'you', 'please', 'so', 'ok', 'okay', 'well', 'um', 'also', 'oh', 'and', 'yeah', 'cheers', 'folks', 'team', 'all', 'really', 'nothing', 'fancy', 'the', 'a', 'an', 'etc', 'stuff', 'thing', 'things', 'basically', 'just', 'yes', 'no']);

const CALLED = new Set(['calls', 'call', 'calling', 'via', 'integrates', 'integrate']);

let lexiconCache: { lexicon: Lexicon; index: PhraseIndex; typos: TypoRepair } | undefined;

function vocabulary(): { lexicon: Lexicon; index: PhraseIndex; typos: TypoRepair } {
  if (lexiconCache) return lexiconCache;
  const own = [
    ...Object.keys(TIME_MS), ...Object.keys(SCALES), ...Object.keys(PERIOD_WORDS), ...Object.keys(SIZE_BYTES), ...Object.keys(PERIOD_SECONDS), ...Object.keys(NUMBER_WORDS),
    ...[k.RPO_WORDS, k.RTO_WORDS, k.STALE_WORDS, k.RETAIN_WORDS, k.LATENCY_WORDS, k.READ_WORDS, k.WRITE_WORDS, k.READ_NOUNS, k.WRITE_NOUNS,
      k.PEAK_WORDS, k.NORMAL_WORDS, k.REGION_NOUNS, k.ZONE_NOUNS, k.REPLICA_NOUNS, k.DEPENDENCY_NOUNS, k.FAN_NOUNS, k.TENANT_NOUNS,
      ...k.LABELS.map(([words]) => words)].flatMap((s) => [...s]),
    'availability', 'consistency', 'consistent', 'ordering', 'requests', 'tenant', 'regions', 'latency', 'replication',
    'half', 'quarter', 'couple', 'dozen',
  ];
  const lexicon = compileLexicon(loadVocabulary(), own);
  lexiconCache = { lexicon, index: indexPhrases(lexicon), typos: new TypoRepair(lexicon.known, lexicon.stems) };
  return lexiconCache;
}

interface Draft {
  readings: WordReading[];
  skipped: string[];
  /** Tokens a reading used, with whether a name may contain them. */
  used: Map<Token, boolean>;
  rates: Array<{ side: 'readsPerSec' | 'writesPerSec'; kind: 'peak' | 'normal' | 'plain'; value: number; words: string; note?: string; at: number }>;
  lastRateSide?: 'readsPerSec' | 'writesPerSec';
  lastNounSide?: 'readsPerSec' | 'writesPerSec';
  /** The fleet and schedule of the sentence being read ("50k vehicles each report every 10 seconds"). */
  fleet: FleetParts;
  /** A ratio of reads to writes ("reads outnumber writes 100 to 1"): the larger side, the other, and the factor. */
  ratio?: { of: 'readsPerSec' | 'writesPerSec'; to: 'readsPerSec' | 'writesPerSec'; value: number; words: string; at: number };
}

/**
 * Reads the requirements a description in plain words states ("a payments ledger, about 3k writes a
 * second, four nines, p99 under 50 ms, not multi-tenant"). Linear in the text's length: one tokenising
 * pass, phrase lookups by first word, and bounded look-around for each number. Never throws for text
 * of an allowed length; longer text is a UserError (`too_long`).
 */
export function readWords(text: string): WordsRead {
  if (typeof text !== 'string') throw new UserError('bad_value', 'describe the requirements in words, for example "a payments ledger, 3k writes/s, four nines"');
  if (text.length > MAX_WORDS_LENGTH) {
    throw new UserError('too_long', `that description is too long (${text.length} characters); keep it under ${MAX_WORDS_LENGTH}`);
  }
  const { lexicon, index, typos } = vocabulary();
  const tokens = tokenize(fold(text));
  for (const t of tokens) if (t.kind === 'word') t.lower = typos.repair(normalWord(t.lower));
  const draft: Draft = { readings: [], skipped: [], used: new Map(), rates: [], fleet: newFleetParts() };

  const regionList = findRegionLists(tokens, lexicon);
  for (const list of regionList) {
    for (const t of tokens.slice(list.from, list.to)) draft.used.set(t, false);
  }
  const clauses = splitClauses(tokens);
  const firstRegions = regionList[0];
  if (firstRegions) {
    draft.readings.push({ field: 'regions', value: firstRegions.count, words: tokens.slice(firstRegions.from, firstRegions.to).map((t) => t.text).join(' '), at: tokens[firstRegions.from]!.start });
  }
  if (!firstRegions) readPlacedRegions(tokens, lexicon, draft);
  for (const clause of clauses) {
    readClause(clause, draft, index);
    if (clause.endsSentence) settleFleet(draft);
  }
  settleRates(draft);
  settleRatio(draft);
  readImpliedStaleness(tokens, draft);

  const result: WordsRead = { requirements: {}, readings: [], skipped: draft.skipped };
  for (const reading of [...draft.readings].sort((a, b) => a.at - b.at)) accept(reading, result);
  const name = readName(clauses, (t) => draft.used.get(t) === false);
  if (name) result.name = name;
  return result;
}

/** How many requirement fields (besides the name) a text states; 0 for a question that states none. */
export function statedFieldCount(text: string): number {
  try {
    return readWords(text).readings.length;
  } catch {
    return 0;
  }
}

function accept(reading: WordReading, result: WordsRead): void {
  const earlier = result.readings.find((r) => r.field === reading.field);
  if (earlier) {
    if (JSON.stringify(earlier.value) !== JSON.stringify(reading.value)) {
      result.skipped.push(`"${reading.words}" (${reading.field} was already read from "${earlier.words}")`);
    }
    return;
  }
  const shape = (RequirementsShape.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } }>)[reading.field];
  if (!shape) {
    result.skipped.push(`"${reading.words}" (${reading.field} is not a field Quorum assesses yet)`);
    return;
  }
  const checked = shape.safeParse(typeof reading.value === 'number' ? tidy(reading.value) : reading.value);
  if (!checked.success) {
    const issue = checked.error?.issues[0] as Parameters<typeof describeIssue>[0] | undefined;
    result.skipped.push(`"${reading.words}" (${issue ? describeIssue(issue, reading.field) : `${reading.field} is not valid`})`);
    return;
  }
  result.readings.push({ ...reading, value: checked.data });
  result.requirements[reading.field] = checked.data;
}

function readClause(clause: Clause, draft: Draft, index: PhraseIndex): void {
  const before = draft.readings.length + draft.rates.length;
  const ratioBefore = draft.ratio;
  const fleetPartsBefore = draft.fleet.fleets.length + draft.fleet.intervals.length;
  const spokenFor = clause.tokens.some((t) => draft.used.has(t));
  const skippedBefore = draft.skipped.length;
  const at = (i: number): number => clause.tokens[i]!.start;
  const words = clauseWords(clause);
  const shown = clauseText(clause);
  const mark = (from: number, to: number, nameable: boolean): void => {
    for (const t of clause.tokens.slice(from, to)) if (!draft.used.has(t)) draft.used.set(t, nameable);
  };
  const free = (i: number): boolean => !draft.used.has(clause.tokens[i]!);

  for (const nines of findNines(clause)) {
    if (!free(nines.from)) continue;
    const node = words.includes('node');
    draft.readings.push({ field: node ? 'nodeAvailability' : 'availability', value: nines.value, words: clauseText(clause, nines.from, nines.to), at: at(nines.from) });
    mark(nines.from, nines.to, false);
  }
  readZeroLoss(clause, words, draft, mark);

  for (const match of findPhrases(words, index)) {
    const from = clause.words[match.from]!;
    const to = clause.words[match.to - 1]! + 1;
    if (!clause.tokens.slice(from, to).every((t) => !draft.used.has(t))) continue;
    const { field, value } = match.phrase;
    if (field === UNRELATED) {
      mark(from, to, true);
      continue;
    }
    const denied = isDenied(words, match.from, match.to);
    // "calls payment, inventory and shipping": a domain named as something the system calls is not its own.
    if (field === 'domain' && CALLED.has(words[match.from - 1] ?? '')) continue;
    // "through restaurant, payment and courier services": a domain named as one of several services is not its own.
    if (field === 'domain' && oneOfServices(words, match.from, match.to)) continue;
    // "three replicas per key": a "per" phrase after a count spreads the count; it says nothing of order.
    if (field === 'ordering' && words[match.from] === 'per' && words.slice(Math.max(0, match.from - 3), match.from).some((w) => w === '#' || NUMBER_WORDS[w] !== undefined)) continue;
    const said = clauseText(clause, from, to);
    mark(from, to, !denied && NAME_FIELDS.has(field));
    if (!denied) draft.readings.push({ field, value, words: said, at: at(from) });
    else if (typeof value === 'boolean') draft.readings.push({ field, value: !value, words: shown, at: at(from) });
    else if (field === 'ordering') draft.readings.push({ field, value: 'none', words: shown, at: at(from) });
    else draft.skipped.push(`"${shown}" (says what it is not, so ${field} is left open)`);
  }

  for (let i = 0; i < clause.tokens.length; ) {
    if (!free(i) || numberAt(clause.tokens, i) === undefined) {
      if (free(i) && free(i + 1) && bareIntervalAt(clause.tokens, i)) {
        noteBareInterval(draft.fleet, clause.tokens, i, around(clause, i, i, undefined).before);
        mark(i, i + 2, false);
        i += 2;
      } else i++;
      continue;
    }
    const q = readQuantity(clause.tokens, i);
    if (!q) {
      i++;
      continue;
    }
    const said = clauseText(clause, q.from, q.to);
    const near = { ...around(clause, q.from, q.to, draft.lastRateSide), ...(draft.lastNounSide && { lastNounSide: draft.lastNounSide }) };
    const placed: Placement = q.perMember ? { skip: 'a rate for each member; say how many there are' } : placeQuantity(q, near);
    mark(q.from, q.to, false);
    // A number said as a word is listed only when it was meant as an amount (a rate for each member).
    const quiet = q.wordNumber && !q.perMember;
    record(placed, said, draft, quiet, at(q.from));
    if ('ratio' in placed) draft.ratio = { ...placed.ratio, words: said, at: at(q.from) };
    else if ('skip' in placed) noteFleetPart(draft.fleet, q, near, clause.tokens, said, at(q.from), quiet ? undefined : skipNote(said, placed.skip));
    i = Math.max(q.to, i + 1);
  }

  for (const w of words) {
    if (k.WRITE_NOUNS.has(w)) draft.lastNounSide = 'writesPerSec';
    else if (k.READ_NOUNS.has(w)) draft.lastNounSide = 'readsPerSec';
  }
  const readSomething = spokenFor || draft.readings.length + draft.rates.length > before || draft.ratio !== ratioBefore || draft.fleet.fleets.length + draft.fleet.intervals.length > fleetPartsBefore;
  if (!readSomething && draft.skipped.length === skippedBefore && words.some((w) => w !== '#' && !FILLER.has(w))) {
    if (!draft.skipped.some((s) => s.includes(shown))) draft.skipped.push(`"${shown}"`);
  }
}

const skipNote = (said: string, reason: string): string => `"${said}" (${reason})`;

/** True when the words `from`..`to` are one of a list of services ("payment and courier services", "auth or billing services"). */
function oneOfServices(words: string[], from: number, to: number): boolean {
  const after = words.slice(to, to + 4);
  if (['and', 'or'].includes(after[0] ?? '') && after.slice(1).some((w) => w === 'services' || w === 'apis')) return true;
  return (after[0] === 'services' || after[0] === 'apis') && ['and', 'or'].includes(words[from - 1] ?? '');
}

/** "reads outnumber writes 100 to 1, 5k writes/s": the side the words leave out is the other side times the ratio. */
function settleRatio(draft: Draft): void {
  const ratio = draft.ratio;
  if (!ratio) return;
  const of = draft.readings.find((r) => r.field === ratio.of);
  const to = draft.readings.find((r) => r.field === ratio.to);
  if (of && to) return;
  if (!of && !to) {
    draft.skipped.push(`"${ratio.words}" (a ratio of reads to writes; say one of the rates too)`);
    return;
  }
  const known = (of ?? to)!;
  const value = of ? (of.value as number) / ratio.value : (to!.value as number) * ratio.value;
  const field = of ? ratio.to : ratio.of;
  draft.readings.push({ field, value: tidy(value), words: ratio.words, at: ratio.at, note: `${known.field} ${of ? '÷' : '×'} ${ratio.value}` });
}

/** Joins the sentence's fleet and schedule into a rate ("50k vehicles each report every 10 seconds" → 5,000/s). */
function settleFleet(draft: Draft): void {
  const rate = joinFleet(draft.fleet);
  if (!rate) return;
  draft.skipped = draft.skipped.filter((s) => !rate.taken.includes(s));
  draft.rates.push({ side: rate.side, kind: rate.kind, value: rate.value, words: rate.words, at: rate.at, note: rate.note });
  draft.lastRateSide = rate.side;
}

/**
 * Regions named apart, not in a list: "primaries in US East with replicas in US West" runs in two. Only
 * names the system is placed in ("in …", "to …") count, and only two or more distinct ones.
 */
function readPlacedRegions(tokens: Token[], lexicon: Lexicon, draft: Draft): void {
  const placed = findPlacedRegions(tokens, lexicon);
  if (!placed) return;
  for (const span of placed.spans) for (const t of tokens.slice(span.from, span.to)) draft.used.set(t, false);
  const first = placed.spans[0]!;
  draft.readings.push({ field: 'regions', value: placed.count, words: placed.spans.map((s) => tokens.slice(s.from, s.to).map((t) => t.text).join(' ')).join(', '), at: tokens[first.from]!.start });
}

/**
 * "We don't need strong consistency, stale reads up to 30 seconds are fine": a staleness bound said where
 * the words talk about consistency names the consistency too. Said alone ("dashboards can be 5 minutes
 * stale") it is only the bound (interface: bounded staleness sets consistency only when named).
 */
function readImpliedStaleness(tokens: Token[], draft: Draft): void {
  const bound = draft.readings.find((r) => r.field === 'stalenessBoundSec');
  if (!bound || draft.readings.some((r) => r.field === 'consistency')) return;
  if (!tokens.some((t) => t.kind === 'word' && (t.lower === 'consistency' || t.lower === 'consistent'))) return;
  draft.readings.push({ field: 'consistency', value: 'bounded-staleness', words: bound.words, at: bound.at, note: 'a staleness bound where consistency is discussed' });
}

function record(placed: Placement, said: string, draft: Draft, wordNumber: boolean, at: number): void {
  if ('ratio' in placed) return;
  if ('skip' in placed) {
    if (!wordNumber) draft.skipped.push(skipNote(said, placed.skip));
    return;
  }
  if (placed.rate) {
    draft.rates.push({ ...placed.rate, value: placed.value as number, words: said, at, ...(placed.note && { note: placed.note }) });
    draft.lastRateSide = placed.rate.side;
    return;
  }
  draft.readings.push({ field: placed.field, value: placed.value, words: said, at, ...(placed.note && { note: placed.note }) });
}

/** What a team says it must never lose ("never lose an acknowledged write"): each means an RPO of 0. */
const LOST_THINGS = new Set(['data', 'write', 'writes', 'acknowledged', 'committed', 'message', 'messages', 'event', 'events', 'record', 'records', 'transaction', 'transactions', 'order', 'orders', 'payment', 'payments']);

/** "zero data loss", "no data loss", "RPO zero", "never lose a committed write": an RPO of 0 s. */
function readZeroLoss(clause: Clause, words: string[], draft: Draft, mark: (from: number, to: number, nameable: boolean) => void): void {
  for (let i = 0; i < words.length; i++) {
    const zeroLoss = words[i] === 'data' && words[i + 1] === 'loss' && ['zero', 'no', 'without', '#'].includes(words[i - 1] ?? '');
    // "RPO zero", "RPO of zero", "an RPO is zero", "zero RPO".
    const zeroAfter = ['zero', 'none', 'nil'].includes(words[i + 1] ?? '') || (['of', 'is', 'be', 'at', 'to'].includes(words[i + 1] ?? '') && ['zero', 'none', 'nil'].includes(words[i + 2] ?? ''));
    const rpoZero = words[i] === 'rpo' && (zeroAfter || ['zero', 'no'].includes(words[i - 1] ?? ''));
    const neverLose = ['never', 'cannot', 'cant', 'mustnt'].includes(words[i] ?? '') && (words[i + 1] === 'lose' || words[i + 2] === 'lose') && words.slice(i + 1, i + 6).some((w) => LOST_THINGS.has(w));
    if (!zeroLoss && !rpoZero && !neverLose) continue;
    if (zeroLoss && words[i - 1] === '#' && clause.tokens[clause.words[i - 1]!]!.value !== 0) continue;
    const from = clause.words[zeroLoss ? i - 1 : rpoZero && words[i - 1] !== undefined && ['zero', 'no'].includes(words[i - 1]!) ? i - 1 : i]!;
    const to = clause.words[Math.min(words.length - 1, rpoZero && !['zero', 'none', 'nil'].includes(words[i + 1] ?? '') && zeroAfter ? i + 2 : i + 1)]! + 1;
    draft.readings.push({ field: 'rpoSec', value: 0, words: clauseText(clause, from, to), at: clause.tokens[from]!.start });
    mark(from, to, false);
    return;
  }
}

// Every quantity of a clause looks at the clause's words: computed once per clause, not once per
// quantity (that was quadratic: 250 ms for a 4,000-character run of ".5").
const clauseWordCache = new WeakMap<Clause, string[]>();
function wordsOf(clause: Clause): string[] {
  let words = clauseWordCache.get(clause);
  if (!words) clauseWordCache.set(clause, (words = clauseWords(clause)));
  return words;
}

function around(clause: Clause, from: number, to: number, lastRateSide: Around['lastRateSide']): Around {
  const before: string[] = [];
  for (let i = from - 1; i >= 0 && before.length < 8; i--) {
    const t = clause.tokens[i]!;
    if (t.kind === 'number') break;
    before.push(t.kind === 'word' ? t.lower : t.text);
  }
  const after: string[] = [];
  for (let i = to; i < clause.tokens.length && after.length < 6; i++) {
    const t = clause.tokens[i]!;
    if (t.kind === 'number') break;
    if (t.kind === 'word') after.push(t.lower);
  }
  const words = wordsOf(clause);
  return { before: before.filter((w) => w !== '-' && w !== ':' && w !== '~' && w !== '='), after, clause: words, ...(lastRateSide && { lastRateSide }) };
}

/** A rate said as a normal-day rate and a peak becomes the rate with a peak factor; a rate said only as a peak is the rate. */
function settleRates(draft: Draft): void {
  for (const side of ['writesPerSec', 'readsPerSec'] as const) {
    const said = draft.rates.filter((r) => r.side === side);
    const normal = said.find((r) => r.kind === 'normal') ?? said.find((r) => r.kind === 'plain');
    const peak = said.find((r) => r.kind === 'peak');
    const base = normal ?? peak;
    if (!base) continue;
    draft.readings.push({ field: side, value: tidy(base.value), words: base.words, at: base.at, ...(base.note && { note: base.note }) });
    if (normal && peak && peak.value > normal.value && !draft.readings.some((r) => r.field === 'peakFactor')) {
      draft.readings.push({ field: 'peakFactor', value: tidy(peak.value / normal.value), words: `${peak.words} at peak, ${normal.words} normally`, at: peak.at });
    }
    for (const other of said) {
      if (other !== normal && other !== peak) draft.skipped.push(`"${other.words}" (${side} was already read from "${base.words}")`);
    }
  }
}

function tidy(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}
