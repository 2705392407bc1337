import type { OpenedStore, OpenStoreOptions } from '../opened-store.ts';
import { dedupClock } from '../opened-store.ts';
import { openLowdbEventDedup } from './file-event-dedup.ts';
import { openLowdbInstallationRepo } from './file-installations.ts';
import { openLowdbStore } from './lowdb-store.ts';
import { lockStoreDirectory } from './process-lock.ts';

/** Opens the lowdb store in `directory` (absolute): thread files, event dedup log and installations. */
export async function openFileStore(directory: string, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const unlock = await lockStoreDirectory(directory);
  const clock = options.now;
  const designs = await openLowdbStore(directory, {
    ...(clock ? { now: clock } : {}),
    ...(options.maxOpenFiles ? { maxOpenFiles: options.maxOpenFiles } : {}),
    ...(options.maxOpenBytes ? { maxOpenBytes: options.maxOpenBytes } : {}),
  });
  const dedup = openLowdbEventDedup(directory, dedupClock(options));
  const installations = openLowdbInstallationRepo(directory);
  return {
    designs,
    dedup,
    installations,
    async close() {
      await Promise.all([designs.close(), dedup.idle(), installations.idle()]);
      await unlock();
    },
  };
}
