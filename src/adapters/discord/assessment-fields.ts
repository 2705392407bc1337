import type { Field } from '../../dialog/reply.ts';
import type { Assessment } from '../../rules/assessment.ts';

const bullet = (lines: string[]): string => lines.map((l) => `• ${l}`).join('\n');

/**
 * Fields for an assessment card, used when the reply carries the assessment but no fields of its
 * own: what is recommended and why, the checks with figures, warnings, obligations and technologies.
 */
export function assessmentFields(a: Assessment): Field[] {
  const fields: Field[] = [];
  const add = (label: string, lines: string[]) => lines.length > 0 && fields.push({ label, value: bullet(lines) });
  add('Capabilities', a.capabilities.map((c) => `${c.id}: ${c.reasons.join('; ')}`));
  add('Primitives', a.primitives.map((p) => `${p.id} ${p.name}: ${p.reasons.join('; ')}`));
  add('Patterns', a.patterns.map((p) => `${p.name} (${p.id}): ${p.reasons.join('; ')}`));
  add('Near misses', a.nearMisses.map((n) => `${n.pattern} needs ${n.missing.join(', ')}`));
  add(
    `Checks (${a.validation.pass ? 'all pass' : 'some fail'})`,
    a.validation.checks.map((c) => `${c.pass ? 'PASS' : 'FAIL'} ${c.id}: ${c.explain}`),
  );
  add('Warnings', a.warnings.map((w) => `[${w.severity}] ${w.message}`));
  add('Proof obligations', a.obligations.map((o) => `☐ ${o.pattern}: ${o.text}`));
  add('Technologies', a.technologies.map((t) => `${t.for}: ${t.pick} (${t.why})`));
  return fields;
}
