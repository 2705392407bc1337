import pg from 'pg';
import { UserError } from '../../errors.ts';
import type { OpenedStore } from '../opened-store.ts';
import { dedupClock } from '../opened-store.ts';
import { applyMigrations } from './migrations.ts';
import { createPostgresEventDedup } from './postgres-dedup.ts';
import { createPostgresInstallationRepo } from './postgres-installations.ts';
import { createPostgresStore } from './postgres-store.ts';

/** How long connecting, and any one query, may take before it fails (milliseconds). */
export const timeouts = { connectMs: 5_000, queryMs: 10_000 };

/** Options for opening the Postgres store: the clock, and how many connections each instance may hold. */
export interface OpenPostgresOptions {
  now?: () => Date;
  maxConnections?: number;
}

/**
 * Connects to the database at `url` (postgres://user:password@host:port/db, libpq options
 * such as `?options=-c search_path=…` included), brings its schema up to date and returns
 * the designs, event dedup and installations kept there. A database Quorum cannot reach is a UserError.
 */
export async function openPostgresStore(url: string, options: OpenPostgresOptions = {}): Promise<OpenedStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    // A frozen or unreachable server fails the turn within seconds instead of queueing turns behind it.
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    statement_timeout: timeouts.queryMs,
  });
  // A connection that breaks (a server restart) emits 'error' on its client, checked out or idle;
  // unheard, that event kills the process. The pool drops a broken client, and the query in flight
  // fails with its own error, which the turn reports; the next query opens a fresh connection.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  try {
    await applyMigrations(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    if (err instanceof UserError) throw err;
    throw new UserError('store_unreachable', `Quorum could not open the Postgres store at ${redacted(url)}: ${(err as Error).message}`, {
      hint: 'Check that Postgres is running and that QUORUM_STORE names a database this user may create tables in.',
    });
  }
  const clock = options.now;
  const designs = createPostgresStore(pool, clock ? { now: clock } : {});
  return {
    designs,
    dedup: createPostgresEventDedup(pool, dedupClock(options)),
    installations: createPostgresInstallationRepo(pool),
    close: () => designs.close(),
  };
}

/** The URL without its password, safe to show in a message or a log. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the QUORUM_STORE URL';
  }
}
