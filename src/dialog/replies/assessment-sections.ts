import type { Assessment } from '../../rules/assessment.ts';
import type { Choice, Field, Reply } from '../reply.ts';
import { warningTitle, warningWhy } from './assessment-reply.ts';

/**
 * The parts of an assessment the card leaves out, one reply each (`reasons`, `risks`, `obligations`,
 * `technologies`): every item in full, in fields that fit every platform.
 */

const fieldLimit = 1000;

/** Packs lines into field values under the platform limit, cutting a single over-long line. */
function chunk(lines: string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.length > fieldLimit - 2 ? `${raw.slice(0, fieldLimit - 3)}…` : raw;
    const next = current ? `${current}\n${line}` : line;
    if (next.length >= fieldLimit) {
      chunks.push(current);
      current = line;
    } else current = next;
  }
  if (current) chunks.push(current);
  return chunks;
}

interface Section {
  label: string;
  lines: string[];
}

const needOf = (item: object): string => {
  const need = (item as { need?: unknown }).need;
  return typeof need === 'string' ? ` (${need})` : '';
};

/** A reply of labelled sections: fields for the chat platforms, the same lines as text for the terminal. */
function sectionsReply(title: string, summary: string, sections: Section[], choices: Choice[]): Reply {
  const parts = sections.filter((s) => s.lines.length > 0);
  const fields: Field[] = parts.flatMap((s) => chunk(s.lines).map((value, i) => ({ label: i === 0 ? s.label : `${s.label} (continued)`, value })));
  const text = [title, summary, ...parts.map((s) => `\n${s.label}\n${s.lines.join('\n')}`)].join('\n');
  return { kind: 'info', title, summary, text, fields, choices };
}

const back: Choice = { label: 'Card', value: 'card' };

/** Capabilities, primitives and patterns with their need and every reason. */
export function reasonsReply(a: Assessment, designTitle: string): Reply {
  const reasoned = (id: string, name: string | undefined, item: object, reasons: string[]) =>
    `- ${name ? `${id} ${name}` : id}${needOf(item)}: ${reasons.join('; ')}`;
  return sectionsReply(
    `Reasons — ${designTitle}`,
    `${a.capabilities.length} capabilities, ${a.primitives.length} primitives and ${a.patterns.length} patterns, each with the answers and rules behind it.`,
    [
      { label: 'Capabilities', lines: a.capabilities.map((c) => reasoned(c.id, undefined, c, c.reasons)) },
      { label: 'Primitives', lines: a.primitives.map((p) => reasoned(p.id, p.name, p, p.reasons)) },
      { label: 'Patterns', lines: a.patterns.map((p) => reasoned(p.id, p.name, p, p.reasons)) },
      { label: 'Near misses', lines: a.nearMisses.map((n) => `- ${n.pattern} would also need ${n.missing.join(', ')}`) },
    ],
    [back, { label: 'Diagram', value: 'diagram' }],
  );
}

/** Every risk, highest first, with why it applies here and the whole message. */
export function risksReply(a: Assessment, designTitle: string): Reply {
  const lines = a.warnings.map((w) => {
    const why = warningWhy(w);
    return `[${w.severity}] ${warningTitle(w)} (${w.id})${why ? `\n  why here: ${why}` : ''}\n  ${w.message}`;
  });
  return sectionsReply(
    `Risks — ${designTitle}`,
    a.warnings.length === 0 ? 'No risk specific to this design was found.' : `${a.warnings.length} risks, highest first.`,
    [{ label: 'Risks', lines }],
    [back, { label: 'Obligations', value: 'obligations' }],
  );
}

/** Every proof obligation as a checklist. */
export function obligationsReply(a: Assessment, designTitle: string): Reply {
  return sectionsReply(
    `Proof obligations — ${designTitle}`,
    a.obligations.length === 0 ? 'The chosen patterns bring no proof obligations.' : `${a.obligations.length} things to prove before this design is trusted.`,
    [{ label: 'Proof obligations', lines: a.obligations.map((o) => `[ ] ${o.pattern}: ${o.text}`) }],
    [back, { label: 'Risks', value: 'risks' }],
  );
}

/** Every technology pick with its reason. */
export function technologiesReply(a: Assessment, designTitle: string): Reply {
  return sectionsReply(
    `Technologies — ${designTitle}`,
    a.technologies.length === 0 ? 'No technology pick is needed beyond the app itself.' : `${a.technologies.length} concrete picks from the framework's selection table.`,
    [{ label: 'Technologies', lines: a.technologies.map((t) => `- ${t.for}: ${t.pick} — ${t.why}`) }],
    [back, { label: 'Diagram', value: 'diagram' }],
  );
}
