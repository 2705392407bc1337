import type { types } from '@slack/bolt';
import type { Assessment } from '../../dialog/reply.ts';
import { escapeMrkdwn, truncate } from './mrkdwn.ts';
import { sectionBlocks } from './section-blocks.ts';
import { slackLimits } from './slack-limits.ts';

const severityMark: Record<Assessment['warnings'][number]['severity'], string> = {
  high: ':red_circle: high',
  medium: ':large_orange_circle: medium',
  low: ':white_circle: low',
};

function list(heading: string, lines: string[]): types.KnownBlock[] {
  if (lines.length === 0) return [];
  return sectionBlocks(`*${heading}* (${lines.length})\n${lines.join('\n')}`);
}

function figure(value: number | string | null, unit: string): string {
  if (value === null) return '—';
  const shown = typeof value === 'number' ? (Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toPrecision(6)))) : value;
  return escapeMrkdwn(unit ? `${shown} ${unit}` : String(shown));
}

/** The validation checks as side-by-side fields, ten to a section. */
function checkBlocks(checks: Assessment['validation']['checks']): types.KnownBlock[] {
  const fields = checks.map((check) => ({
    type: 'mrkdwn' as const,
    text: truncate(
      `${check.pass ? ':white_check_mark:' : ':x:'} *${escapeMrkdwn(check.id)}*\nneeds ${figure(check.required, check.unit)}, ` +
        `gets ${figure(check.calculated, check.unit)}\n_${escapeMrkdwn(check.explain)}_`,
      slackLimits.fieldText,
    ),
  }));
  const blocks: types.KnownBlock[] = [];
  for (let at = 0; at < fields.length; at += slackLimits.fieldsPerSection) {
    blocks.push({ type: 'section', fields: fields.slice(at, at + slackLimits.fieldsPerSection) });
  }
  return blocks;
}

/** The body of an assessment card: every recommendation with its reasons, the figures, warnings and picks. */
export function assessmentBlocks(assessment: Assessment): types.KnownBlock[] {
  const reasons = (r: string[]) => escapeMrkdwn(r.join('; '));
  const { validation } = assessment;
  const verdict = validation.pass
    ? ':white_check_mark: The numbers hold up: every check passes.'
    : `:warning: ${validation.checks.filter((c) => !c.pass).length} of ${validation.checks.length} checks fail.`;
  return [
    ...sectionBlocks(verdict),
    ...list('Capabilities', assessment.capabilities.map((c) => `• *${escapeMrkdwn(c.id)}* — ${reasons(c.reasons)}`)),
    ...list('Primitives', assessment.primitives.map((p) => `• *${escapeMrkdwn(`${p.id} ${p.name}`)}* — ${reasons(p.reasons)}`)),
    ...list('Patterns', assessment.patterns.map((p) => `• *${escapeMrkdwn(p.name)}* (\`${escapeMrkdwn(p.id)}\`) — ${reasons(p.reasons)}`)),
    ...list('Near misses', assessment.nearMisses.map((n) => `• *${escapeMrkdwn(n.pattern)}* would also need ${escapeMrkdwn(n.missing.join(', '))}`)),
    ...(validation.checks.length > 0 ? [...sectionBlocks('*Validation*'), ...checkBlocks(validation.checks)] : []),
    ...list('Warnings', assessment.warnings.map((w) => `• ${severityMark[w.severity]} *${escapeMrkdwn(w.id)}* — ${escapeMrkdwn(w.message)}`)),
    ...list('Proof obligations', assessment.obligations.map((o) => `• *${escapeMrkdwn(o.pattern)}*: ${escapeMrkdwn(o.text)}`)),
    ...list('Technologies', assessment.technologies.map((t) => `• *${escapeMrkdwn(t.for)}*: ${escapeMrkdwn(t.pick)} — ${escapeMrkdwn(t.why)}`)),
  ];
}
