import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { InstallationRepo } from '../../dialog/ports/installation-repo.ts';

/** Who an installation belongs to: the enterprise for an org-wide install, else the team. */
interface Owner {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** The key prefix of every installation of one workspace (or org), or undefined when the owner is unknown. */
export function installationPrefix(owner: Owner): string | undefined {
  if (owner.isEnterpriseInstall && owner.enterpriseId) return `slack/enterprise/${owner.enterpriseId}/`;
  return owner.teamId ? `slack/team/${owner.teamId}/` : undefined;
}

function keyOf(owner: Owner): string {
  const prefix = installationPrefix(owner);
  if (!prefix) throw new Error('A Slack installation without a team or enterprise id cannot be stored.');
  return `${prefix}bot`;
}

/** Bolt's InstallationStore over Quorum's InstallationRepo port: one installation per workspace (or org). */
export function createInstallationStore(repo: InstallationRepo): InstallationStore {
  return {
    async storeInstallation(installation) {
      await repo.save(
        keyOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall }),
        installation,
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await repo.fetch(keyOf(query));
      if (!found) throw new Error(`Quorum is not installed in Slack workspace ${query.teamId ?? query.enterpriseId ?? '(unknown)'}.`);
      return found as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await repo.delete(keyOf(query));
    },
  };
}
