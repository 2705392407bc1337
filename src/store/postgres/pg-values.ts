import type { Pool, PoolClient } from 'pg';

/** Anything that runs a query: the pool, or one client inside a transaction. */
export type Queryable = Pick<Pool | PoolClient, 'query'>;

/** Runs `work` in one transaction on one client: commits what it returns, rolls back what it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => {
      broken = rollbackFailed;
    });
    throw err;
  } finally {
    // A client that could not even roll back has a broken connection: destroy it, do not pool it.
    client.release(broken);
  }
}

// Postgres text and jsonb cannot hold U+0000, which chat text may contain; it is kept as
// U+FFFD instead of failing the save. In JSON text only an unescaped `\u0000` is the character.
const nulInJson = /(?<!\\)((?:\\\\)*)\\u0000/g;

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
