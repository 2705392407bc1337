import type { App, RespondFn, webApi } from '@slack/bolt';
import { converse } from '../converse.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { explain, givenUpNote, messageStep, type Destination } from '../post-replies.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { friendlyPostError, judgeSlackFailure } from '../slack-errors.ts';
import { slackTurn, unescapeSlackText, workspaceOf } from '../slack-turn.ts';

/** The part of a slash command payload this handler reads. */
interface CommandPayload {
  text: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
}

/** One /quorum invocation: who, where, and how to answer them privately. */
interface Invocation {
  deps: SlackDeps;
  client: webApi.WebClient;
  command: CommandPayload;
  workspace: string;
  respond: RespondFn;
}

/** Lookup subcommands, passed to the dialog as typed: `law <q>` and its siblings keep their kind filter there. */
const lookupWords = new Set(['lookup', 'search', 'law', 'pattern', 'primitive', 'capability', 'show']);
const maxShareLength = 500;

function privately(inv: Invocation): Destination {
  return { channel: inv.command.channel_id, user: inv.command.user_id, ephemeral: true, respond: inv.respond };
}

/** A private turn: each user has their own scratch conversation per channel for slash commands (the core keys it). */
function privateTurn(inv: Invocation, text: string) {
  const { command } = inv;
  return slackTurn({ workspace: inv.workspace, channel: command.channel_id, thread: command.channel_id, user: command.user_id, text, via: 'slash', private: true });
}

/**
 * Posts the opening message of a new thread in the channel through the reply queue; when Slack will
 * not take it, tells the user why and returns undefined.
 */
async function openThread(inv: Invocation, text: string): Promise<string | undefined> {
  const to = { channel: inv.command.channel_id, user: inv.command.user_id };
  const opener = messageStep(inv.client, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }, to);
  const delivered = await inv.deps.replies.deliver({
    platform: 'slack',
    key: `${to.channel}/`,
    steps: [opener],
    judge: judgeSlackFailure,
    context: { where: 'slack open thread', channel: to.channel, user: to.user },
  });
  const ts = opener.ts();
  if (delivered.failed) await explain(inv.client, privately(inv), givenUpNote(delivered.failed), inv.deps.log);
  else if (!ts) inv.deps.log(new Error('chat.postMessage answered no ts'), { where: 'slack open thread', channel: to.channel, user: to.user });
  return delivered.failed ? undefined : ts;
}

/** `/quorum design [<name>]`: a new thread, where the core starts the (named) design. */
async function startDesign(inv: Invocation, name: string): Promise<void> {
  const who = escapeMrkdwn(inv.command.user_name ?? 'someone');
  const what = name === '' ? 'a design interview' : `the design "${escapeMrkdwn(truncate(name, 200))}"`;
  const thread = await openThread(inv, `:building_construction: ${who} started ${what}. Answer in this thread.`);
  if (!thread) return;
  const text = name === '' ? 'design' : `design ${name}`;
  const turn = slackTurn({ workspace: inv.workspace, channel: inv.command.channel_id, thread, user: inv.command.user_id, text, via: 'slash' });
  await converse(inv.deps, inv.client, turn, { channel: inv.command.channel_id, user: inv.command.user_id, threadTs: thread });
}

/** `/quorum assess <free text>`: a new thread, where the core reads the words and assesses them (as `assess <words>` anywhere). */
async function assessText(inv: Invocation, text: string): Promise<void> {
  const who = escapeMrkdwn(inv.command.user_name ?? 'someone');
  const thread = await openThread(inv, `:bar_chart: ${who} asked for an assessment of: ${escapeMrkdwn(truncate(text, 1000))}`);
  if (!thread) return;
  const turn = slackTurn({ workspace: inv.workspace, channel: inv.command.channel_id, thread, user: inv.command.user_id, text: `assess ${text}`, via: 'slash' });
  await converse(inv.deps, inv.client, turn, { channel: inv.command.channel_id, user: inv.command.user_id, threadTs: thread });
}

async function dispatch(inv: Invocation): Promise<void> {
  const text = unescapeSlackText(inv.command.text ?? '').trim();
  const space = text.indexOf(' ');
  const sub = (space === -1 ? text : text.slice(0, space)).toLowerCase();
  const rest = space === -1 ? '' : text.slice(space + 1).trim();
  if (sub === 'design') return startDesign(inv, rest);
  if (sub === 'assess' && rest !== '') return assessText(inv, rest);
  if (sub === '' || sub === 'help') return void (await converse(inv.deps, inv.client, privateTurn(inv, 'help'), privately(inv)));
  if (sub === 'designs') return void (await converse(inv.deps, inv.client, privateTurn(inv, 'designs'), privately(inv)));
  // Private, and never offered for sharing: the confirmation is the asker's own.
  if (sub === 'forget-workspace') return void (await converse(inv.deps, inv.client, privateTurn(inv, text), privately(inv)));
  if (lookupWords.has(sub) && rest !== '') {
    const turnText = `${sub} ${rest}`;
    const share = turnText.length <= maxShareLength ? turnText : undefined;
    return void (await converse(inv.deps, inv.client, privateTurn(inv, turnText), privately(inv), share));
  }
  // Anything else ("/quorum what is CAP?") is a question or a chat command; answer it privately.
  await converse(inv.deps, inv.client, privateTurn(inv, text), privately(inv), text.length <= maxShareLength ? text : undefined);
}

/** `/quorum <sub>`: acknowledged at once, then answered privately (lookups, help) or in a new thread (design, assess). */
export function registerSlashCommand(app: App, deps: SlackDeps): void {
  app.command('/quorum', async ({ command, ack, respond, client, context }) => {
    await ack();
    const inv: Invocation = { deps, client, command, workspace: workspaceOf(context), respond };
    try {
      await dispatch(inv);
    } catch (err) {
      deps.log(err, { where: 'slack /quorum', channel: command.channel_id, user: command.user_id });
      await explain(client, privately(inv), friendlyPostError(err), deps.log);
    }
  });
}
