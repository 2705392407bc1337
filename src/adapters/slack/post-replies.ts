import { randomUUID } from 'node:crypto';
import type { RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../../dialog/reply.ts';
import type { Delivered, ReplyQueue, SendStep } from '../../ops/reply-queue.ts';
import { renderBlocks, type RenderOptions, type SlackMessage } from './render-blocks.ts';
import type { SlackLog } from './slack-deps.ts';
import { friendlyPostError, judgeSlackFailure, platformErrorCode } from './slack-errors.ts';

/** Where replies go: a thread (or the top level of a channel or DM), or privately to one user. */
export interface Destination {
  channel: string;
  user: string;
  /** The thread to post into; undefined posts at the top level. */
  threadTs?: string;
  /** Only the user sees the answer: through `respond` when there is one, else chat.postEphemeral. */
  ephemeral?: boolean;
  respond?: RespondFn;
}

/** The metadata that tags each message Quorum posts, so a retry can tell whether an earlier try landed. */
const replyEventType = 'quorum_reply';

/** Posts one message; for a public post, answers its ts. */
async function postMessage(client: webApi.WebClient, message: SlackMessage, to: Destination, delivery?: string): Promise<string | undefined> {
  if (to.ephemeral && to.respond) {
    await to.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
    return undefined;
  }
  if (to.ephemeral) {
    await client.chat.postEphemeral({
      channel: to.channel,
      user: to.user,
      text: message.text,
      blocks: message.blocks,
      link_names: false,
      ...(to.threadTs && { thread_ts: to.threadTs }),
    });
    return undefined;
  }
  const posted = await client.chat.postMessage({
    channel: to.channel,
    text: message.text,
    blocks: message.blocks,
    link_names: false,
    unfurl_links: false,
    unfurl_media: false,
    ...(to.threadTs && { thread_ts: to.threadTs }),
    ...(delivery && { metadata: { event_type: replyEventType, event_payload: { delivery } } }),
  });
  return posted.ts;
}

/** The ts of the message tagged `delivery` when it is in the thread (or channel) already, posted since `since` (a Slack ts). */
async function findPosted(client: webApi.WebClient, to: Destination, delivery: string, since: string): Promise<string | undefined> {
  const page = to.threadTs
    ? await client.conversations.replies({ channel: to.channel, ts: to.threadTs, oldest: since, include_all_metadata: true, limit: 100 })
    : await client.conversations.history({ channel: to.channel, oldest: since, include_all_metadata: true, limit: 100 });
  const tagged = (page.messages ?? []).find((m) => {
    const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
    return m.metadata?.event_type === replyEventType && payload?.delivery === delivery;
  });
  return tagged?.ts;
}

/** A message as a step of the reply queue; `ts()` is the posted message's once it went out (public posts). */
export interface MessageStep extends SendStep {
  ts(): string | undefined;
}

/**
 * One message as a step of the reply queue. A public post that may have landed (a timeout) is looked
 * for in the thread before it is sent again, so it never shows twice. A private one is sent again
 * without looking (Slack keeps no history of it): at worst the asker alone sees it twice.
 */
export function messageStep(client: webApi.WebClient, message: SlackMessage, to: Destination): MessageStep {
  const delivery = to.ephemeral ? undefined : randomUUID();
  // A minute back from our clock: a look into the thread reads only what was posted lately, whatever its length.
  const since = (Date.now() / 1000 - 60).toFixed(6);
  let ts: string | undefined;
  return {
    retryUncertain: true,
    async send(afterUncertain) {
      if (delivery && afterUncertain) ts = await findPosted(client, to, delivery, since);
      if (ts === undefined) ts = await postMessage(client, message, to, delivery);
    },
    async landed() {
      if (delivery) ts = await findPosted(client, to, delivery, since);
      return ts !== undefined;
    },
    ts: () => ts,
  };
}

/** An export file as a step: Slack's three-call upload cannot be checked for, so one that may have landed is not sent again. */
function fileStep(client: webApi.WebClient, file: NonNullable<Reply['file']>, to: Destination): SendStep {
  const { name, content } = file;
  // Text goes up as `content`, a picture's bytes as `file`.
  const upload = typeof content === 'string' ? { filename: name, title: name, content } : { filename: name, title: name, file: Buffer.from(content) };
  return {
    retryUncertain: false,
    async send() {
      await client.files.uploadV2(to.threadTs ? { ...upload, channel_id: to.channel, thread_ts: to.threadTs } : { ...upload, channel_id: to.channel });
    },
  };
}

/** Messages of one thread (and one person's private ones in it) keep their order among themselves. */
function orderKey(to: Destination): string {
  return `${to.channel}/${to.threadTs ?? ''}${to.ephemeral ? `/${to.user}` : ''}`;
}

/** What a person is told when a reply could not be posted, by why it stopped. */
export function givenUpNote(failed: NonNullable<Delivered['failed']>): string {
  if (failed.reason === 'permanent') return friendlyPostError(failed.error);
  if (failed.reason === 'uncertain') return 'Slack may not have shown all of my answer. Your design is saved; if something is missing, ask me again.';
  return "I couldn't post my full answer: Slack kept failing for a while. Your design is saved; ask me again in a moment.";
}

/**
 * Tells one user something privately: through `respond` (works even where the bot is not a member),
 * else chat.postEphemeral. Never throws; a failure is logged.
 */
export async function explain(client: webApi.WebClient, to: Destination, text: string, log: SlackLog): Promise<void> {
  try {
    await postMessage(client, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }, { ...to, ephemeral: true });
  } catch (err) {
    log(err, { where: 'slack explain', channel: to.channel, user: to.user, slackError: platformErrorCode(err) });
  }
}

/**
 * Renders and sends the core's replies in order through the reply queue, attaching exported files.
 * A message Slack refuses for good, or keeps failing past the retries, stops the rest: the user gets a
 * private note of what to do (an operator the log line and quorum_replies_lost_total).
 */
export async function sendReplies(
  client: webApi.WebClient,
  replies: Reply[],
  to: Destination,
  options: RenderOptions & { log: SlackLog; queue: ReplyQueue },
): Promise<{ ok: boolean }> {
  const steps: SendStep[] = [];
  for (const [index, reply] of replies.entries()) {
    const share = index === replies.length - 1 ? options.share : undefined;
    for (const message of renderBlocks(reply, { context: options.context, ...(share !== undefined && { share }) })) steps.push(messageStep(client, message, to));
    if (reply.file) steps.push(fileStep(client, reply.file, to));
  }
  const delivered = await options.queue.deliver({
    platform: 'slack',
    key: orderKey(to),
    steps,
    judge: judgeSlackFailure,
    context: { where: 'slack send', channel: to.channel, user: to.user, thread: to.threadTs },
  });
  if (!delivered.failed) return { ok: true };
  await explain(client, to, givenUpNote(delivered.failed), options.log);
  return { ok: false };
}
