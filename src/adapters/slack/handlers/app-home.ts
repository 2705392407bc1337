import type { App, types } from '@slack/bolt';
import type { Reply } from '../../../dialog/reply.ts';
import type { RecentDesign } from '../../../dialog/door.ts';
import { askCore } from '../converse.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { renderBlocks } from '../render-blocks.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { slackLimits } from '../slack-limits.ts';
import { slackTurn, workspaceOf } from '../slack-turn.ts';

const recentDesigns = 10;

function designLine(design: RecentDesign): string {
  const day = design.updatedAt.slice(0, 10);
  const where = /^[CGD][A-Z0-9]{2,}$/.test(design.channel) ? `<#${design.channel}>` : escapeMrkdwn(design.channel);
  return `• *${escapeMrkdwn(design.title)}* (\`${escapeMrkdwn(design.id)}\`) · version ${design.latestVersion} · ${day} · in ${where}`;
}

/** The Home tab: how to use Quorum, then the user's most recent designs in this workspace. */
export function homeView(help: Reply[], designs: RecentDesign[]): types.HomeView {
  const helpBlocks = help.flatMap((reply) =>
    renderBlocks({ ...reply, choices: [] }, { context: { thread: 'home' } }).flatMap((m) => m.blocks),
  );
  const designBlocks: types.KnownBlock[] =
    designs.length === 0
      ? [{ type: 'section', text: { type: 'mrkdwn', text: 'No designs yet. Start one with `/quorum design` in a channel, or send me `design` here.' } }]
      : designs.map((d) => ({ type: 'section', text: { type: 'mrkdwn', text: designLine(d) } }));
  const tail: types.KnownBlock[] = [{ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: 'Your recent designs' } }, ...designBlocks];
  const room = slackLimits.blocksPerView - tail.length - 1;
  return {
    type: 'home',
    blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Quorum' } }, ...helpBlocks.slice(0, room), ...tail],
  };
}

/** `app_home_opened`: publishes the Home tab for the user who opened it. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    const workspace = workspaceOf(context);
    const designs = await deps.quorum.core.recentDesigns({ platform: 'slack', workspace, user: event.user, limit: recentDesigns });
    const to = { channel: event.channel, user: event.user };
    const turn = slackTurn({ workspace, channel: 'app-home', thread: event.user, user: event.user, text: 'help' });
    const help = (await askCore(deps, client, turn, to))?.replies ?? [];
    try {
      await client.views.publish({ user_id: event.user, view: homeView(help, designs) });
    } catch (err) {
      deps.log(err, { where: 'slack views.publish', user: event.user });
    }
  });
}
