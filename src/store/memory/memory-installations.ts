import type { InstallationRepo } from '../../dialog/ports/installation-repo.ts';
import { copyJson } from '../shared/channel-state.ts';

/** An InstallationRepo held in this process only. */
export function createMemoryInstallationRepo(): InstallationRepo {
  const installations = new Map<string, unknown>();
  return {
    async save(key, installation) {
      installations.set(key, copyJson(installation));
    },
    async fetch(key) {
      return copyJson(installations.get(key));
    },
    async delete(key) {
      installations.delete(key);
    },
    async deleteWhere(prefix) {
      const doomed = [...installations.keys()].filter((key) => key.startsWith(prefix));
      for (const key of doomed) installations.delete(key);
      return doomed.length;
    },
  };
}
