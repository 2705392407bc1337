import { LockedJsonFile } from './locked-json-file.ts';
import { DedupFileData, storeSchemaVersion } from './stored-schema.ts';
import { systemFilePath } from './store-paths.ts';

/**
 * Remembers which platform events were already handled (Slack retries an event it thinks
 * was missed). `claim` is true the first time an id is claimed within `ttlMs`, false after.
 */
export interface EventDedup {
  claim(id: string, ttlMs: number): Promise<boolean>;
}

/** Options for both dedup implementations; `now` is the clock that decides expiry. */
export interface EventDedupOptions {
  now?: () => number;
}

/** An EventDedup held in this process only. */
export function createMemoryEventDedup(options: EventDedupOptions = {}): EventDedup {
  const now = options.now ?? Date.now;
  const claims = new Map<string, number>();
  return {
    async claim(id, ttlMs) {
      const at = now();
      for (const [claimed, expiresAt] of claims) if (expiresAt <= at) claims.delete(claimed);
      if (claims.has(id)) return false;
      claims.set(id, at + ttlMs);
      return true;
    },
  };
}

/** An EventDedup kept in `<directory>/_system/event-dedup.json`, so claims survive a restart. */
export function openLowdbEventDedup(directory: string, options: EventDedupOptions = {}): EventDedup & { idle(): Promise<void> } {
  const now = options.now ?? Date.now;
  const file = new LockedJsonFile(systemFilePath(directory, 'event-dedup'), DedupFileData, () => ({
    schemaVersion: storeSchemaVersion,
    claims: [],
  }));
  return {
    claim: (id, ttlMs) =>
      file.update((data) => {
        const at = now();
        const live = data.claims.filter((c) => c.expiresAt > at);
        const pruned = live.length !== data.claims.length;
        data.claims = live;
        if (live.some((c) => c.id === id)) return { result: false, changed: pruned };
        data.claims.push({ id, expiresAt: at + ttlMs });
        return { result: true, changed: true };
      }),
    idle: () => file.idle(),
  };
}
