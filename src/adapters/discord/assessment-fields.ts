import { assessmentReply } from '../../dialog/replies/assessment-reply.ts';
import type { Field } from '../../dialog/reply.ts';
import type { Assessment } from '../../rules/assessment.ts';

/**
 * Fields for an assessment card, used when the reply carries the assessment but no fields of its
 * own: the same compact sections as the card (first reasons, figures, top warnings and obligations),
 * so every Discord card stays short; everything else is in `export`.
 */
export function assessmentFields(a: Assessment): Field[] {
  return assessmentReply(a).fields ?? [];
}
