import type { DesignEdit } from '../rules/design-edits.ts';
import type { Requirements } from '../rules/requirements.ts';
import type { CommandContext, CommandOutcome } from './commands/command.ts';
import type { Design, DesignVersion } from './ports/design-store.ts';
import type { Reply } from './reply.ts';
import { diffVersions } from './design-diff.ts';
import { latestOf } from './design-versions.ts';
import { infoReply } from './replies/basic-replies.ts';
import { cardReply } from './replies/card-reply.ts';
import { whatIfReply } from './replies/what-if-reply.ts';
import { planDeltaReply } from './plan-effects.ts';

/** A what-if's reply: what changed since the previous version first, the new verdict next, the full card one word away. */
function whatIfCard(design: Design, previous: DesignVersion, latest: DesignVersion): Reply {
  const diff = diffVersions(previous, latest);
  const choices = [
    { label: 'Full card', value: 'card' },
    { label: 'Diagram', value: 'diagram' },
    { label: 'Risks', value: 'risks' },
    { label: 'Checks', value: 'checks' },
    { label: `Diff v${previous.version} → v${latest.version}`, value: `diff ${previous.version} ${latest.version}` },
  ];
  const versions = { from: previous.version, to: latest.version, before: previous.assessment, after: latest.assessment };
  return { ...whatIfReply(diff, versions, { title: design.title, choices }), design: { id: design.id, version: latest.version } };
}

/** The same JSON, whatever the order of object keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v);
}

/** Whether a new version would repeat the previous one: the same requirements, who gave them, hand edits and assessment. */
function unchanged(previous: DesignVersion, requirements: Requirements, answeredBy: Record<string, string>, edits: DesignEdit[], assessment: DesignVersion['assessment']): boolean {
  return canonical(previous.requirements) === canonical(requirements)
    && canonical(previous.answeredBy) === canonical(answeredBy)
    && canonical(previous.edits ?? []) === canonical(edits)
    && canonical(previous.assessment) === canonical(assessment);
}

/**
 * Assesses the requirements and saves them as the thread's next design version, replying with the
 * card, what changed since the previous version and what the change did to the plan. Hand edits
 * (add/drop) of the previous version carry over unless `newEdits` replaces them. A retried attempt
 * of the same turn reuses what it saved.
 */
export async function saveAssessment(
  ctx: CommandContext,
  state: CommandContext['state'],
  requirements: Requirements,
  answeredBy: Record<string, string>,
  cause: string,
  newEdits?: DesignEdit[],
): Promise<CommandOutcome> {
  if (ctx.saved) {
    const version = latestOf(ctx.saved.design).version;
    return { replies: ctx.saved.replies, state: { ...state, lastVersionSeen: version, title: undefined }, saved: ctx.saved };
  }
  const previous = ctx.design?.versions.at(-1);
  const edits = newEdits ?? previous?.edits ?? [];
  const { assessment } = await ctx.assessor.assess(requirements, { edits });
  // A turn that changes nothing (`assess` twice) saves no new version (interface.md).
  if (ctx.design && previous && unchanged(previous, requirements, answeredBy, edits, assessment)) {
    const replies = [infoReply(`Nothing changed since version ${previous.version}, so I saved no new version. Here is its card.`), cardReply(ctx.design, previous, false)];
    return { replies, state: { ...state, lastVersionSeen: previous.version, title: undefined } };
  }
  const title = ctx.design ? undefined : state.title;
  const design = await ctx.store.saveVersion(
    ctx.key,
    previous?.version ?? 0,
    { requirements, assessment, answeredBy, savedBy: ctx.turn.user, savedAt: ctx.now, cause, ...(edits.length > 0 && { edits }) },
    title,
  );
  const latest = latestOf(design);
  const replies = [previous ? whatIfCard(design, previous, latest) : cardReply(design, latest, true)];
  const delta = planDeltaReply(design);
  if (delta) replies.push(delta);
  const saved = { design, replies };
  return { replies, state: { ...state, lastVersionSeen: latest.version, title: undefined }, saved };
}
