import type { OpenedStore, OpenStoreOptions } from '../opened-store.ts';
import { dedupClock } from '../opened-store.ts';
import { createMemoryEventDedup } from './memory-event-dedup.ts';
import { createMemoryInstallationRepo } from './memory-installations.ts';
import { createMemoryStore } from './memory-store.ts';

/** Opens `memory:`: designs, dedup and installations held in this process only. */
export async function openMemoryStore(options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const designs = createMemoryStore(options.now ? { now: options.now } : {});
  return {
    designs,
    dedup: createMemoryEventDedup(dedupClock(options)),
    installations: createMemoryInstallationRepo(),
    close: () => designs.close(),
  };
}
