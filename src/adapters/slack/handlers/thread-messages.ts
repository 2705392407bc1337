import type { App } from '@slack/bolt';
import { parseCommand } from '../../../dialog/command-parser.ts';
import { readSessionState } from '../../../dialog/session-state.ts';
import type { ThreadKey } from '../../../dialog/ports/design-store.ts';
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
 * Whether a message in a thread is meant for Quorum: every message while an interview (or a delete
 * confirmation) is pending; otherwise only commands, and only in threads Quorum already talks in.
 */
async function isForQuorum(deps: SlackDeps, key: ThreadKey, text: string): Promise<boolean> {
  const store = deps.quorum.stores.designs;
  const session = await store.getSession(key);
  if (session) {
    const { state } = readSessionState(session.state, new Date().toISOString());
    if (state.mode !== 'idle') return true;
  }
  if (!session && !(await store.getDesign(key))) return false;
  try {
    const command = parseCommand(text);
    return command.type !== 'text' && command.type !== 'question';
  } catch {
    return true; // a malformed command ("set" alone): the person meant us, and gets the explanation
  }
}

/**
 * Replies in an interview thread advance it; a direct message is a thread of its own. Bots (this one
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
      const turn = slackTurn({ workspace, channel: message.channel, thread: message.channel, user: message.user, text: text || 'help' });
      await converse(deps, client, turn, { channel: message.channel, user: message.user });
      return;
    }
    const thread = message.thread_ts;
    if (!thread || thread === message.ts || text === '') return;
    if (context.botUserId && raw.includes(`<@${context.botUserId}`)) return; // app_mention answers it
    const key = { platform: 'slack', workspace, channel: message.channel, thread };
    if (!(await isForQuorum(deps, key, text))) return;
    const turn = slackTurn({ workspace, channel: message.channel, thread, user: message.user, text });
    await converse(deps, client, turn, { channel: message.channel, user: message.user, threadTs: thread });
  });
}
