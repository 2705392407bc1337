import type { webApi } from '@slack/bolt';
import type { SlackDeps } from './slack-deps.ts';

/**
 * Whether a Slack user is an admin or owner of the workspace (users.info `is_admin` / `is_owner`).
 * A lookup that fails counts as "not an admin": forgetting a workspace is never granted by default.
 */
export async function isWorkspaceAdmin(client: webApi.WebClient, user: string, log: SlackDeps['log']): Promise<boolean> {
  try {
    const info = await client.users.info({ user });
    return info.user?.is_admin === true || info.user?.is_owner === true;
  } catch (err) {
    log(err, { where: 'slack users.info', user });
    return false;
  }
}
