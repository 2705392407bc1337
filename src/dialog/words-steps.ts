import type { Requirements } from '../rules/requirements.ts';
import { readWords, type WordsRead } from '../rules/parse-requirements.ts';
import { formatValue } from './format-value.ts';
import { applyValues } from './interview-flow.ts';
import { assessable, refuse, type Step, type StepContext } from './interview-steps.ts';
import { readReply } from './replies/read-reply.ts';
import type { SessionState } from './session-state.ts';
import type { Turn } from './turn.ts';

// Requirements said in words outside the interview: `assess <words>`, a description in a mention, and
// what-ifs in words ("what if writes go 10x?", "make it five nines"). Pure: state in, a step out.

/** The base a change in words applies to: the answers of a running interview, else the saved design. */
function base(s: SessionState, ctx: StepContext): { requirements: Requirements; answeredBy: Record<string, string> } {
  if (s.mode === 'interviewing' || !ctx.design) return { requirements: { ...(ctx.design?.requirements ?? {}), ...s.requirements }, answeredBy: { ...(ctx.design?.answeredBy ?? {}), ...s.answeredBy } };
  return { requirements: ctx.design.requirements, answeredBy: ctx.design.answeredBy };
}

function applyRead(s: SessionState, ctx: StepContext, turn: Turn, read: WordsRead, values: Record<string, unknown>, cause: string): Step {
  const from = base(s, ctx);
  const named = from.requirements.name === undefined && read.name !== undefined && !ctx.design ? { name: read.name } : {};
  const requirements = applyValues(from.requirements, { ...named, ...values });
  const answeredBy = { ...from.answeredBy };
  for (const field of Object.keys({ ...named, ...values })) answeredBy[field] = turn.user;
  if (!assessable(requirements)) return refuse(s, 'nothing_to_assess', 'There is nothing to assess yet: describe the system in a sentence (or type design to start).');
  const done: SessionState = { ...s, mode: 'idle', stepId: undefined, answers: [], walk: undefined, queue: undefined, why: undefined, requirements, answeredBy };
  return {
    state: done,
    result: { tag: 'assess', requirements, answeredBy, cause, whatIf: ctx.design !== undefined },
    lead: [readReply({ ...read, requirements: values }, named.name !== undefined ? { name: named.name } : {})],
  };
}

/** `assess <words>` (and a description in a mention): reads every requirement the words state and assesses them. */
export function assessWords(s: SessionState, ctx: StepContext, turn: Turn, text: string): Step {
  const read = readWords(text);
  if (read.readings.length === 0) {
    const skipped = read.skipped.length > 0 ? ` I skipped: ${read.skipped.slice(0, 3).join('; ')}.` : '';
    return refuse(s, 'nothing_read', `I could not read any requirement from that.${skipped} Try for example: assess a payments ledger, 3k writes/s, four nines, p99 under 50 ms.`);
  }
  return applyRead(s, ctx, turn, read, read.requirements, `assess ${text.replace(/\s+/g, ' ').trim().slice(0, 120)}`);
}

const SCALE_WORDS: Record<string, number> = { double: 2, doubles: 2, doubled: 2, triple: 3, triples: 3, tripled: 3, quadruple: 4, halve: 0.5, halves: 0.5, halved: 0.5 };
const FIELD_WORDS: Record<string, keyof Requirements> = {
  writes: 'writesPerSec', write: 'writesPerSec', reads: 'readsPerSec', read: 'readsPerSec', traffic: 'writesPerSec', data: 'dataSizeGb',
  storage: 'dataSizeGb', regions: 'regions', replicas: 'replicas', budget: 'budgetUsdPerMonth', fanout: 'fanOut', dependencies: 'dependencies',
};
const LEAD_IN = /^(?:what if|what about|and if|suppose|assume|lets say|let's say|say|how about|make it|make that|try|now|then)\s+/;

/**
 * A what-if in words, or undefined when the text is none: "what if writes go 10x?" multiplies the saved value,
 * "make it five nines" and "what if we add exactly-once" set what the words state. Needs a saved design.
 */
export function whatIfWords(s: SessionState, ctx: StepContext, turn: Turn, text: string): Step | undefined {
  const lower = text.toLowerCase().replace(/(?<![?!.])[?!.]+$/, '').replace(/\s+/g, ' ').trim();
  const lead = LEAD_IN.exec(lower);
  if (!lead || !ctx.design) return undefined;
  const rest = lower.slice(lead[0].length).replace(/^(?:we|the|our)\s+/, '');
  const scaled = scaleChange(rest, base(s, ctx).requirements);
  if (scaled) {
    const read: WordsRead = { requirements: scaled.values, readings: [{ field: scaled.field, value: scaled.values[scaled.field], words: rest, at: 0, note: scaled.note }], skipped: [] };
    return applyRead(s, ctx, turn, read, scaled.values, `what if ${rest}`.slice(0, 120));
  }
  const read = readWords(rest);
  if (read.readings.length === 0) return undefined;
  return applyRead(s, ctx, turn, read, read.requirements, `what if ${rest}`.slice(0, 120));
}

/** "writes go 10x", "reads double", "data triples", "2x the writes": the field and its new value. */
function scaleChange(rest: string, current: Requirements): { field: string; values: Record<string, unknown>; note: string } | undefined {
  const words = rest.split(/[\s,]+/).filter((w) => w !== '' && w !== 'the' && w !== 'by' && w !== 'to' && w !== 'go' && w !== 'goes' && w !== 'grow' && w !== 'grows' && w !== 'jump' && w !== 'jumps' && w !== 'increase' && w !== 'increases');
  let field: keyof Requirements | undefined;
  let factor: number | undefined;
  for (const w of words.slice(0, 6)) {
    field ??= FIELD_WORDS[w];
    factor ??= SCALE_WORDS[w] ?? timesOf(w);
  }
  if (!field || factor === undefined || words.length > 6) return undefined;
  const now = current[field];
  if (typeof now !== 'number') return undefined;
  const value = Number.parseFloat((now * factor).toPrecision(12));
  const shown = ['regions', 'replicas', 'dependencies'].includes(field) ? Math.round(value) : value;
  return { field, values: { [field]: shown }, note: `${factor}× ${formatValue(field, now)}` };
}

function timesOf(word: string): number | undefined {
  const m = /^x?(\d{1,4}(?:\.\d+)?)x?$/.exec(word);
  if (!m || (!word.startsWith('x') && !word.endsWith('x'))) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n : undefined;
}
