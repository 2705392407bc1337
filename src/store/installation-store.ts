import { copyJson } from './channel-state.ts';
import { LockedJsonFile } from './locked-json-file.ts';
import { InstallationsFileData, storeSchemaVersion } from './stored-schema.ts';
import { systemFilePath } from './store-paths.ts';

/**
 * Where Slack OAuth installations are kept, by a key the Slack adapter chooses
 * (for example enterprise + team + user). Values are opaque JSON.
 */
export interface InstallationRepo {
  save(key: string, installation: unknown): Promise<void>;
  fetch(key: string): Promise<unknown | undefined>;
  delete(key: string): Promise<void>;
  /** Deletes every installation whose key starts with `prefix`; returns how many. */
  deleteWhere(prefix: string): Promise<number>;
}

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

/** An InstallationRepo kept in `<directory>/_system/installations.json`. */
export function openLowdbInstallationRepo(directory: string): InstallationRepo & { idle(): Promise<void> } {
  const file = new LockedJsonFile(systemFilePath(directory, 'installations'), InstallationsFileData, () => ({
    schemaVersion: storeSchemaVersion,
    installations: [],
  }));
  const remove = (keep: (key: string) => boolean) =>
    file.update((data) => {
      const before = data.installations.length;
      data.installations = data.installations.filter((i) => keep(i.key));
      const removed = before - data.installations.length;
      return { result: removed, changed: removed > 0 };
    });
  return {
    save: (key, installation) =>
      file.update((data) => {
        const entry = { key, installation: copyJson(installation) };
        const at = data.installations.findIndex((i) => i.key === key);
        if (at >= 0) data.installations[at] = entry;
        else data.installations.push(entry);
        return { result: undefined, changed: true };
      }),
    fetch: (key) => file.update((data) => ({ result: copyJson(data.installations.find((i) => i.key === key)?.installation), changed: false })),
    delete: async (key) => {
      await remove((k) => k !== key);
    },
    deleteWhere: (prefix) => remove((k) => !k.startsWith(prefix)),
    idle: () => file.idle(),
  };
}
