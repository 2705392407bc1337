import type { App } from '@slack/bolt';
import { installationPrefix } from '../slack-installations.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { workspaceOf } from '../slack-turn.ts';

/**
 * `app_uninstalled`, and `tokens_revoked` naming the bot's token: the workspace's installation is
 * forgotten, and so are its designs and sessions (the core deletes them). A revoked user token alone
 * only forgets the installation.
 */
export function registerUninstall(app: App, deps: SlackDeps): void {
  // In single-workspace token mode no installation is stored, and deleting nothing is harmless.
  const forget = async (context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }, designs: boolean) => {
    const prefix = installationPrefix(context);
    if (prefix) await deps.quorum.stores.installations.deleteWhere(prefix);
    if (designs) await deps.quorum.core.forgetWorkspace('slack', workspaceOf(context));
  };
  app.event('app_uninstalled', async ({ context }) => forget(context, true));
  app.event('tokens_revoked', async ({ event, context }) => {
    const bot = (event.tokens.bot ?? []).length > 0;
    if (bot || (event.tokens.oauth ?? []).length > 0) await forget(context, bot);
  });
}
