import { normalizeId } from '../../catalog/catalog.ts';
import type { Reply } from '../reply.ts';
import { checkReply, contractCheckIds, noAssessmentReply } from '../replies/formulas-reply.ts';
import type { CommandContext } from './command.ts';

/**
 * The answer about a validation check named like `availability` (catalog ids win, so this is asked only
 * when the id is no catalog entry); undefined when it names no check of the latest assessment. Without
 * a design, `why availability` is told there is nothing to explain yet, while `explain …` stays a search.
 */
export function checkAnswer(ctx: CommandContext, id: string, askedWhy: boolean): Reply | undefined {
  const wanted = normalizeId(id);
  const latest = ctx.design?.versions.at(-1);
  if (!latest) return askedWhy && contractCheckIds.some((c) => normalizeId(c) === wanted) ? noAssessmentReply() : undefined;
  const check = latest.assessment.validation.checks.find((c) => normalizeId(c.id) === wanted);
  return check ? checkReply(check) : undefined;
}
