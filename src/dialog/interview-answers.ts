import { isUserError, UserError } from '../errors.ts';
import { readWords } from '../rules/parse-requirements.ts';
import { fieldInfo, parseFieldValue } from '../rules/field-kinds.ts';
import type { RequirementField } from '../rules/requirements.ts';
import type { InterviewStep } from './interview-schema.ts';

const normalize = (text: string): string => text.trim().toLowerCase().replace(/[\s_]+/g, ' ').replace(/(?<![.!])[.!]+$/, '');

/** Answers that leave a question open on purpose, on every step. */
const NOT_SURE = new Set(['not sure', 'unsure', 'dont know', "don't know", 'no idea', 'idk', 'unknown', 'dunno', 'pass', 'n/a', 'na', 'tbd', 'not yet', 'no clue']);
const NONE = new Set(['none', 'no', 'nope', 'nothing', 'none of these', 'none of them', 'neither', 'n']);
const ALL = new Set(['all', 'all of these', 'all of them', 'everything', 'yes all', 'all three']);
const HEDGE = /^(?:about|around|roughly|approximately|approx\.?|maybe|probably|perhaps|circa|ca\.?|like|up to|at most|at least|under|below|less than|over|more than|~|≈|<=?|>=?)\s*/;

/** The word that names a field when an answer is read as words ("3k" for the writes question reads as "writes 3k"). */
const LABEL_WORD: Partial<Record<RequirementField, string>> = {
  readsPerSec: 'reads', writesPerSec: 'writes', peakFactor: 'peak', dataSizeGb: 'data', availability: 'availability',
  nodeAvailability: 'node availability', replicas: 'replicas', readLatencyMs: 'p99 read latency', writeLatencyMs: 'p99 write latency',
  regions: 'regions', rpoSec: 'rpo', rtoSec: 'rto', budgetUsdPerMonth: 'budget', stalenessBoundSec: 'staleness', fanOut: 'fan-out',
  retentionDays: 'retention', dependencies: 'dependencies', availabilityZones: 'zones', objectSizeKb: 'each item', queryShapes: 'query shapes',
};

/**
 * What answering `text` to `step` sets: a value per field (`undefined` leaves a field open). Accepts the label of
 * any offered choice, its number ("#2", or "2" where the answer cannot be a number), "not sure", hedges and ranges
 * ("about 3k", "2–5k"), units in any common spelling, and plain words the reader understands. Throws a UserError
 * that says what was expected, with an example.
 */
export function readStepAnswer(step: InterviewStep, text: string): Record<string, unknown> {
  const said = normalize(text);
  if (NOT_SURE.has(said)) return Object.fromEntries(step.fields.map((f) => [f, undefined]));
  const picked = pickChoice(step, said);
  if (step.type === 'value') {
    const [field] = step.fields;
    if (step.unsetAnswers.some((a) => normalize(a) === said)) return { [field]: undefined };
    return { [field]: readValue(field as RequirementField, picked ?? text) };
  }
  if (picked !== undefined) text = picked;
  const chosen = normalize(text);
  if (NONE.has(chosen)) return Object.fromEntries(step.fields.map((f) => [f, false]));
  if (ALL.has(chosen)) return Object.fromEntries(step.fields.map((f) => [f, true]));
  const named = step.options.filter((o) => o.synonyms.some((w) => chosen.includes(normalize(w))));
  const read = readWords(text).requirements;
  const stated = step.fields.filter((f) => typeof read[f] === 'boolean');
  if (named.length === 0 && stated.length === 0) {
    const names = step.options.map((o) => o.label).join(', ');
    throw new UserError('unrecognized_answer', `I couldn't match that to any of: ${names}. Name the ones that apply (for example "${step.options[0]?.label.toLowerCase() ?? 'none'}"), or say "none".`);
  }
  // What the words state wins ("not multi-tenant" is false); the rest are true when named, else false.
  return Object.fromEntries(step.options.map((o) => [o.field, stated.includes(o.field) ? read[o.field] : named.includes(o)]));
}

/** The value of the choice the answer names by label or number, or undefined. */
function pickChoice(step: InterviewStep, said: string): string | undefined {
  const byLabel = step.choices.find((c) => normalize(c.label) === said || normalize(c.value) === said);
  if (byLabel) return byLabel.value;
  const number = /^(?:#|no\.?\s*|option\s+|choice\s+)?(\d{1,2})$/.exec(said);
  const numericField = step.type === 'value' && ['rate', 'fraction', 'latencyMs', 'durationSec', 'sizeGb', 'count', 'money', 'factor'].includes(fieldInfo[step.fields[0] as RequirementField]?.kind ?? '');
  if (number && (said.startsWith('#') || !numericField)) {
    const choice = step.choices[Number(number[1]) - 1];
    if (choice) return choice.value;
  }
  return undefined;
}

/** One field's value from an answer: the field's own parser, then without a hedge, then as words (ranges take their upper bound). */
export function readValue(field: RequirementField, text: string): unknown {
  let first: unknown;
  try {
    return parseFieldValue(field, text);
  } catch (err) {
    if (!isUserError(err)) throw err;
    first = err;
  }
  const plain = normalize(text).replace(HEDGE, '').replace(/-?ish$/, '');
  if (plain !== normalize(text)) {
    try {
      return parseFieldValue(field, plain);
    } catch (err) {
      if (!isUserError(err)) throw err;
    }
  }
  // Ranges ("2–5k") and sentences ("p99 read 100ms") go through the reader of words, with the field named first.
  for (const words of [text, `${LABEL_WORD[field] ?? field} ${text}`]) {
    const read = readWords(words).requirements;
    if (read[field] !== undefined) return read[field];
  }
  throw first;
}
