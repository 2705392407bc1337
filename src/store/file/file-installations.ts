import type { InstallationRepo } from '../../dialog/ports/installation-repo.ts';
import { copyJson } from '../shared/channel-state.ts';
import { LockedJsonFile } from './locked-json-file.ts';
import { InstallationsFileData, storeSchemaVersion } from '../shared/stored-schema.ts';
import { systemFilePath } from './store-paths.ts';

/** An InstallationRepo kept in `<directory>/_system/installations.json`. */
export function openLowdbInstallationRepo(directory: string): InstallationRepo & { idle(): Promise<void> } {
  const file = new LockedJsonFile(systemFilePath(directory, 'installations'), InstallationsFileData, () => ({
    schemaVersion: storeSchemaVersion,
    installations: [],
  }), { secret: true });
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
