import type { Assessment } from '../../rules/assessment.ts';
import type { Choice, Field, Reply } from '../reply.ts';

/**
 * The assessment card: the judgement a senior engineer reads in ten seconds, at most 15 lines of
 * `text` (interface.md): the verdict, the figures that matter, the top 3 risks with why, 3–5 decisions
 * with the simpler alternative, then one word (or button) for each of the rest.
 */

/** What the card reads of `assessment.summary` (interface.md "assess output"); older saved versions have none. */
interface CardSummary {
  verdict: string;
  headline: string[];
  topRisks: string[];
  decisions: Array<{ decision: string; alternative: string; why: string }>;
}
type Warning = Assessment['warnings'][number] & { why?: string };
type Check = Omit<Assessment['validation']['checks'][number], 'pass'> & { pass: boolean | null };

/** The most lines the card's text may have (interface.md). */
export const cardMaxLines = 15;
const lineLimit = 200;
const figureLineLimit = 110;

/** The one-word commands for everything the card leaves out, in the order the card offers them. */
export const cardCommands: readonly Choice[] = [
  { label: 'Diagram', value: 'diagram' },
  { label: 'Risks', value: 'risks' },
  { label: 'Checks', value: 'checks' },
  { label: 'Reasons', value: 'reasons' },
  { label: 'Obligations', value: 'obligations' },
  { label: 'Technologies', value: 'technologies' },
  { label: 'Export', value: 'export' },
  { label: 'Plan', value: 'plan' },
];

const clip = (text: string, limit = lineLimit) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

function summaryOf(a: Assessment): CardSummary | undefined {
  const s = (a as { summary?: CardSummary }).summary;
  return s && typeof s.verdict === 'string' && Array.isArray(s.headline) ? s : undefined;
}

const judged = (c: Check) => c.pass !== null && c.required !== null;

const plainNumber = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(Number(n.toPrecision(4))));

/** A check's figure in the unit a reader expects: a fraction as a percentage, dollars with $, else the number and unit. */
export function checkValue(v: number | string | null, unit: string): string {
  if (v === null) return '—';
  if (typeof v === 'string') return unit ? `${v} ${unit}` : v;
  if (unit === 'fraction') return `${Number((v * 100).toPrecision(Math.max(3, String(v).length - 2)))} %`;
  if (unit === 'USD/month') return `$${Math.round(v).toLocaleString('en-US')}/month`;
  return unit ? `${plainNumber(v)} ${unit}` : plainNumber(v);
}

/** One check as a figure: "✓ availability 99.995 % (target 99.99 %)", or said to be not judged. */
export function checkFigure(c: Check): string {
  if (!judged(c)) return `${c.id} not judged (no target given)`;
  return `${c.pass ? '✓' : '✗'} ${c.id} ${checkValue(c.calculated, c.unit)} (target ${checkValue(c.required, c.unit)})`;
}

/**
 * Packs parts into at most `max` lines joined by " · ", each about `limit` characters; parts that do
 * not fit are counted at the end ("+2 more: checks"), never cut mid-figure.
 */
function pack(parts: string[], max: number, limit = figureLineLimit): string[] {
  const lines: string[] = [];
  let left = 0;
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + part.length + 3 <= limit) lines[lines.length - 1] = `${last} · ${part}`;
    else if (lines.length < max) lines.push(clip(part, limit));
    else left += 1;
  }
  if (left > 0 && lines.length > 0) lines[lines.length - 1] = `${lines.at(-1)} · +${left} more: checks`;
  return lines;
}

/** The checks every assessment reports (interface.md), shown first; a failing other check comes next. */
const headlineChecks = ['throughput', 'availability', 'latency', 'cost'];

function rankChecks(checks: Check[]): Check[] {
  const rank = (c: Check) => {
    const at = headlineChecks.indexOf(c.id);
    return at >= 0 ? at : c.pass === false ? headlineChecks.length : headlineChecks.length + 1;
  };
  return [...checks].sort((x, y) => rank(x) - rank(y));
}

/** The figures that matter: the engine's headline, with any check left unjudged said as such. */
function figureLines(a: Assessment, summary: CardSummary | undefined): string[] {
  const checks = a.validation.checks as Check[];
  if (!summary) return pack(rankChecks(checks).map(checkFigure), 3);
  const unjudged = checks.filter((c) => !judged(c) && !summary.headline.some((h) => h.toLowerCase().includes(c.id.toLowerCase())));
  const extra = unjudged.length > 0 ? [`not judged: ${unjudged.map((c) => c.id).join(', ')} (no target given)`] : [];
  return pack([...summary.headline, ...extra], 3);
}

function verdictOf(a: Assessment, summary: CardSummary | undefined): string {
  if (summary) return summary.verdict;
  const failing = (a.validation.checks as Check[]).filter((c) => c.pass === false).map((c) => c.id);
  if (failing.length > 0) return `Does not hold up yet: ${failing.join(', ')} ${failing.length === 1 ? 'fails' : 'fail'}.`;
  return (a.validation.checks as Check[]).some(judged) ? 'Holds up: every judged check passes.' : 'No target given, so nothing is judged yet.';
}

/** A warning's name: a pitfall's "Name (concerns …)", else its first sentence. */
export function warningTitle(w: Warning): string {
  const pitfall = /^(.+?) \(concerns [^)]+\):/s.exec(w.message);
  if (pitfall) return pitfall[1]!;
  return w.message.split(/(?<=\.)\s/)[0]!.replace(/\.$/, '');
}

/** Why a warning applies to this design; a saved version from before `why` existed shows the fix instead. */
export function warningWhy(w: Warning): string {
  if (typeof w.why === 'string' && w.why) return w.why;
  const fix = /Fix: (.+)$/s.exec(w.message);
  return fix ? `fix: ${fix[1]}` : '';
}

function riskLines(a: Assessment, summary: CardSummary | undefined): string[] {
  const warnings = a.warnings as Warning[];
  const chosen = summary
    ? summary.topRisks.map((id) => warnings.find((w) => w.id === id)).filter((w): w is Warning => w !== undefined)
    : warnings;
  return chosen.slice(0, 3).map((w, i) => {
    const why = warningWhy(w);
    return clip(`${i + 1}. [${w.severity}] ${warningTitle(w)}${why ? ` — ${why}` : ''}`);
  });
}

function decisionLines(a: Assessment, summary: CardSummary | undefined): string[] {
  if (summary && summary.decisions.length > 0) {
    return summary.decisions.slice(0, 5).map((d) => clip(`• ${d.decision} — rather than ${d.alternative}: ${d.why}`));
  }
  const items = [...a.primitives.map((p) => ({ name: `${p.id} ${p.name}`, reason: p.reasons[0] })), ...a.patterns.map((p) => ({ name: p.name, reason: p.reasons[0] }))];
  return items.slice(0, 4).map((i) => clip(`• ${i.name} — ${i.reason ?? ''}`));
}

/** The card's sections as fields (Slack sections, Discord embed fields), each well under 1,000 characters. */
function cardFields(figures: string[], risks: string[], decisions: string[]): Field[] {
  return [
    { label: 'Figures', value: figures.join('\n') },
    { label: 'Top risks', value: risks.join('\n') },
    { label: 'Decisions', value: decisions.join('\n') },
  ].filter((f) => f.value.length > 0);
}

/** The line that names every command the card leaves out. */
const moreLine = `More: ${cardCommands.map((c) => c.value).join(' · ')}`;

/**
 * The assessment card every platform shows. `text` is at most {@link cardMaxLines} lines; `summary`
 * holds the verdict and `fields` the figures, risks and decisions for the platforms that lay them out.
 */
export function assessmentReply(assessment: Assessment, options: { title?: string } = {}): Reply {
  const title = options.title ?? 'Design assessment';
  const summary = summaryOf(assessment);
  const verdict = verdictOf(assessment, summary);
  const figures = figureLines(assessment, summary);
  const risks = riskLines(assessment, summary);
  const decisions = decisionLines(assessment, summary);
  const lines = [
    clip(`${title} — ${verdict}`),
    ...figures,
    ...(risks.length > 0 ? ['Top risks', ...risks] : ['No risk specific to this design was found.']),
    ...(decisions.length > 0 ? ['Decisions', ...decisions] : []),
    moreLine,
  ];
  return {
    kind: 'assessment',
    title,
    summary: verdict,
    text: lines.join('\n'),
    fields: cardFields(figures, risks, decisions),
    formulas: assessment.validation.checks.map((c) => `${c.id}: ${c.explain}`),
    choices: [...cardCommands],
    assessment,
  };
}
