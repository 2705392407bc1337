import type { webApi } from '@slack/bolt';
import type { Reply } from '../../dialog/reply.ts';
import type { Turn } from '../../dialog/turn.ts';
import { explain, sendReplies, type Destination } from './post-replies.ts';
import type { SlackDeps } from './slack-deps.ts';
import { friendlyPostError } from './slack-errors.ts';

/** Asks the core, never letting a surprise escape: a bug becomes a logged error and a friendly private note. */
export async function askCore(deps: SlackDeps, client: webApi.WebClient, turn: Turn, to: Destination): Promise<Reply[] | undefined> {
  try {
    return await deps.quorum.core.handle(turn);
  } catch (err) {
    deps.log(err, { where: 'slack core', workspace: turn.workspace, channel: turn.channel, thread: turn.thread });
    await explain(client, to, friendlyPostError(err), deps.log);
    return undefined;
  }
}

/** One turn, start to finish: the core's replies rendered and sent to `to`; clicks come back to `turn.thread`. */
export async function converse(
  deps: SlackDeps,
  client: webApi.WebClient,
  turn: Turn,
  to: Destination,
  share?: string,
): Promise<{ ok: boolean }> {
  const replies = await askCore(deps, client, turn, to);
  if (!replies) return { ok: false };
  return sendReplies(client, replies, to, { context: { thread: turn.thread }, log: deps.log, ...(share !== undefined && { share }) });
}
