import type { Assessment } from '../../rules/assessment.ts';
import type { Choice, Field, Reply } from '../reply.ts';

const FIELD_LIMIT = 1000;

const mark = (pass: boolean) => (pass ? '✓' : '✗');

function value(v: number | string | null): string {
  return v === null ? '—' : String(v);
}

/** The lines of each section of the card, in the order the card shows them. */
function sections(a: Assessment): Array<{ label: string; lines: string[] }> {
  const bySeverity = ['high', 'medium', 'low'] as const;
  return [
    { label: 'Capabilities', lines: a.capabilities.map((c) => `${c.id} — ${c.reasons.join('; ')}`) },
    { label: 'Primitives', lines: a.primitives.map((p) => `${p.id} ${p.name} — ${p.reasons.join('; ')}`) },
    { label: 'Patterns', lines: a.patterns.map((p) => `${p.id} (${p.name}) — ${p.reasons.join('; ')}`) },
    { label: 'Near misses', lines: a.nearMisses.map((m) => `add ${m.missing.join(' and ')} to complete ${m.pattern}`) },
    {
      label: `Validation ${a.validation.pass ? 'passes' : 'fails'}`,
      lines: a.validation.checks.map(
        (c) => `${mark(c.pass)} ${c.id}: ${value(c.calculated)} ${c.unit} (required ${value(c.required)})`,
      ),
    },
    {
      label: 'Warnings',
      lines: bySeverity.flatMap((s) => a.warnings.filter((w) => w.severity === s).map((w) => `[${s}] ${w.message}`)),
    },
    { label: 'Proof obligations', lines: a.obligations.map((o) => `[ ] ${o.pattern}: ${o.text}`) },
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

/**
 * The assessment card every platform shows: capabilities, primitives and patterns with reasons,
 * the checks with figures and ✓/✗, warnings by severity, obligations as a checklist, technologies.
 * `text` is the whole card in plain text; `fields` hold the same sections (each under 1000 characters).
 */
export function assessmentReply(assessment: Assessment, options: { title?: string } = {}): Reply {
  const title = options.title ?? 'Design assessment';
  const failing = assessment.validation.checks.filter((c) => !c.pass).map((c) => c.id);
  const summary =
    `${assessment.capabilities.length} capabilities, ${assessment.primitives.length} primitives, ${assessment.patterns.length} patterns; ` +
    (failing.length ? `validation fails (${failing.join(', ')}) ✗` : 'validation passes ✓');
  const parts = sections(assessment);
  const text = [
    title,
    summary,
    ...parts.map((s) => {
      const lines = s.label.startsWith('Validation')
        ? assessment.validation.checks.map((c) => `${mark(c.pass)} ${c.id}: ${value(c.calculated)} ${c.unit} (required ${value(c.required)}) — ${c.explain}`)
        : s.lines.map((l) => (l.startsWith('[ ]') || l.startsWith('✓') || l.startsWith('✗') ? l : `- ${l}`));
      return `\n${s.label}\n${lines.join('\n')}`;
    }),
  ].join('\n');
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
