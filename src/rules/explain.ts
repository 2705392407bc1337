import { fmt } from './validation/capacity.ts';

/** A condition as json-rules-engine returns it after a run: the leaf's fact value and its result kept. */
export interface ConditionResult {
  fact?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
  all?: ConditionResult[];
  any?: ConditionResult[];
  not?: ConditionResult;
}

/** A fact value as it reads in a sentence. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return 'not given';
  if (typeof value === 'number') return fmt(value);
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : 'none';
  return String(value);
}

/** Fills a reason template: `{fact}` becomes the fact's value. */
export function renderTemplate(template: string, facts: Record<string, unknown>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => formatValue(facts[name]));
}

const symbols: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  in: 'in',
  notIn: 'not in',
  contains: 'contains',
  doesNotContain: 'does not contain',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
};

/** One leaf in words: "peakWritesPerSec is 60,000, needs > 20,000". */
export function describeLeaf(c: ConditionResult): string {
  if (c.operator === 'given') return `${c.fact} ${c.value ? 'must be given' : 'must be left unset'} (it is ${formatValue(c.factResult)})`;
  const value = Array.isArray(c.value) ? `[${formatValue(c.value)}]` : formatValue(c.value);
  return `${c.fact} is ${formatValue(c.factResult)}, needs ${symbols[c.operator ?? ''] ?? c.operator} ${value}`;
}

/** Every evaluated leaf of a condition tree with its outcome (leaves the engine skipped are left out). */
export function evaluatedLeaves(c: ConditionResult): ConditionResult[] {
  if (c.all) return c.all.flatMap(evaluatedLeaves);
  if (c.any) return c.any.flatMap(evaluatedLeaves);
  if (c.not) return evaluatedLeaves(c.not);
  return c.fact && c.result !== undefined ? [c] : [];
}

const subjects: Record<string, string> = {
  peakWritesPerSec: 'writesPerSec × peakFactor',
  peakReadsPerSec: 'readsPerSec × peakFactor',
  readWriteRatio: 'readsPerSec / writesPerSec',
  partitionsNeeded: 'the partitions needed (writesPerSec × peakFactor, and the data size)',
  replicasNeeded: 'the replicas needed (availability, nodeAvailability)',
};

const classAnswers: Record<string, string> = {
  strong: 'consistency linearizable or serializable (or domain financial or ecommerce)',
  eventual: 'consistency eventual (or domain social, content, analytics or iot)',
  causal: 'consistency causal (or domain messaging)',
  'latency-first': 'domain gaming without an explicit consistency',
  none: 'no consistency and domain general',
};

/** Which answer would make one failing leaf pass. */
function suggestLeaf(c: ConditionResult, facts: Record<string, unknown>): string {
  const fact = c.fact ?? '?';
  let subject = subjects[fact] ?? fact;
  let v = c.value;
  const peak = facts.peakFactor;
  if ((fact === 'peakWritesPerSec' || fact === 'peakReadsPerSec') && typeof v === 'number' && typeof peak === 'number') {
    subject = fact === 'peakWritesPerSec' ? 'writesPerSec' : 'readsPerSec';
    if (peak !== 1) subject += ` (at peakFactor ${formatValue(peak)})`;
    v = v / peak;
  }
  if (fact === 'readWriteRatio' && typeof v === 'number') return `set readsPerSec above ${formatValue(v)} × writesPerSec`;
  if (fact === 'partitionsNeeded' && c.operator === 'greaterThan') {
    const peak = typeof facts.peakFactor === 'number' && facts.peakFactor !== 1 ? ` (at peakFactor ${formatValue(facts.peakFactor)})` : '';
    const writes = 14000 / (typeof facts.peakFactor === 'number' ? facts.peakFactor : 1);
    return `set writesPerSec${peak} above ${formatValue(writes)}, or the data (dataSizeGb, or writesPerSec × objectSizeKb × retentionDays) above 2000 GB`;
  }
  if (fact === 'consistencyClass') {
    const values = Array.isArray(v) ? v.map(String) : [String(v)];
    if (c.operator === 'equal' || c.operator === 'in') return `set ${values.map((x) => classAnswers[x] ?? x).join(', or ')}`;
    return `change consistency or domain (consistency class is ${formatValue(c.factResult)})`;
  }
  if (fact === 'primitives' || fact === 'patterns' || fact === 'capabilities') {
    return c.operator === 'contains' ? `bring ${String(v)} into the design` : `leave ${String(v)} out of the design`;
  }
  if (fact === 'replicasEven') return `set replicas to an ${v ? 'even' : 'odd'} number`;
  switch (c.operator) {
    case 'given':
      return v ? `give ${subject}` : `leave ${subject} unset`;
    case 'equal':
      return `set ${subject} to ${formatValue(v)}`;
    case 'notEqual':
      return `set ${subject} to anything but ${formatValue(v)}`;
    case 'in':
      return `set ${subject} to ${Array.isArray(v) ? v.map(formatValue).join(' or ') : formatValue(v)}`;
    case 'notIn':
      return `set ${subject} to something other than ${formatValue(v)}`;
    case 'greaterThan':
      return `set ${subject} above ${formatValue(v)}`;
    case 'greaterThanInclusive':
      return `set ${subject} to ${formatValue(v)} or more`;
    case 'lessThan':
      return `set ${subject} below ${formatValue(v)}`;
    case 'lessThanInclusive':
      return `set ${subject} to ${formatValue(v)} or less`;
    default:
      return `change ${subject}`;
  }
}

/** What would make a failing condition tree pass, in words ("set writesPerSec above 20,000"), or undefined. */
export function suggestion(c: ConditionResult, facts: Record<string, unknown>): string | undefined {
  if (c.result === true) return undefined;
  if (c.all) {
    const parts = c.all.map((x) => suggestion(x, facts)).filter((s): s is string => !!s);
    return parts.length ? parts.join(' and ') : undefined;
  }
  if (c.any) {
    const parts = c.any.map((x) => suggestion(x, facts)).filter((s): s is string => !!s);
    return parts.length ? parts.join(', or ') : undefined;
  }
  if (c.not) return `no longer meet: ${evaluatedLeaves(c.not).map(describeLeaf).join('; ')}`;
  if (!c.fact || c.result === undefined) return undefined;
  return suggestLeaf(c, facts);
}
