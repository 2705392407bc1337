import type { EventDedup, EventDedupOptions } from '../../dialog/ports/event-dedup.ts';

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
    async release(id) {
      claims.delete(id);
    },
  };
}
