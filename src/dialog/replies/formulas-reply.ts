import type { Assessment, Check } from '../../rules/assessment.ts';
import type { Choice, Field, Reply } from '../reply.ts';
import { infoReply, titledReply } from './basic-replies.ts';

const FIELD_LIMIT = 1000;

const mark = (pass: boolean | null) => (pass === null ? '·' : pass ? '✓' : '✗');
const shown = (v: Check['required']) => (v === null ? '—' : String(v));
const clipped = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/** The ids every assessment's validation reports (interface.md), known even before there is a design. */
export const contractCheckIds: readonly string[] = ['throughput', 'availability', 'latency', 'cost'];

/** The button that opens every formula of the latest assessment. */
export const formulasChoice: Choice = { label: 'Formulas', value: 'formulas' };

/**
 * The short form of a check's formula: its `explain` up to where the result meets the requirement
 * (" ≥ required …", " ≤ p99 budget …") or up to the first advice after "; ", since the card line shows those already.
 */
export function shortFormula(explain: string): string {
  const comparison = /\s[≥≤<>]\s(?:required|target|budget|p99 budget)\b/.exec(explain);
  const head = comparison ? explain.slice(0, comparison.index) : explain;
  return head.split('; ')[0]!.trim();
}

/** One check in words: what was required, what the model calculated, and whether it passes. */
function figures(c: Check): string {
  return `required ${shown(c.required)} · calculated ${shown(c.calculated)} ${c.unit} · ${c.pass === null ? 'not judged (no target given)' : c.pass ? 'passes ✓' : 'fails ✗'}`;
}

/** The friendly answer to `formulas` or `why <check>` when the thread has no assessment yet. */
export function noAssessmentReply(): Reply {
  return infoReply('There is no assessment in this thread yet, so there are no figures to explain. Type design to start the interview, or assess to assess the answers so far.', [
    { label: 'Start a design', value: 'design' },
    { label: 'Assess', value: 'assess' },
  ]);
}

/** Every validation check of an assessment with its figures and its formula (numbers put in), one field per check. */
export function formulasReply(assessment: Assessment, options: { title?: string; version?: number } = {}): Reply {
  const { checks, pass } = assessment.validation;
  const of = options.title ? ` — ${options.title}${options.version !== undefined ? ` v${options.version}` : ''}` : '';
  const title = `Formulas${of}`;
  const summary = checks.length === 0
    ? 'This assessment has no validation checks: give rates, an availability target, latency budgets or a budget to get figures.'
    : `${checks.length} checks, validation ${pass ? 'passes ✓' : 'fails ✗'}. Each figure comes from the formula below it; why <check> shows one.`;
  const fields: Field[] = checks.map((c) => {
    const head = figures(c);
    return { label: `${mark(c.pass)} ${c.id}`, value: `${head}\n${clipped(c.explain, FIELD_LIMIT - head.length - 1)}` };
  });
  const text = [title, summary, ...checks.map((c) => `\n${mark(c.pass)} ${c.id}: ${figures(c)}\n${c.explain}`)].join('\n');
  return { kind: 'info', title, summary, text, fields, choices: [{ label: 'Export', value: 'export' }, { label: 'History', value: 'history' }] };
}

/** One check's answer to `why <check>` or `explain <check>`: its figures and its formula with the numbers put in. */
export function checkReply(check: Check): Reply {
  return titledReply('info', `Formula for ${check.id}`, `${mark(check.pass)} ${check.id}: ${figures(check)}\n${check.explain}`, {
    choices: [formulasChoice],
  });
}
