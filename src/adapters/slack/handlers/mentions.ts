import type { App } from '@slack/bolt';
import { converse } from '../converse.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { slackTurn, stripBotMention, unescapeSlackText, workspaceOf } from '../slack-turn.ts';

/** `@Quorum …` in a channel: answered in a thread under the question (or in the thread it was asked in). */
export function registerMentions(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, context, client }) => {
    if (event.bot_id || (event.subtype && event.subtype !== 'thread_broadcast')) return;
    const user = event.user;
    if (!user) return;
    const thread = event.thread_ts ?? event.ts;
    const text = stripBotMention(unescapeSlackText(event.text ?? ''), context.botUserId) || 'help';
    const turn = slackTurn({ workspace: workspaceOf(context), channel: event.channel, thread, user, text, via: 'mention' });
    await converse(deps, client, turn, { channel: event.channel, user, threadTs: thread });
  });
}
