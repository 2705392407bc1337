import type { Pool } from 'pg';
import type { EventDedup, EventDedupOptions } from '../../dialog/ports/event-dedup.ts';
import { pgKey } from './pg-values.ts';

// Expired claims are deleted at most this often per instance (by the injected clock).
const pruneEveryMs = 60_000;

/**
 * An EventDedup in the `seen_events` table, so a Slack retry that reaches another instance
 * is still handled once. A claim is one upsert that only takes over an expired row, so of
 * many simultaneous claims of one id exactly one returns a row.
 */
export function createPostgresEventDedup(pool: Pool, options: EventDedupOptions = {}): EventDedup {
  const now = options.now ?? Date.now;
  let prunedAt = Number.NEGATIVE_INFINITY;
  return {
    async claim(id, ttlMs) {
      const at = now();
      if (at - prunedAt >= pruneEveryMs) {
        prunedAt = at;
        await pool.query('DELETE FROM seen_events WHERE expires_at <= $1', [new Date(at)]);
      }
      const { rowCount } = await pool.query(
        `INSERT INTO seen_events (id, expires_at) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen_events.expires_at <= $3
         RETURNING id`,
        [pgKey(id), new Date(at + ttlMs), new Date(at)],
      );
      return rowCount === 1;
    },
    async release(id) {
      await pool.query('DELETE FROM seen_events WHERE id = $1', [pgKey(id)]);
    },
  };
}
