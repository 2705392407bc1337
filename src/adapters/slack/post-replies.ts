import type { RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../../dialog/reply.ts';
import { renderBlocks, type RenderOptions, type SlackMessage } from './render-blocks.ts';
import type { SlackLog } from './slack-deps.ts';
import { friendlyPostError, platformErrorCode } from './slack-errors.ts';

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

async function postMessage(client: webApi.WebClient, message: SlackMessage, to: Destination): Promise<void> {
  if (to.ephemeral && to.respond) {
    await to.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
  } else if (to.ephemeral) {
    await client.chat.postEphemeral({
      channel: to.channel,
      user: to.user,
      text: message.text,
      blocks: message.blocks,
      link_names: false,
      ...(to.threadTs && { thread_ts: to.threadTs }),
    });
  } else {
    await client.chat.postMessage({
      channel: to.channel,
      text: message.text,
      blocks: message.blocks,
      link_names: false,
      unfurl_links: false,
      unfurl_media: false,
      ...(to.threadTs && { thread_ts: to.threadTs }),
    });
  }
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
 * Renders and sends the core's replies in order, attaching exported files. When Slack refuses a
 * message, the user gets a private explanation of what to do and the rest is not sent.
 */
export async function sendReplies(
  client: webApi.WebClient,
  replies: Reply[],
  to: Destination,
  options: RenderOptions & { log: SlackLog },
): Promise<{ ok: boolean }> {
  try {
    for (const [index, reply] of replies.entries()) {
      const share = index === replies.length - 1 ? options.share : undefined;
      for (const message of renderBlocks(reply, { context: options.context, ...(share !== undefined && { share }) })) {
        await postMessage(client, message, to);
      }
      if (reply.file) {
        const { name, content } = reply.file;
        // Text goes up as `content`, a picture's bytes as `file`.
        const file = typeof content === 'string' ? { filename: name, title: name, content } : { filename: name, title: name, file: Buffer.from(content) };
        await client.files.uploadV2(
          to.threadTs ? { ...file, channel_id: to.channel, thread_ts: to.threadTs } : { ...file, channel_id: to.channel },
        );
      }
    }
    return { ok: true };
  } catch (err) {
    const slackError = platformErrorCode(err);
    options.log(err, { where: 'slack send', channel: to.channel, user: to.user, thread: to.threadTs, slackError });
    await explain(client, to, friendlyPostError(err), options.log);
    return { ok: false };
  }
}
