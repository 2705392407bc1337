import { openClaimLog } from './claim-log.ts';
import type { ClaimLog } from './claim-log.ts';
import type { EventDedup, EventDedupOptions } from '../../dialog/ports/event-dedup.ts';
import { systemFilePath, systemLogPath } from './store-paths.ts';

/**
 * An EventDedup kept in `<directory>/_system/event-dedup.jsonl`, so claims survive a restart.
 * The ids live in memory (checked in O(1)); each new claim is appended to the log, and `claim`
 * resolves true only once that line is written, so a restart remembers every id it said yes to.
 * A log that fails to load is retried on the next claim.
 */
export function openLowdbEventDedup(directory: string, options: EventDedupOptions = {}): EventDedup & { idle(): Promise<void> } {
  const now = options.now ?? Date.now;
  let log: Promise<ClaimLog> | undefined;
  const opened = () => {
    log ??= openClaimLog(systemLogPath(directory, 'event-dedup'), systemFilePath(directory, 'event-dedup'), now).catch((err: unknown) => {
      log = undefined;
      throw err;
    });
    return log;
  };
  return {
    async claim(id, ttlMs) {
      const { claims, append } = await opened();
      const at = now();
      if ((claims.get(id) ?? 0) > at) return false;
      claims.set(id, at + ttlMs);
      try {
        await append(id, at + ttlMs);
      } catch (err) {
        // Not on disk, so not claimed: a retry of the event may claim it again.
        if (claims.get(id) === at + ttlMs) claims.delete(id);
        throw err;
      }
      return true;
    },
    async release(id) {
      const { claims, append } = await opened();
      if (!claims.delete(id)) return;
      // An expired line, so a restart does not bring the claim back (the log's last line for an id wins).
      // When even that cannot be written, the id is still free in this process.
      await append(id, 0);
    },
    async idle() {
      if (log) await (await log.catch(() => undefined))?.idle();
    },
  };
}
