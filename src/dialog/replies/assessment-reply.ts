import type { Assessment } from '../../rules/assessment.ts';
import type { Choice, Field, Reply } from '../reply.ts';
import { shortFormula } from './formulas-reply.ts';

const FIELD_LIMIT = 1000;
/** How many warnings and obligations the card shows; the rest are in `export`. */
export const cardLimits = { warnings: 5, obligations: 6 } as const;

const mark = (pass: boolean | null) => (pass === null ? '·' : pass ? '✓' : '✗');

function value(v: number | string | null): string {
  return v === null ? '—' : String(v);
}

/** The first reason, and a pointer to `why` when there are more. */
function firstReason(id: string, reasons: string[]): string {
  const more = reasons.length - 1;
  return more > 0 ? `${reasons[0]} (+${more} more: \`why ${id}\`)` : (reasons[0] ?? '');
}

/** A pitfall warning says its name, what it concerns and the fix; its longer explanation waits in `export`. */
function warningLine(w: Assessment['warnings'][number]): string {
  const pitfall = /^(.+? \(concerns [^)]+\)): .*? Fix: (.+)$/s.exec(w.message);
  return `[${w.severity}] ${pitfall ? `${pitfall[1]} — fix: ${pitfall[2]}` : w.message}`;
}

/** An obligation's claim; a pattern's merged obligation shows what to prove, the how waits in `export`. */
function obligationLine(o: Assessment['obligations'][number]): string {
  const claim = o.text.split(' How: ')[0]!;
  return `[ ] ${o.pattern}: ${claim.endsWith('.') || claim === o.text ? claim : `${claim}.`}`;
}

/** The first `limit` lines, and how many more `export` holds. */
function top(lines: string[], limit: number): string[] {
  return lines.length > limit ? [...lines.slice(0, limit), `+${lines.length - limit} more in \`export\``] : lines;
}

/**
 * The check lines, each ending with its formula's short form while the section still fits in one
 * field; a line whose formula does not fit stays bare (the Formulas button and `why <check>` show it).
 */
function checkLines(checks: Assessment['validation']['checks']): string[] {
  const bare = checks.map((c) => `${mark(c.pass)} ${c.id}: ${value(c.calculated)} ${c.unit} (required ${value(c.required)})`);
  let room = FIELD_LIMIT - 1 - bare.reduce((n, line) => n + line.length + 1, -1);
  return bare.map((line, i) => {
    const formula = shortFormula(checks[i]!.explain);
    const extra = formula ? ` — ${formula}` : '';
    if (extra.length > room) return line;
    room -= extra.length;
    return `${line}${extra}`;
  });
}

/** The summary line: the counts, then whether the numbers hold up. */
function summaryOf(a: Assessment): string {
  const failing = a.validation.checks.filter((c) => c.pass === false).map((c) => c.id);
  const high = a.warnings.filter((w) => w.severity === 'high').length;
  return (
    `${a.capabilities.length} capabilities, ${a.primitives.length} primitives, ${a.patterns.length} patterns · ` +
    `${a.warnings.length} warnings${high ? ` (${high} high)` : ''} · ${a.obligations.length} proof obligations · ` +
    (failing.length ? `validation fails (${failing.join(', ')}) ✗` : 'validation passes ✓')
  );
}

/** The lines of each section of the card, in the order the card shows them. */
function sections(a: Assessment): Array<{ label: string; lines: string[] }> {
  return [
    { label: 'Capabilities', lines: a.capabilities.map((c) => `${c.id} — ${firstReason(c.id, c.reasons)}`) },
    { label: 'Primitives', lines: a.primitives.map((p) => `${p.id} ${p.name} — ${firstReason(p.id, p.reasons)}`) },
    { label: 'Patterns', lines: a.patterns.map((p) => `${p.id} (${p.name}) — ${firstReason(p.id, p.reasons)}`) },
    {
      label: `Validation ${a.validation.pass ? 'passes' : 'fails'}`,
      lines: checkLines(a.validation.checks),
    },
    { label: 'Warnings', lines: top(a.warnings.map(warningLine), cardLimits.warnings) },
    { label: 'Proof obligations', lines: top(a.obligations.map(obligationLine), cardLimits.obligations) },
    { label: 'Technologies', lines: a.technologies.map((t) => `${t.for}: ${t.pick} — ${t.why}`) },
  ].filter((s) => s.lines.length > 0);
}

/** Packs lines into field values under the platform limit, cutting a single over-long line. */
function chunk(lines: string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.length > FIELD_LIMIT - 2 ? `${raw.slice(0, FIELD_LIMIT - 3)}…` : raw;
    const next = current ? `${current}\n${line}` : line;
    if (next.length >= FIELD_LIMIT) {
      chunks.push(current);
      current = line;
    } else current = next;
  }
  if (current) chunks.push(current);
  return chunks;
}

const listed = (line: string) => (line.startsWith('[ ]') || line.startsWith('✓') || line.startsWith('✗') || line.startsWith('+') ? line : `- ${line}`);

/**
 * The assessment card every platform shows, focused for a chat thread: the summary line first, then
 * capabilities, primitives and patterns with their first reason, the checks with figures and the short
 * form of each formula that fits, the top warnings and obligations (the rest, every reason and the
 * full formulas are in `export`, `formulas` and `why <id>`),
 * and technologies. `text` is the card in plain text; `fields` hold the same sections (each under 1000 characters).
 */
export function assessmentReply(assessment: Assessment, options: { title?: string } = {}): Reply {
  const title = options.title ?? 'Design assessment';
  const summary = summaryOf(assessment);
  const parts = sections(assessment);
  const text = [title, summary, ...parts.map((s) => `\n${s.label}\n${s.lines.map(listed).join('\n')}`)].join('\n');
  const fields: Field[] = parts.flatMap((s) =>
    chunk(s.lines).map((v, i) => ({ label: i === 0 ? s.label : `${s.label} (continued)`, value: v })),
  );
  const first = assessment.primitives[0]?.id ?? assessment.capabilities[0]?.id;
  const choices: Choice[] = [
    { label: 'Export', value: 'export' },
    { label: 'History', value: 'history' },
    ...(first ? [{ label: `Why ${first}`, value: `why ${first}` }] : []),
  ];
  return {
    kind: 'assessment',
    title,
    summary,
    text,
    fields,
    formulas: assessment.validation.checks.map((c) => `${c.id}: ${c.explain}`),
    choices,
    assessment,
  };
}
