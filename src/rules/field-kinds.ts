import { normalizeId } from '../catalog/catalog.ts';
import { UserError } from '../errors.ts';
import { parseAvailability } from './parsers/availability.ts';
import { parseBoolean } from './parsers/boolean.ts';
import { closest } from './parsers/closest.ts';
import { parseDuration } from './parsers/duration.ts';
import { enumValues, parseEnum } from './parsers/enums.ts';
import { parseMoney } from './parsers/money.ts';
import { parseCount, parseFactor, parseRate } from './parsers/quantity.ts';
import { parseRegions } from './parsers/regions.ts';
import { parseSizeGb } from './parsers/size.ts';
import { badValue, MAX_VALUE_LENGTH } from './parsers/text.ts';
import { describeIssue } from './parsers/zod-issues.ts';
import { RequirementsShape, requirementFields, type RequirementField } from './requirements.ts';

/** How a requirements field is typed in and stored. */
export type FieldKind =
  | 'rate' | 'fraction' | 'latencyMs' | 'durationSec' | 'durationDays' | 'sizeGb' | 'sizeKb' | 'count' | 'amount' | 'money' | 'factor' | 'enum' | 'boolean' | 'text';

/** What the interview, `set` and the free-text reader know about one requirements field. */
export interface FieldInfo {
  kind: FieldKind;
  /** A one-line human label. */
  label: string;
  /** An example of what a person may type. */
  example: string;
  /** The allowed values, for enum fields. */
  values?: readonly string[];
}

/** Metadata for every requirements field, in the order of requirements.ts. */
export const fieldInfo: Record<RequirementField, FieldInfo> = {
  name: { kind: 'text', label: 'What the system is called', example: 'payments ledger' },
  domain: { kind: 'enum', label: 'The business domain', example: 'payments', values: enumValues.domain },
  consistency: { kind: 'enum', label: 'The consistency reads need', example: 'strong', values: enumValues.consistency },
  stalenessBoundSec: { kind: 'durationSec', label: 'How stale a read may be', example: '5s' },
  readsPerSec: { kind: 'rate', label: 'Reads per second at normal load', example: '200k' },
  writesPerSec: { kind: 'rate', label: 'Writes per second at normal load', example: '20k writes/s' },
  peakFactor: { kind: 'factor', label: 'How many times the normal load the peak reaches', example: '3x' },
  dataSizeGb: { kind: 'sizeGb', label: 'How much data is stored', example: '100 GB' },
  availability: { kind: 'fraction', label: 'The availability target', example: '99.99%' },
  nodeAvailability: { kind: 'fraction', label: 'The availability of one node', example: '99.5%' },
  replicas: { kind: 'count', label: 'Copies of each piece of data', example: '3' },
  readLatencyMs: { kind: 'latencyMs', label: 'The p99 read latency budget', example: '50ms' },
  writeLatencyMs: { kind: 'latencyMs', label: 'The p99 write latency budget', example: '200ms' },
  regions: { kind: 'count', label: 'How many regions the system runs in', example: 'eu + us' },
  rpoSec: { kind: 'durationSec', label: 'How much recent data may be lost (RPO)', example: '30s' },
  rtoSec: { kind: 'durationSec', label: 'How fast service must come back (RTO)', example: '5 min' },
  budgetUsdPerMonth: { kind: 'money', label: 'The monthly infrastructure budget', example: '$5k' },
  ordering: { kind: 'enum', label: 'The order events must keep', example: 'per key', values: enumValues.ordering },
  exactlyOnce: { kind: 'boolean', label: 'Must each effect happen exactly once?', example: 'yes' },
  auditTrail: { kind: 'boolean', label: 'Is a full audit trail needed?', example: 'yes' },
  eventSourcing: { kind: 'boolean', label: 'Is state kept as a log of events?', example: 'no' },
  crossServiceTransaction: { kind: 'boolean', label: 'Do transactions span several services?', example: 'yes' },
  publishesEvents: { kind: 'boolean', label: 'Does a write publish events to others?', example: 'yes' },
  multiTenant: { kind: 'boolean', label: 'Are many tenants served from one system?', example: 'yes' },
  highContention: { kind: 'boolean', label: 'Do many writers fight over the same items?', example: 'no' },
  progressiveRollout: { kind: 'boolean', label: 'Are changes rolled out gradually?', example: 'yes' },
  unreliableDependencies: { kind: 'boolean', label: 'Does it call dependencies that fail or slow down?', example: 'yes' },
  queryShapes: { kind: 'count', label: 'How many distinct query shapes are served', example: '5' },
  search: { kind: 'boolean', label: 'Do users search the data by its text?', example: 'yes' },
  geoQueries: { kind: 'boolean', label: 'Are there nearby or within-area queries?', example: 'yes' },
  adHocQueries: { kind: 'boolean', label: 'Do analysts run queries nobody planned?', example: 'no' },
  staticContent: { kind: 'boolean', label: 'Does it serve files, images or video?', example: 'yes' },
  objectSizeKb: { kind: 'sizeKb', label: 'The typical size of one item or payload', example: '2 KB' },
  hotKeys: { kind: 'boolean', label: 'Do a few keys or users take a large share of the traffic?', example: 'yes' },
  fanOut: { kind: 'amount', label: 'Recipients one write reaches (e.g. followers of a post)', example: '200' },
  retentionDays: { kind: 'durationDays', label: 'How long data is kept', example: '90 days' },
  dependencies: { kind: 'count', label: 'Synchronous downstream calls on one request', example: '3' },
  availabilityZones: { kind: 'count', label: 'Availability zones per region', example: '3' },
  coordination: { kind: 'boolean', label: 'Does it need leader election, locks or agreed configuration?', example: 'no' },
};

const DAYS_PER_LONG_UNIT: Array<[RegExp, number]> = [
  [/^(?:w|wks?|weeks?)$/, 7],
  [/^(?:mo|mos|months?)$/, 30],
  [/^(?:y|yrs?|years?)$/, 365],
];

/** A retention such as `90 days`, `6 months`, `7 years` or `48h`, in days; a bare number is days. */
function parseDays(text: string, field: string): number {
  const trimmed = typeof text === 'string' ? text.trim().toLowerCase() : text;
  if (typeof trimmed === 'string') {
    const long = /^([\d.,]+)\s*([a-z]+)$/.exec(trimmed);
    const unit = long?.[2] ? DAYS_PER_LONG_UNIT.find(([pattern]) => pattern.test(long[2]!)) : undefined;
    if (long?.[1] && unit) return Number(long[1].replace(/,/g, '')) * unit[1];
    if (/^[\d.,]+\s*(?:d|days?)?$/.test(trimmed)) return parseDuration(trimmed.replace(/(?<!\s)\s*(?:d|days?)$/, ''), 's', field);
  }
  return parseDuration(text, 's', field) / 86_400;
}

/** An item size such as `2 KB`, `1.5 MB` or `300 bytes`, in kilobytes; a bare number is KB. */
function parseKb(text: string, field: string): number {
  const bare = typeof text === 'string' && /^\s*[\d.,]+\s*$/.test(text);
  return bare ? parseFactor(text, field) : Number((parseSizeGb(text, field) * 1e6).toPrecision(12));
}

const byNormalizedName = new Map(requirementFields.map((field) => [normalizeId(field), field]));

/** The requirements field with this name (case and punctuation ignored), or undefined. */
export function findField(name: string): RequirementField | undefined {
  return byNormalizedName.get(normalizeId(name));
}

/**
 * Parses what a person typed for one requirements field (`set writesPerSec 20k`) into the value
 * the Requirements schema holds. Throws a UserError: `unknown_field` with close names, or `bad_value`.
 */
export function parseFieldValue(field: string, text: string): unknown {
  const name = typeof field === 'string' ? findField(field.slice(0, MAX_VALUE_LENGTH)) : undefined;
  if (name === undefined) {
    const shown = String(field).slice(0, 40);
    const suggestions = closest(String(field), requirementFields);
    throw new UserError(
      'unknown_field',
      `there is no requirements field called "${shown}"` +
        (suggestions.length > 0 ? `; did you mean ${suggestions.join(' or ')}?` : `; the fields are ${requirementFields.join(', ')}`),
      { suggestions },
    );
  }
  return checkFieldValue(name, parseByKind(name, text));
}

/** Checks an already-parsed value against the field's Requirements schema; a failure is a friendly `bad_value`. */
export function checkFieldValue(field: RequirementField, value: unknown): unknown {
  const checked = RequirementsShape.shape[field].safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw badValue(issue ? describeIssue(issue, field) : `${field} is not valid`, `for example: ${fieldInfo[field].example}`);
  }
  return checked.data;
}

/** Raw text longer than this is no single value: refused before any pattern scans it (patterns here see raw text). */
const maxRawValueLength = 1000;

function parseByKind(field: RequirementField, text: string): unknown {
  const info = fieldInfo[field];
  if (info.kind !== 'text' && typeof text === 'string' && text.length > maxRawValueLength) {
    throw badValue(`that is too long to be a value for ${field}; write something short like ${info.example}`);
  }
  switch (info.kind) {
    case 'rate':
      return parseRate(text, field);
    case 'fraction':
      return parseAvailability(text, field);
    case 'latencyMs':
      return parseDuration(text, 'ms', field);
    case 'durationSec':
      return parseDuration(text, 's', field);
    case 'durationDays':
      return parseDays(text, field);
    case 'sizeKb':
      return parseKb(text, field);
    case 'amount':
      return parseRate(text.replace(/(?<!\s)\s*(?:followers?|recipients?|subscribers?|users?|people)$/i, ''), field);
    case 'sizeGb':
      return parseSizeGb(text, field);
    case 'count':
      return field === 'regions' ? parseRegions(text, field) : parseCount(text, field);
    case 'money':
      return parseMoney(text, field);
    case 'factor':
      return parseFactor(text, field);
    case 'enum':
      return parseEnum(field as 'domain' | 'consistency' | 'ordering', text);
    case 'boolean':
      return parseBoolean(text, field);
    case 'text':
      if (typeof text !== 'string') throw badValue(`${field} needs some text`);
      return text.replace(/\s+/g, ' ').trim();
  }
}
