import type { App } from '@slack/bolt';
import { installationPrefix } from '../slack-installations.ts';
import type { SlackDeps } from '../slack-deps.ts';

/** `app_uninstalled` and `tokens_revoked`: the workspace's installation is forgotten (designs stay). */
export function registerUninstall(app: App, deps: SlackDeps): void {
  // In single-workspace token mode nothing is stored, and deleting nothing is harmless.
  const forget = async (context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }) => {
    const prefix = installationPrefix(context);
    if (prefix) await deps.quorum.stores.installations.deleteWhere(prefix);
  };
  app.event('app_uninstalled', async ({ context }) => forget(context));
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0 || (event.tokens.oauth ?? []).length > 0) await forget(context);
  });
}
