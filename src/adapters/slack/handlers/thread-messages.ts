import type { App } from '@slack/bolt';
import { converse } from '../converse.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { slackTurn, stripBotMention, unescapeSlackText, workspaceOf } from '../slack-turn.ts';

/** The message fields this handler reads (Slack's message event union is wide; these are common to the ones we take). */
interface PlainMessage {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
}

/**
 * Replies in a thread go to the core as `reply` turns (it decides whether they are for Quorum, and says
 * so); a direct message is a thread of its own. Bots (this one
 * included), edits, joins and other message subtypes are ignored; mentions are left to the mention handler.
 */
export function registerThreadMessages(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, context, client }) => {
    const message = event as unknown as PlainMessage;
    if (message.subtype || message.bot_id || !message.user || message.user === context.botUserId) return;
    const raw = unescapeSlackText(message.text ?? '');
    const text = stripBotMention(raw, context.botUserId);
    const workspace = workspaceOf(context);
    if (message.channel_type === 'im') {
      const turn = slackTurn({ workspace, channel: message.channel, thread: message.channel, user: message.user, text: text || 'help', via: 'direct' });
      await converse(deps, client, turn, { channel: message.channel, user: message.user });
      return;
    }
    const thread = message.thread_ts;
    if (!thread || thread === message.ts || text === '') return;
    if (context.botUserId && raw.includes(`<@${context.botUserId}`)) return; // app_mention answers it
    const turn = slackTurn({ workspace, channel: message.channel, thread, user: message.user, text, via: 'reply' });
    await converse(deps, client, turn, { channel: message.channel, user: message.user, threadTs: thread });
  });
}
