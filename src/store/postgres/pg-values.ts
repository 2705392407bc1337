import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/** Anything that runs a query: the pool, or one client inside a transaction. */
export type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * Runs `work` in one transaction on one client: commits what it returns, rolls back what it throws.
 * When the connection breaks during COMMIT (a server crash), the transaction may have committed without
 * the answer arriving: `committed` is then asked (on a fresh connection) for what the work saved, and
 * its answer is returned; when it finds nothing, the COMMIT's error is thrown.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, committed?: () => Promise<T | undefined>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  let result: T;
  try {
    await client.query('BEGIN');
    result = await work(client);
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => {
      broken = rollbackFailed;
    });
    // A client that could not even roll back has a broken connection: destroy it, do not pool it.
    client.release(broken);
    throw err;
  }
  try {
    await client.query('COMMIT');
  } catch (lost) {
    client.release(lost as Error);
    const found = committed ? await committed().catch(() => undefined) : undefined;
    if (found === undefined) throw lost;
    return found;
  }
  client.release();
  return result;
}

// Postgres text and jsonb cannot hold U+0000, which chat text may contain; it is kept as
// U+FFFD instead of failing the save. In JSON text only an unescaped `\u0000` is the character.
const nulInJson = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * A key part (platform, workspace, channel, thread, event id, installation key) as text, losslessly:
 * U+FFFD is doubled and U+0000 becomes U+FFFD followed by "0", so an id with NUL stays distinct from
 * the same id with U+FFFD. Migration 3 doubled the U+FFFD already stored.
 */
export function pgKey(value: string): string {
  return value.replaceAll('\uFFFD', '\uFFFD\uFFFD').replaceAll('\u0000', '\uFFFD0');
}

/** The key part that pgKey stored (a lone U+FFFD, which pgKey never writes, is read as itself). */
export function fromPgKey(stored: string): string {
  return stored.replace(/\uFFFD([\uFFFD0])/g, (_pair, second: string) => (second === '0' ? '\u0000' : '\uFFFD'));
}

/**
 * What indexes a thread: the SHA-256 (hex) of its stored form, so a thread id of any length fits a
 * btree entry (Postgres refuses entries over about 2.7 KB). Migration 3 computes the same in SQL.
 */
export function threadHash(thread: string): string {
  return createHash('sha256').update(pgKey(thread), 'utf8').digest('hex');
}

/** A string as a text parameter (U+0000 becomes U+FFFD). */
export function pgText(value: string): string {
  return value.replaceAll('\u0000', '\uFFFD');
}

/** A value as a jsonb parameter: its JSON text, with U+0000 in strings stored as U+FFFD. */
export function pgJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(nulInJson, '$1\\ufffd');
}

/** True when `err` is the Postgres error with this SQLSTATE code (23505 = unique violation). */
export function hasSqlState(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === code;
}
