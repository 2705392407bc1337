import * as k from './keywords.ts';
import type { Quantity } from './quantities.ts';

/** Where a quantity was placed: a field and value (with a note such as the bound a range took), or why it was left. */
export type Placement =
  | { field: string; value: number | boolean; note?: string; rate?: { side: 'readsPerSec' | 'writesPerSec'; kind: 'peak' | 'normal' | 'plain' } }
  | { ratio: { of: 'readsPerSec' | 'writesPerSec'; to: 'readsPerSec' | 'writesPerSec'; value: number } }
  | { skip: string };

/** The words around a quantity in its clause: nearest first, up to the next number either way. */
export interface Around {
  before: string[];
  after: string[];
  /** Every word of the clause. */
  clause: string[];
  /** The side of the last rate read earlier in the text, for "spikes to 40k/s". */
  lastRateSide?: 'readsPerSec' | 'writesPerSec';
  /** The side of the last counted thing named earlier ("smart meter readings, 40M per day"). */
  lastNounSide?: 'readsPerSec' | 'writesPerSec';
}

const nearest = (words: string[], wanted: ReadonlySet<string>, reach: number): number => {
  const i = words.slice(0, reach).findIndex((w) => wanted.has(w));
  return i === -1 ? Infinity : i;
};
const has = (words: string[], wanted: ReadonlySet<string>, reach = words.length): boolean => nearest(words, wanted, reach) !== Infinity;
const rangeNote = (q: Quantity, shown: (n: number) => string): string | undefined =>
  q.low === undefined ? undefined : `took the upper bound of ${shown(q.low)}–${shown(q.value)}`;
const plain = (n: number): string => Number(n.toPrecision(6)).toLocaleString('en-US');

/** Places one quantity on the field its unit and the words around it name; a number is never given to another field. */
export function placeQuantity(q: Quantity, around: Around): Placement {
  switch (q.unit) {
    case 'percent':
      return placeFraction(q.value / 100, around);
    case 'time':
      return placeTime(q, around);
    case 'size':
      return placeSize(q, around);
    case 'money':
      return { field: 'budgetUsdPerMonth', value: q.value / q.per, ...note(rangeNote(q, (n) => `$${plain(n)}`)) };
    case 'otherMoney':
      return { skip: 'a budget in another currency (give it in US dollars)' };
    case 'times':
      return placeTimes(q, around);
    case 'rate':
      return placeRate(q, around);
    case 'noun':
      return placeCount(q, around);
    case 'none':
      return placeBare(q, around);
    case 'ratio':
      return placeRatio(q, around);
  }
}

/** "reads outnumber writes 100 to 1", "read:write 10:1": the side named first is the larger. */
function placeRatio(q: Quantity, around: Around): Placement {
  const read = around.clause.findIndex((w) => k.READ_WORDS.has(w) || k.READ_NOUNS.has(w));
  const write = around.clause.findIndex((w) => k.WRITE_WORDS.has(w) || k.WRITE_NOUNS.has(w));
  if (read === -1 || write === -1) return { skip: 'a ratio, but not of reads to writes' };
  return read < write ? { ratio: { of: 'readsPerSec', to: 'writesPerSec', value: q.value } } : { ratio: { of: 'writesPerSec', to: 'readsPerSec', value: q.value } };
}

function note(text: string | undefined): { note?: string } {
  return text === undefined ? {} : { note: text };
}

function placeFraction(fraction: number, around: Around): Placement {
  if (has(around.before, k.NOT_AVAILABILITY, 3) || has(around.after, k.NOT_AVAILABILITY, 4)) return { skip: 'a percentage that is not an availability' };
  if (!(fraction > 0 && fraction < 1)) return { skip: 'an availability must be between 0 and 100 %' };
  // "canaries to 1% of hosts": a small share that no availability word names is a share of something, not a target.
  if (fraction < 0.9 && !has(around.before, k.AVAILABILITY_WORDS, 4) && !has(around.after, k.AVAILABILITY_WORDS, 3)) return { skip: 'a share of something, not an availability' };
  const node = around.before.slice(0, 3).includes('node') || around.after.slice(0, 2).includes('node');
  return { field: node ? 'nodeAvailability' : 'availability', value: fraction };
}

type TimeField = 'rpoSec' | 'rtoSec' | 'stalenessBoundSec' | 'retentionDays' | 'latency';
const TIME_KEYWORDS: Array<[ReadonlySet<string>, TimeField]> = [
  [k.RPO_WORDS, 'rpoSec'],
  [k.RTO_WORDS, 'rtoSec'],
  [k.STALE_WORDS, 'stalenessBoundSec'],
  [k.RETAIN_WORDS, 'retentionDays'],
  [k.LATENCY_WORDS, 'latency'],
];

function timeFieldOf(around: Around): TimeField | undefined {
  let best: { field: TimeField; distance: number } | undefined;
  for (const [words, field] of TIME_KEYWORDS) {
    const distance = Math.min(nearest(around.before, words, 6), nearest(around.after, words, 4) + 0.5);
    if (distance !== Infinity && (best === undefined || distance < best.distance)) best = { field, distance };
  }
  const percentile = Math.min(
    around.before.slice(0, 6).findIndex(k.isPercentile) === -1 ? Infinity : around.before.slice(0, 6).findIndex(k.isPercentile),
    around.after.slice(0, 4).findIndex(k.isPercentile) === -1 ? Infinity : around.after.slice(0, 4).findIndex(k.isPercentile) + 0.5,
  );
  if (percentile !== Infinity && (best === undefined || percentile < best.distance)) return 'latency';
  return best?.field;
}

function latencySide(around: Around): 'readLatencyMs' | 'writeLatencyMs' {
  const read = Math.min(nearest(around.before, k.READ_WORDS, 5), nearest(around.after, k.READ_WORDS, 3) + 0.5);
  const write = Math.min(nearest(around.before, k.WRITE_WORDS, 5), nearest(around.after, k.WRITE_WORDS, 3) + 0.5);
  return write < read ? 'writeLatencyMs' : 'readLatencyMs';
}

function placeTime(q: Quantity, around: Around): Placement {
  if (['every', 'each', 'per', 'once'].includes(around.before[0] ?? '')) return { skip: 'a time between events, not a requirement' };
  const ms = q.value * q.per;
  const shown = (n: number): string => `${plain(n)}`;
  const bound = rangeNote(q, shown);
  let field = timeFieldOf(around);
  // "sub-second", "single-digit ms": a magnitude said as a bound is a budget, like "under 1 s".
  if (field === undefined && (has(around.before, k.WEAK_LATENCY_WORDS, 3) || q.per < 1000 || q.bound)) field = 'latency';
  switch (field) {
    case 'latency':
      return { field: latencySide(around), value: ms, ...note(bound) };
    case 'retentionDays':
      return { field, value: ms / 86_400_000, ...note(bound) };
    case 'rpoSec':
    case 'rtoSec':
    case 'stalenessBoundSec':
      return { field, value: ms / 1000, ...note(bound) };
    case undefined:
      return { skip: 'a time, but not of what (say RPO, RTO, p99, stale or kept)' };
  }
}

const GROWTH_PERIODS = new Set(['day', 'month', 'week', 'year', 'hour', 'minute', 'second', 's', 'd', 'mo', 'h', 'min']);
const OBJECT_WORDS = new Set(['each', 'per', 'avg', 'average', 'typical', 'typically', 'object', 'objects', 'item', 'items', 'payload', 'payloads', 'message', 'messages', 'event', 'events', 'record', 'records', 'row', 'rows', 'document', 'documents', 'doc', 'docs', 'file', 'files', 'image', 'images', 'photo', 'photos', 'blob', 'blobs', 'value', 'values', 'entry', 'entries', 'apiece', 'sample', 'samples', 'request', 'requests', 'body', 'bodies']);

function placeSize(q: Quantity, around: Around): Placement {
  const bytes = q.value * q.per;
  const [next, second] = around.after;
  if (q.growth) return { skip: 'a growth rate (say the total stored, or the size of one item)' };
  // "5 TB a day", "4 TB of new images per day": a size counted over a period grows; it is not what is stored.
  const overPeriod = around.after.slice(0, 6).some((w, n) => ['daily', 'monthly', 'weekly', 'nightly', 'yearly'].includes(w) || (['per', 'a', 'an', 'every', 'each'].includes(w) && GROWTH_PERIODS.has(around.after[n + 1] ?? '')));
  if (overPeriod) {
    return { skip: 'a growth rate (say the total stored, or the size of one item)' };
  }
  const object = next !== 'of' && bytes < 1e11 && (OBJECT_WORDS.has(next ?? '') || has(around.before, OBJECT_WORDS, 3) || bytes < 1e6);
  const unit = (n: number): string => `${plain(n)}`;
  if (object) return { field: 'objectSizeKb', value: bytes / 1e3, ...note(rangeNote(q, unit)) };
  return { field: 'dataSizeGb', value: bytes / 1e9, ...note(rangeNote(q, unit)) };
}

function placeTimes(q: Quantity, around: Around): Placement {
  if (has(around.before, new Set(['replication', 'replicated', 'replicate']), 3) || around.after[0] === 'replication') return { field: 'replicas', value: q.value };
  if (has(around.before, k.PEAK_WORDS) || has(around.after, k.PEAK_WORDS) || has(around.after, k.NORMAL_WORDS, 3) || has(around.clause, k.PEAK_WORDS)) {
    return q.value >= 1 ? { field: 'peakFactor', value: q.value } : { skip: 'a peak below the normal load' };
  }
  return { skip: 'a factor, but of what (say "peaks at 3x")' };
}

function rateSide(q: Quantity, around: Around): 'readsPerSec' | 'writesPerSec' | undefined {
  if (q.side) return q.side === 'reads' ? 'readsPerSec' : 'writesPerSec';
  for (const word of [...q.noun].reverse()) {
    if (k.READ_NOUNS.has(word)) return 'readsPerSec';
    if (k.WRITE_NOUNS.has(word)) return 'writesPerSec';
  }
  // "100 new links a second": things counted as they are made are writes, whatever they are called.
  if (q.noun[0] === 'new') return 'writesPerSec';
  const label = Math.min(nearest(around.before, k.READ_WORDS, 4), Infinity);
  const writeLabel = nearest(around.before, k.WRITE_WORDS, 4);
  if (label !== Infinity || writeLabel !== Infinity) return writeLabel < label ? 'writesPerSec' : 'readsPerSec';
  const readVerb = nearest(around.before, k.READ_VERBS, 6);
  const writeVerb = nearest(around.before, k.WRITE_VERBS, 6);
  if (readVerb !== writeVerb) return writeVerb < readVerb ? 'writesPerSec' : 'readsPerSec';
  // "tweets come in at ~5k/s": the counted thing named just before the rate.
  const readNoun = nearest(around.before, k.READ_NOUNS, 5);
  const writeNoun = nearest(around.before, k.WRITE_NOUNS, 5);
  if (q.noun.length === 0 && readNoun !== writeNoun) return writeNoun < readNoun ? 'writesPerSec' : 'readsPerSec';
  if (q.noun.length === 0) return around.lastRateSide ?? around.lastNounSide;
  return undefined;
}

const JOINS = new Set(['and', 'but', 'while', 'whereas', 'vs', 'versus']);

function placeRate(q: Quantity, around: Around): Placement {
  if (has(around.before, new Set(['budget', 'cost', 'costs', 'spend', 'spending']), 5)) {
    return { field: 'budgetUsdPerMonth', value: (q.value * 2_592_000) / q.per };
  }
  const side = rateSide(q, around);
  if (side === undefined) return { skip: 'a rate, but not of reads or writes (say "reads" or "writes")' };
  // "5k/s on average and 12k/s at peak": the nearer of a peak word and a normal word says which this rate is.
  // A conjunction ends the rate's own words ("… on average and 12k/s at peak").
  const own = (words: string[]): string[] => {
    const end = words.findIndex((w) => JOINS.has(w));
    return end === -1 ? words : words.slice(0, end);
  };
  const before = own(around.before);
  const after = own(around.after);
  const peak = Math.min(nearest(before, k.PEAK_WORDS, 5), nearest(after, k.PEAK_WORDS, 4));
  const normal = Math.min(nearest(before, k.NORMAL_WORDS, 5), nearest(after, k.NORMAL_WORDS, 4));
  const kind = normal === Infinity && peak === Infinity ? 'plain' : normal <= peak ? 'normal' : 'peak';
  const perSecond = (n: number): string => `${plain(n / q.per)}/s`;
  return { field: side, value: q.value / q.per, rate: { side, kind }, ...note(rangeNote(q, perSecond)) };
}

function placeCount(q: Quantity, around: Around): Placement {
  const [first = '', second = ''] = q.noun;
  const nouns = new Set(q.noun);
  const whole = (): Placement | undefined => (Number.isInteger(q.value) ? undefined : { skip: 'a count must be a whole number' });
  const counted = (field: string): Placement => whole() ?? { field, value: q.value, ...note(rangeNote(q, plain)) };
  if (k.REGION_NOUNS.has(first)) return counted('regions');
  if (k.ZONE_NOUNS.has(first) || (first === 'availability' && k.ZONE_NOUNS.has(second))) return counted('availabilityZones');
  if (k.REPLICA_NOUNS.has(first)) return counted('replicas');
  if (k.TENANT_NOUNS.has(first)) return q.value >= 2 ? { field: 'multiTenant', value: true } : { field: 'multiTenant', value: false };
  if ([...nouns].some((w) => k.FAN_NOUNS.has(w))) return counted('fanOut');
  if ((nouns.has('query') || nouns.has('access')) && [...nouns].some((w) => k.SHAPE_NOUNS.has(w))) return counted('queryShapes');
  if (k.SHAPE_NOUNS.has(first) && around.after.slice(0, 2).includes('queries')) return counted('queryShapes');
  if ([...nouns].some((w) => k.DEPENDENCY_NOUNS.has(w))) return counted('dependencies');
  if ([...nouns].some((w) => k.SERVICE_NOUNS.has(w)) && (has(around.before, k.CALL_WORDS, 4) || [...nouns].some((w) => k.CALL_WORDS.has(w)))) {
    return counted('dependencies');
  }
  // "fan-out: one event goes to …": a count of the events themselves is no fan-out.
  if (has(around.before, k.FAN_WORDS, 4) && !q.noun.some((w) => k.WRITE_NOUNS.has(w) || k.READ_NOUNS.has(w))) return counted('fanOut');
  // "99.95 uptime", "3000 writespersec": the word after the number names its field.
  if (k.LABELS.some(([labels]) => labels.has(first))) return placeBare(q, { ...around, after: [...q.noun, ...around.after] });
  return { skip: `a count of ${q.noun.join(' ')}, which is not a requirement I read` };
}

function placeBare(q: Quantity, around: Around): Placement {
  const label = k.LABELS.map(([words, field]) => ({ field, at: nearest(around.before, words, 3) }))
    .filter(({ at }) => at !== Infinity)
    .sort((a, b) => a.at - b.at)[0];
  const afterLabel = k.LABELS.find(([words]) => words.has(around.after[0] ?? ''))?.[1];
  const field = label?.field ?? (afterLabel === 'availability' ? afterLabel : undefined);
  const v = q.value;
  const isAvailability = v >= 90 && v < 100 && !Number.isInteger(v);
  switch (field) {
    case 'availability':
      return v > 0 && v < 1 ? placeFraction(v, around) : v < 100 && v > 1 ? placeFraction(v / 100, around) : { skip: 'an availability must be between 0 and 100 %' };
    case 'rpoSec':
    case 'rtoSec':
    case 'stalenessBoundSec':
      return { field, value: v };
    case 'retentionDays':
    case 'budgetUsdPerMonth':
    case 'peakFactor':
      return { field, value: v };
    case 'readLatencyMs':
      return { field: latencySide(around), value: v };
    case 'readsPerSec':
    case 'writesPerSec':
      return { field, value: v, rate: { side: field, kind: 'plain' } };
    case 'regions':
    case 'availabilityZones':
    case 'replicas':
    case 'fanOut':
    case 'dependencies':
    case 'queryShapes':
      return Number.isInteger(v) ? { field, value: v } : { skip: 'a count must be a whole number' };
  }
  if (isAvailability && v >= 99) return placeFraction(v / 100, around);
  // "3k writes/s normally, 12k at peak": a bare number beside a peak word is the peak of the rate said before.
  const peakWord = has(around.before, k.PEAK_WORDS, 3) || has(around.after, k.PEAK_WORDS, 3);
  if (peakWord && around.lastRateSide) return { field: around.lastRateSide, value: v, rate: { side: around.lastRateSide, kind: 'peak' } };
  return { skip: 'a number with no unit or name' };
}
