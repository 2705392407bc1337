import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { decodeBlockContext, decodeButtonValue, decodeOwnerPick, linkActionPrefix, shareActionId, choiceActionPrefix, type ChoiceAction } from '../action-value.ts';
import { askCore, converse } from '../converse.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { explain, sendReplies, type Destination } from '../post-replies.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { friendlyPostError } from '../slack-errors.ts';
import { slackTurn, workspaceOf } from '../slack-turn.ts';

/** What a click stands for: a button's packed value, or a select's option plus its block's context. */
function readChoice(body: BlockAction): ChoiceAction | undefined {
  const action = body.actions[0];
  if (!action) return undefined;
  if (action.type === 'button') return decodeButtonValue(action.value);
  if (action.type === 'users_select') return decodeOwnerPick(action.block_id, action.selected_user);
  if (action.type === 'static_select' && action.selected_option) {
    const context = decodeBlockContext(action.block_id);
    return context && { ...context, value: action.selected_option.value };
  }
  return undefined;
}

/** Where the answer to a click goes: privately for private messages, else into the session's thread. */
function destinationOf(body: BlockAction, thread: string, respond: Destination['respond']): Destination | undefined {
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!channel) return undefined;
  const base = { channel, user: body.user.id, ...(respond && { respond }) };
  if (body.container?.is_ephemeral) return { ...base, ephemeral: true };
  // A direct message is its own thread: its key is the channel id, and answers go to the top level.
  return thread === channel ? base : { ...base, threadTs: thread };
}

/** "Share in channel": the private answer is asked again and posted for everyone; the private copy is removed. */
async function shareInChannel(deps: SlackDeps, client: webApi.WebClient, workspace: string, body: BlockAction, choice: ChoiceAction, to: Destination) {
  const turn = slackTurn({ workspace, channel: to.channel, thread: choice.thread, user: body.user.id, text: choice.value, via: 'slash', private: true });
  const result = await askCore(deps, client, turn, to);
  if (!result) return;
  const who = escapeMrkdwn(body.user.name ?? body.user.username ?? 'someone');
  const shared = [...result.replies, { kind: 'info' as const, text: `Shared by ${who}.` }];
  const sent = await sendReplies(client, shared, { channel: to.channel, user: to.user }, { context: { thread: result.thread }, log: deps.log, queue: deps.replies });
  if (sent.ok && to.respond) await to.respond({ delete_original: true }).catch((err: unknown) => deps.log(err, { where: 'slack share cleanup' }));
}

/** Buttons and menus: acknowledged at once; the click becomes a turn carrying the design version it was drawn for. */
export function registerBlockActions(app: App, deps: SlackDeps): void {
  const handle = (share: boolean) =>
    async ({ ack, body, client, context, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
      await ack();
      const choice = readChoice(body);
      const to = choice && destinationOf(body, choice.thread, respond);
      if (!choice || !to) {
        deps.log(new Error('unreadable Slack action'), { where: 'slack action', actionId: body.actions[0]?.action_id });
        if (respond) await respond({ response_type: 'ephemeral', replace_original: false, text: 'Sorry, I could not read that button. Please type your answer instead.' });
        return;
      }
      try {
        if (share) return await shareInChannel(deps, client, workspaceOf(context), body, choice, to);
        const turn = slackTurn({
          workspace: workspaceOf(context),
          channel: to.channel,
          thread: choice.thread,
          user: body.user.id,
          via: 'click',
          action: {
            value: choice.value,
            ...(choice.version !== undefined && { version: choice.version }),
            ...(choice.drawnFor && { drawnFor: choice.drawnFor }),
          },
        });
        await converse(deps, client, turn, to);
      } catch (err) {
        deps.log(err, { where: 'slack action', channel: to.channel, user: to.user });
        await explain(client, to, friendlyPostError(err), deps.log);
      }
    };
  app.action<BlockAction>(new RegExp(`^${choiceActionPrefix}`), handle(false));
  app.action<BlockAction>(shareActionId, handle(true));
  // A link button opens its URL in the browser; Slack still reports the click, which only needs an ack.
  app.action<BlockAction>(new RegExp(`^${linkActionPrefix}`), async ({ ack }) => {
    await ack();
  });
  // Any other button (a message drawn by an older release, or a forged payload) is acked at once:
  // unheard, Bolt answers Slack 404 after three seconds and the person sees an error on the button.
  app.action<BlockAction>(new RegExp(`^(?!${choiceActionPrefix}|${linkActionPrefix}|${shareActionId}$)`), async ({ ack }) => {
    await ack();
  });
}
