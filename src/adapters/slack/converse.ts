import type { webApi } from '@slack/bolt';
import type { Turn } from '../../dialog/turn.ts';
import type { TurnResult } from '../../dialog/turn-result.ts';
import { releaseEventClaim } from './drop-retries.ts';
import { explain, sendReplies, type Destination } from './post-replies.ts';
import type { SlackDeps } from './slack-deps.ts';
import { friendlyPostError } from './slack-errors.ts';
import { isWorkspaceAdmin } from './workspace-admin.ts';

/** Asks the core, never letting a surprise escape: a bug becomes a logged error and a friendly private note. */
export async function askCore(deps: SlackDeps, client: webApi.WebClient, turn: Turn, to: Destination): Promise<TurnResult | undefined> {
  try {
    // Only an admin-only command costs a users.info call; the core decides which those are.
    const admin = deps.quorum.core.needsAdmin(turn) && (await isWorkspaceAdmin(client, turn.user, deps.log));
    return await deps.quorum.core.handle(admin ? { ...turn, admin } : turn);
  } catch (err) {
    deps.log(err, { where: 'slack core', workspace: turn.workspace, channel: turn.channel, thread: turn.thread });
    await explain(client, to, friendlyPostError(err), deps.log);
    return undefined;
  }
}

/** Where the core's answer goes: privately to the speaker when the core says so, else to `to`. */
export function destinationFor(result: TurnResult, to: Destination): Destination {
  return result.private && !to.ephemeral ? { channel: to.channel, user: to.user, ephemeral: true, ...(to.respond && { respond: to.respond }) } : to;
}

/**
 * One turn, start to finish: the core's replies rendered and sent to `to` (privately when the core
 * says so, nothing when the message was not for Quorum); clicks come back to the thread the core acted on.
 */
export async function converse(
  deps: SlackDeps,
  client: webApi.WebClient,
  turn: Turn,
  to: Destination,
  share?: string,
): Promise<{ ok: boolean }> {
  const result = await askCore(deps, client, turn, to);
  // Nothing was saved (the store failed, or the core did): Slack's retry of this event, if it comes, is handled.
  if (!result || result.replies.some((r) => r.error?.code === 'store_unavailable')) await releaseEventClaim();
  if (!result) return { ok: false };
  if (!result.forQuorum) return { ok: true };
  const context = { thread: result.thread };
  return sendReplies(client, result.replies, destinationFor(result, to), { context, log: deps.log, queue: deps.replies, ...(share !== undefined && { share }) });
}
