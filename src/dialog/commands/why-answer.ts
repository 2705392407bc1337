import type { Reply } from '../reply.ts';
import { infoReply, noDesignReply, titledReply } from '../replies/basic-replies.ts';
import { lookupAnswer } from '../replies/lookup-answer.ts';
import { checkAnswer } from './check-answer.ts';
import type { CommandContext } from './command.ts';

/** Why an entry is in the design (or, `negative`, why it is not); a check id explains its figure; anything else is searched. */
export async function whyAnswer(ctx: CommandContext, id: string, negative: boolean): Promise<Reply> {
  const entry = ctx.catalog.get(id);
  if (!entry) return (negative ? undefined : checkAnswer(ctx, id, true)) ?? lookupAnswer(ctx, id);
  const latest = ctx.design?.versions.at(-1);
  if (!latest) return noDesignReply();
  const result = await ctx.assessor.assess(latest.requirements, { edits: latest.edits ?? [] });
  const why = result.why(entry.id);
  const name = `${entry.name} (${entry.id})`;
  if (!negative || why !== null) {
    if (why === null) return infoReply(`${name} is not in this design.`, [{ label: `Why not ${entry.id}?`, value: `why not ${entry.id}` }]);
    const lead = negative ? `${name} is in the design. What put it there:` : `Why ${name} is in the design:`;
    return titledReply('info', `Why ${entry.id}`, [lead, ...why.map((w) => `• ${w}`)].join('\n'));
  }
  const reasons = result.whyNot(entry.id);
  const lines = reasons.length > 0 ? reasons : ['No rule in the framework brings it in for requirements like these.'];
  // Only primitives and patterns can be put in by hand; the reply names the exact command.
  const editable = entry.kind === 'primitive' || entry.kind === 'pattern';
  if (editable) lines.push(`To put it in by hand: add ${entry.id} (the design is re-validated and saved as a new version).`);
  const choices = editable ? [{ label: `Add ${entry.id}`, value: `add ${entry.id}` }] : [];
  const body = [`Why ${name} is not in the design:`, ...lines.map((w) => `• ${w}`)].join('\n');
  return titledReply('info', `Why not ${entry.id}`, body, choices.length > 0 ? { choices } : {});
}
